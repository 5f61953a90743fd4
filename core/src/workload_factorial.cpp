#include <optional>

#include "accumulators.hpp"
#include "playground/errors.hpp"
#include "playground/factorial.hpp"
#include "workloads.hpp"

namespace playground {
namespace {

// Every task computes the same n! (the seed's list of equal numbers): each worker tallies its
// share as a partial, and all summaries must agree. Only the task that prints fills `decimal`.
using FactorialTally = FactorialPartial;

class FactorialWorkload final : public Workload {
 public:
  FactorialWorkload(const Params& params, std::size_t workers)
      : n_(params.n), count_(params.count), print_(params.print), tallies_(workers) {}

  std::size_t task_count() const override { return count_; }
  std::uint64_t total_items() const override { return count_; }

  StepResult step(std::size_t task, std::uint64_t&, std::size_t worker) override {
    // snippet-begin: factorial-task
    // One task is one whole n!: it never waits and never yields, so only parallel cores speed it up.
    const BigInt value = factorial_prime_swing(n_);
    FactorialTally& tally = tallies_[worker];
    // The report carries a summary (digits, leading digits, bits), not hundreds of thousands of digits.
    record(tally, summarize_decimal(value));
    if (print_ && task == 0) tally.decimal = to_decimal(value);
    ++tally.computed;
    return {StepKind::Done, 0, 1};
    // snippet-end: factorial-task
  }

  DemoPartial partial() const override {
    FactorialTally total;
    tallies_.for_each([&](const FactorialTally& t) { merge(total, t); });
    return total;
  }

  void absorb(const DemoPartial& partial) override {
    merge(absorbed_, partial_of<FactorialPartial>(Demo::Factorial, partial));
  }

  DemoResult result() const override {
    FactorialTally total = absorbed_;
    tallies_.for_each([&](const FactorialTally& t) { merge(total, t); });
    if (total.computed != count_ || !total.summary)
      throw RunError("computed " + std::to_string(total.computed) + " of " + std::to_string(count_) + " factorials");
    FactorialResult out{n_,
                        total.computed,
                        total.summary->digits,
                        total.summary->leading,
                        factorial_trailing_zeros(n_),
                        total.summary->bits,
                        std::nullopt};
    if (print_) out.decimal = total.decimal.value_or("");
    return out;
  }

 private:
  static void record(FactorialTally& tally, const DecimalSummary& summary) {
    if (tally.summary && *tally.summary != summary)
      throw RunError("two computations of the same factorial disagree");
    tally.summary = summary;
  }

  static void merge(FactorialTally& into, const FactorialTally& from) {
    if (from.summary) record(into, *from.summary);
    into.computed += from.computed;
    if (!into.decimal) into.decimal = from.decimal;
  }

  std::uint64_t n_;
  std::uint64_t count_;
  bool print_;
  PerWorker<FactorialTally> tallies_;
  FactorialTally absorbed_;
};

}  // namespace

std::unique_ptr<Workload> make_factorial_workload(const Params& params, std::size_t workers) {
  return std::make_unique<FactorialWorkload>(params, workers);
}

}  // namespace playground

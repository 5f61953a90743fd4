#include <optional>
#include "playground/json_integer.hpp"

#include "accumulators.hpp"
#include "playground/errors.hpp"
#include "playground/factorial.hpp"
#include "workloads.hpp"

namespace playground {
namespace {

using json = nlohmann::json;

// Every task computes the same n! (the seed's list of equal numbers); the tallies must agree.
struct FactorialTally {
  std::uint64_t computed = 0;
  std::optional<DecimalSummary> summary;
  std::string decimal;  // only the task that prints fills it
};

class FactorialWorkload final : public Workload {
 public:
  FactorialWorkload(const Params& params, std::size_t workers)
      : n_(params.n), count_(params.count), print_(params.print), tallies_(workers) {}

  std::size_t task_count() const override { return count_; }
  std::uint64_t total_items() const override { return count_; }

  StepResult step(std::size_t task, std::uint64_t&, std::size_t worker) override {
    // snippet-begin: factorial-task
    // One task is one whole n!: it never waits and never yields, so only parallel cores speed it up.
    const BigInt value = factorial_product_tree(n_);
    FactorialTally& tally = tallies_[worker];
    // The report carries a summary (digits, leading digits, bits), not hundreds of thousands of digits.
    record(tally, summarize_decimal(value));
    if (print_ && task == 0) tally.decimal = to_decimal(value);
    ++tally.computed;
    return {StepKind::Done, 0, 1};
    // snippet-end: factorial-task
  }

  json partial() const override {
    FactorialTally total;
    tallies_.for_each([&](const FactorialTally& t) { merge(total, t); });
    return to_json(total);
  }

  void absorb(const json& partial) override {
    FactorialTally tally;
    tally.computed = integer_field<std::uint64_t>(partial, "computed");
    if (partial.contains("digits"))
      tally.summary = DecimalSummary{integer_field<std::uint64_t>(partial, "digits"),
                                     partial.at("leading").get<std::string>(),
                                     integer_field<std::uint64_t>(partial, "bits")};
    tally.decimal = partial.value("decimal", "");
    merge(absorbed_, tally);
  }

  json result() const override {
    FactorialTally total = absorbed_;
    tallies_.for_each([&](const FactorialTally& t) { merge(total, t); });
    if (total.computed != count_ || !total.summary)
      throw RunError("computed " + std::to_string(total.computed) + " of " + std::to_string(count_) + " factorials");
    json out = {{"n", n_},
                {"count", total.computed},
                {"digits", total.summary->digits},
                {"leading", total.summary->leading},
                {"trailing_zeros", factorial_trailing_zeros(n_)},
                {"bits", total.summary->bits}};
    if (print_) out["decimal"] = total.decimal;
    return out;
  }

 private:
  static void record(FactorialTally& tally, const DecimalSummary& summary) {
    if (tally.summary && (tally.summary->digits != summary.digits || tally.summary->leading != summary.leading ||
                          tally.summary->bits != summary.bits))
      throw RunError("two computations of the same factorial disagree");
    tally.summary = summary;
  }

  static void merge(FactorialTally& into, const FactorialTally& from) {
    if (from.summary) record(into, *from.summary);
    into.computed += from.computed;
    if (into.decimal.empty()) into.decimal = from.decimal;
  }

  static json to_json(const FactorialTally& tally) {
    json out = {{"computed", tally.computed}};
    if (tally.summary) {
      out["digits"] = tally.summary->digits;
      out["leading"] = tally.summary->leading;
      out["bits"] = tally.summary->bits;
    }
    if (!tally.decimal.empty()) out["decimal"] = tally.decimal;
    return out;
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

#include <algorithm>

#include "accumulators.hpp"
#include "playground/primes.hpp"
#include "workloads.hpp"

namespace playground {
namespace {

// Chunks are the unit of dynamic scheduling: small enough that the costly high numbers spread
// over all workers, large enough that taking the next chunk costs nothing measurable.
constexpr std::uint64_t kTrialChunk = 1000;
constexpr std::uint64_t kSieveChunk = 1 << 16;

class PrimesWorkload final : public Workload {
 public:
  PrimesWorkload(const Params& params, std::size_t workers)
      : limit_(params.limit),
        sieve_(params.algorithm == PrimeAlgorithm::Sieve),
        chunk_(sieve_ ? kSieveChunk : kTrialChunk),
        tallies_(workers) {
    if (sieve_) base_ = primes_up_to(integer_sqrt(limit_));
  }

  std::size_t task_count() const override { return (limit_ + chunk_ - 1) / chunk_; }
  std::uint64_t total_items() const override { return limit_; }

  StepResult step(std::size_t task, std::uint64_t&, std::size_t worker) override {
    // snippet-begin: primes-task
    // Task t tests the numbers 1 + t*chunk .. min(limit, (t+1)*chunk).
    const std::uint64_t first = 1 + task * chunk_;
    const std::uint64_t last = std::min(limit_ + 1, first + chunk_);
    // Each worker adds to a tally of its own: no lock, no shared counter; they are summed at the end.
    tallies_[worker].add(sieve_ ? tally_primes_sieve(first, last, base_) : tally_primes_trial(first, last));
    return {StepKind::Done, 0, last - first};
    // snippet-end: primes-task
  }

  DemoPartial partial() const override {
    const PrimeTally total = merged();
    return PrimesPartial{total.count, total.largest};
  }

  void absorb(const DemoPartial& partial) override {
    const auto& share = partial_of<PrimesPartial>(Demo::Primes, partial);
    absorbed_.add({share.count, share.largest});
  }

  DemoResult result() const override {
    PrimeTally total = merged();
    total.add(absorbed_);
    return PrimesResult{total.count, total.largest};
  }

 private:
  PrimeTally merged() const {
    PrimeTally total;
    tallies_.for_each([&](const PrimeTally& t) { total.add(t); });
    return total;
  }

  std::uint64_t limit_;
  bool sieve_;
  std::uint64_t chunk_;
  std::vector<std::uint32_t> base_;
  PerWorker<PrimeTally> tallies_;
  PrimeTally absorbed_;
};

}  // namespace

std::unique_ptr<Workload> make_primes_workload(const Params& params, std::size_t workers) {
  return std::make_unique<PrimesWorkload>(params, workers);
}

}  // namespace playground

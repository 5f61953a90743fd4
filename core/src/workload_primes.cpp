#include <algorithm>

#include "accumulators.hpp"
#include "playground/primes.hpp"
#include "workloads.hpp"

namespace playground {
namespace {

// Chunks are the unit of dynamic scheduling: small enough that the costly high numbers spread
// over all workers, large enough that taking the next chunk costs nothing measurable.
constexpr std::uint64_t kTrialChunk = 1000;
// A sieve chunk is up to 4 of the sieve's segments; for smaller limits about 64 chunks, so that
// every worker still gets some. Multiples of 30 start each chunk on a byte of the wheel.
constexpr std::uint64_t kSieveChunkMin = 30 * 2'184;  // ~2^16
constexpr std::uint64_t kSieveChunkMax = 4 * kSieveSegmentNumbers;
constexpr std::uint64_t kSieveChunkTarget = 64;

std::uint64_t sieve_chunk(std::uint64_t limit) {
  return std::clamp<std::uint64_t>(limit / kSieveChunkTarget / 30 * 30, kSieveChunkMin, kSieveChunkMax);
}

class PrimesWorkload final : public Workload {
 public:
  PrimesWorkload(const Params& params, std::size_t workers)
      : limit_(params.limit),
        sieve_(params.algorithm == PrimeAlgorithm::Sieve),
        chunk_(sieve_ ? sieve_chunk(limit_) : kTrialChunk),
        tallies_(workers),
        scratch_(workers) {
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
    tallies_[worker].add(sieve_ ? tally_primes_sieve(first, last, base_, scratch_[worker])
                                : tally_primes_trial(first, last));
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
  PerWorker<SieveScratch> scratch_;  // each worker sieves in memory of its own
  PrimeTally absorbed_;
};

}  // namespace

std::unique_ptr<Workload> make_primes_workload(const Params& params, std::size_t workers) {
  return std::make_unique<PrimesWorkload>(params, workers);
}

}  // namespace playground

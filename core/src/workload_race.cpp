#include <algorithm>
#include <mutex>

#include "accumulators.hpp"
#include "workloads.hpp"

namespace playground {
namespace {

// Increments per slice: the points where a GIL may switch or a coroutine yields, as often as
// the seed's asyncio version awaits (it yields every 10000; we choose finer for livelier timelines).
constexpr std::uint64_t kSlice = 1000;

// Each task is one worker's loop of `increments` additions to one shared counter.
class RaceWorkload final : public Workload {
 public:
  RaceWorkload(const Request& request, std::size_t workers, RaceCounter shared)
      : tasks_(request.workers),
        increments_(request.params.increments),
        sync_(request.params.sync),
        processes_(request.mode == Mode::Processes),
        shared_(shared.value != nullptr),
        value_(shared.value ? shared.value : &own_value_),
        lock_(shared.lock ? shared.lock : &own_lock_),
        done_(workers) {}

  std::size_t task_count() const override { return tasks_; }
  // Worker i runs loop i, all loops at once: a worker that took the next loop left could run
  // both loops alone while the other has not started, and nothing would race.
  bool one_task_per_worker() const override { return true; }
  std::uint64_t total_items() const override { return tasks_ * increments_; }

  StepResult step(std::size_t, std::uint64_t& cursor, std::size_t worker) override {
    const std::uint64_t slice = std::min(kSlice, increments_ - cursor);
    switch (sync_) {
      case Sync::None:
        // snippet-begin: race-sync-none
        // Read, then write back: another worker's write between the two is lost. Both accesses
        // are atomic, so this is a race in the logic, not a data race (no undefined behaviour).
        for (std::uint64_t i = 0; i < slice; ++i) {
          const std::int64_t seen = value_->load(std::memory_order_relaxed);
          value_->store(seen + 1, std::memory_order_relaxed);
        }
        // snippet-end: race-sync-none
        break;
      case Sync::Lock:
        // snippet-begin: race-sync-lock
        for (std::uint64_t i = 0; i < slice; ++i) {
          std::lock_guard guard(*lock_);
          value_->store(value_->load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        }
        // snippet-end: race-sync-lock
        break;
      case Sync::Atomic:
        // snippet-begin: race-sync-atomic
        for (std::uint64_t i = 0; i < slice; ++i) value_->fetch_add(1, std::memory_order_relaxed);
        // snippet-end: race-sync-atomic
        break;
    }
    cursor += slice;
    done_[worker] += slice;
    return {cursor == increments_ ? StepKind::Done : StepKind::More, 0, slice};
  }

  DemoPartial partial() const override { return RacePartial{value_->load(), done()}; }

  void absorb(const DemoPartial& partial) override {
    const auto& share = partial_of<RacePartial>(Demo::Race, partial);
    absorbed_done_ += share.increments_done;
    if (!shared_) isolated_finals_.push_back(share.final_value);
  }

  DemoResult result() const override {
    RaceResult out;
    out.expected = static_cast<std::int64_t>(tasks_ * increments_);
    out.final_value = value_->load();
    out.sync = sync_;
    out.increments_done = done() + absorbed_done_;
    if (processes_) {
      out.shared_memory = shared_;
      // Without shared memory every child added to its own copy and the parent's copy never
      // moved: no counter was shared, so no update was lost and there is no "lost" to report.
      if (!shared_) {
        out.child_finals = isolated_finals_;
        return out;
      }
    }
    out.lost = out.expected - out.final_value;
    return out;
  }

 private:
  std::uint64_t done() const {
    std::uint64_t total = 0;
    done_.for_each([&](std::uint64_t d) { total += d; });
    return total;
  }

  std::uint64_t tasks_;
  std::uint64_t increments_;
  Sync sync_;
  bool processes_;
  bool shared_;
  std::atomic<std::int64_t> own_value_{0};
  MutexCounterLock own_lock_;
  std::atomic<std::int64_t>* value_;
  CounterLock* lock_;
  PerWorker<std::uint64_t> done_;
  std::uint64_t absorbed_done_ = 0;
  std::vector<std::int64_t> isolated_finals_;
};

}  // namespace

std::unique_ptr<Workload> make_race_workload(const Request& request, std::size_t workers, RaceCounter shared) {
  return std::make_unique<RaceWorkload>(request, workers, shared);
}

}  // namespace playground

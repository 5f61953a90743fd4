#include "accumulators.hpp"
#include "workloads.hpp"

namespace playground {
namespace {

// Each task stands for a download or a sleep: one wait, no computation. How the wait is spent
// (blocking a thread, releasing the GIL, suspending a coroutine) is the mode's business.
class IoWorkload final : public Workload {
 public:
  IoWorkload(const Params& params, std::size_t workers)
      : tasks_(params.tasks), latency_ms_(params.latency_ms), completed_(workers) {}

  std::size_t task_count() const override { return tasks_; }
  std::uint64_t total_items() const override { return tasks_; }

  StepResult step(std::size_t, std::uint64_t& cursor, std::size_t worker) override {
    // snippet-begin: io-step
    if (cursor == 0) {  // first visit: ask the mode to wait, and come back when it is over
      cursor = 1;
      return {StepKind::Wait, latency_ms_, 0};
    }
    ++completed_[worker];  // second visit: the "download" has arrived
    return {StepKind::Done, 0, 1};
    // snippet-end: io-step
  }

  DemoPartial partial() const override { return IoPartial{completed()}; }
  void absorb(const DemoPartial& partial) override { absorbed_ += partial_of<IoPartial>(Demo::Io, partial).completed; }
  DemoResult result() const override { return IoResult{tasks_, completed() + absorbed_}; }

 private:
  std::uint64_t completed() const {
    std::uint64_t total = 0;
    completed_.for_each([&](std::uint64_t c) { total += c; });
    return total;
  }

  std::uint64_t tasks_;
  std::uint64_t latency_ms_;
  PerWorker<std::uint64_t> completed_;
  std::uint64_t absorbed_ = 0;
};

}  // namespace

std::unique_ptr<Workload> make_io_workload(const Params& params, std::size_t workers) {
  return std::make_unique<IoWorkload>(params, workers);
}

}  // namespace playground

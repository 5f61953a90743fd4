#include <algorithm>
#include <optional>
#include <vector>

#include "accumulators.hpp"
#include "workloads.hpp"

namespace playground {
namespace {

// Each task stands for a download or a sleep: one wait, no computation. How the wait is spent
// (blocking a thread, releasing the GIL, suspending a coroutine) is the mode's business.
// With the http source the wait is a real response: the mode fetches it and hands it back.
class IoWorkload final : public Workload {
 public:
  IoWorkload(const Params& params, std::size_t workers)
      : tasks_(params.tasks), latency_ms_(params.latency_ms), http_(params.source == WaitSource::Http),
        bytes_(params.bytes), completed_(workers), fetches_(http_ ? params.tasks : 0) {}

  std::size_t task_count() const override { return tasks_; }
  std::uint64_t total_items() const override { return tasks_; }

  StepResult step(std::size_t, std::uint64_t& cursor, std::size_t worker) override {
    // snippet-begin: io-step
    if (cursor == 0) {  // first visit: ask the mode to wait, and come back when it is over
      cursor = 1;
      if (http_) return {StepKind::Fetch, latency_ms_, 0, bytes_};  // a real download of bytes_
      return {StepKind::Wait, latency_ms_, 0};
    }
    ++completed_[worker];  // second visit: the "download" has arrived
    return {StepKind::Done, 0, 1};
    // snippet-end: io-step
  }

  // Each task's slot is written once, by the thread running it; read after the run.
  void fetched(std::size_t task, const FetchOutcome& outcome) override {
    fetches_.at(task) = FetchRecord{task, outcome.bytes, outcome.intact && outcome.bytes == bytes_,
                                    outcome.start_ms, outcome.first_byte_ms, outcome.end_ms};
  }

  DemoPartial partial() const override {
    IoPartial partial;
    partial.completed = completed();
    if (http_) partial.fetches = own_fetches();
    return partial;
  }
  void absorb(const DemoPartial& partial) override {
    const IoPartial& share = partial_of<IoPartial>(Demo::Io, partial);
    absorbed_ += share.completed;
    if (!share.fetches) return;
    // A share's records name tasks of this run, each once: anything else is a broken message.
    for (const FetchRecord& record : *share.fetches) {
      if (record.task >= fetches_.size() || fetches_[record.task])
        throw RunError("an io partial names task " + std::to_string(record.task) + " twice or out of range");
      fetches_[record.task] = record;
    }
  }
  DemoResult result() const override {
    IoResult result;
    result.tasks = tasks_;
    result.completed = completed() + absorbed_;
    if (!http_) return result;
    result.fetches = own_fetches();
    std::uint64_t total = 0;
    bool intact = result.fetches->size() == tasks_;
    for (const FetchRecord& record : *result.fetches) {
      total += record.bytes;
      intact = intact && record.intact && record.bytes == bytes_;
    }
    result.total_bytes = total;
    result.intact = intact;
    return result;
  }

 private:
  std::uint64_t completed() const {
    std::uint64_t total = 0;
    completed_.for_each([&](std::uint64_t c) { total += c; });
    return total;
  }

  std::vector<FetchRecord> own_fetches() const {
    std::vector<FetchRecord> out;
    for (const auto& record : fetches_)
      if (record) out.push_back(*record);
    return out;
  }

  std::uint64_t tasks_;
  std::uint64_t latency_ms_;
  bool http_;
  std::uint64_t bytes_;
  PerWorker<std::uint64_t> completed_;
  std::vector<std::optional<FetchRecord>> fetches_;  // by task; http only
  std::uint64_t absorbed_ = 0;
};

}  // namespace

std::unique_ptr<Workload> make_io_workload(const Params& params, std::size_t workers) {
  return std::make_unique<IoWorkload>(params, workers);
}

}  // namespace playground

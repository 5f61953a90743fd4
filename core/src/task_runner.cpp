#include "playground/task_runner.hpp"

#include "modes.hpp"

namespace playground {

struct TaskRunner::State {
  State(const Request& request, double origin_ms, const RunHooks& hooks)
      : workload(make_workload(request, 1)), timeline(1, origin_ms), run(*workload, timeline, hooks) {}
  std::unique_ptr<Workload> workload;
  Timeline timeline;
  RunState run;
  BlockingPolicy policy{run};
};

TaskRunner::TaskRunner(const Request& request, double origin_ms, const RunHooks& hooks)
    : state_(std::make_unique<State>(request, origin_ms, hooks)) {}
TaskRunner::~TaskRunner() = default;

std::size_t TaskRunner::task_count() const { return state_->workload->task_count(); }
void TaskRunner::begin() { state_->timeline.begin(0); }
bool TaskRunner::run(std::size_t task) { return drive_task(state_->run, task, 0, state_->policy); }
void TaskRunner::waited(double start_abs_ms, double end_abs_ms) {
  state_->timeline.record(0, WorkerState::Waiting, start_abs_ms, end_abs_ms);
}
void TaskRunner::end() { state_->timeline.end(0); }

DemoPartial TaskRunner::partial() const { return state_->workload->partial(); }
Report TaskRunner::timeline() const {
  Report report;
  state_->timeline.fill(report);
  return report;
}

}  // namespace playground

#pragma once
// One worker fed its tasks from outside, one after another: an MPI rank whose chunks of work
// arrive as messages (native/mpi). The same workloads, slices and timeline as every other mode.
#include <memory>
#include <vector>

#include "playground/report.hpp"
#include "playground/run.hpp"

namespace playground {

class TaskRunner {
 public:
  // `origin_ms`: the now_ms() this worker's times count from.
  TaskRunner(const Request&, double origin_ms, const RunHooks& = {});
  ~TaskRunner();
  TaskRunner(const TaskRunner&) = delete;
  TaskRunner& operator=(const TaskRunner&) = delete;

  std::size_t task_count() const;
  void begin();  // the span starts here, on the calling thread (its pid and tid)
  // Runs one task to completion; false when the hooks stopped it (cancelled, past the deadline).
  bool run(std::size_t task);
  // Records a stretch the worker spent waiting outside the workload (for work, at a barrier).
  void waited(double start_abs_ms, double end_abs_ms);
  void end();

  DemoPartial partial() const;
  // This worker's span (worker 0), events (coalesced and capped like any run's) and whether they
  // were cut, in a report of its own.
  Report timeline() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace playground

#include "modes.hpp"
#include "playground/gil.hpp"

namespace playground {
namespace {

// Threads that compute only while holding the simulated GIL, as CPython threads run bytecode.
class GilPolicy {
 public:
  GilPolicy(SimulatedGil& gil, RunState& state) : gil_(gil), state_(state), timeline_(state.timeline) {}
  ~GilPolicy() {
    if (held_) gil_.release();  // also on an exception, so that the other threads can finish
  }

  void acquire(std::size_t worker) {
    const double start = now_ms();
    gil_.acquire();
    held_ = true;
    timeline_.record(worker, WorkerState::GilWait, start, now_ms());
  }

  // Between slices, like the eval loop between bytecodes: hand over if another thread asked.
  void safe_point(std::size_t worker) {
    if (!gil_.drop_requested()) return;
    const double start = now_ms();
    gil_.yield_to_waiter();
    timeline_.record(worker, WorkerState::GilWait, start, now_ms());
  }

  // snippet-begin: io-wait-gil
  // Blocking I/O releases the GIL first (Py_BEGIN_ALLOW_THREADS), then takes it back.
  void wait(std::size_t worker, std::uint64_t ms) {
    gil_.release();
    held_ = false;
    blocking_wait(state_, worker, ms);
    acquire(worker);
  }
  // snippet-end: io-wait-gil

  // A real download releases it the same way: the socket wait happens without the GIL.
  void fetch(std::size_t task, std::size_t worker, const StepResult& step) {
    gil_.release();
    held_ = false;
    blocking_fetch(state_, task, worker, step);
    acquire(worker);
  }

  void release() {
    gil_.release();
    held_ = false;
  }

 private:
  SimulatedGil& gil_;
  RunState& state_;
  Timeline& timeline_;
  bool held_ = false;
};

}  // namespace

std::uint64_t run_gil_threads(RunState& state, std::size_t workers, std::chrono::milliseconds switch_interval) {
  SimulatedGil gil(switch_interval);
  const std::uint64_t initial = gil.switches();
  run_on_threads(state, workers, [&state, &gil](std::size_t worker) {
    GilPolicy policy(gil, state);
    state.timeline.begin(worker);
    policy.acquire(worker);
    for (std::size_t taken = 0, task; (task = state.take_task(worker, taken)) < state.workload.task_count(); ++taken)
      if (!drive_task(state, task, worker, policy)) break;
    policy.release();
    state.timeline.end(worker);
  });
  return gil.switches() - initial;
}

}  // namespace playground

#include <cstdint>
#include <system_error>
#include <vector>

#include "modes.hpp"
#include "playground/errors.hpp"
#include "start_line.hpp"

namespace playground {

void run_on_threads(RunState& state, std::size_t workers, const std::function<void(std::size_t)>& body) {
  // Every thread waits at the start line until all are running, then they leave together.
  StartLine line;
  std::vector<std::thread> threads;
  threads.reserve(workers);
  try {
    for (std::size_t w = 0; w < workers; ++w) {
      threads.emplace_back([&state, &line, &body, w] {
        line.arrive();
        try {
          body(w);
        } catch (...) {
          state.fail(std::current_exception());
        }
      });
    }
  } catch (const std::system_error& e) {
    state.fail(std::make_exception_ptr(
        RunError("could not start thread " + std::to_string(threads.size() + 1) + " of " +
                 std::to_string(workers) + ": " + e.what())));
  }
  line.release(static_cast<std::uint32_t>(threads.size()));
  for (auto& thread : threads) thread.join();
}

void run_sequential(RunState& state) {
  BlockingPolicy policy{state};
  state.timeline.begin(0);
  for (std::size_t task = 0; task < state.workload.task_count(); ++task)
    if (!drive_task(state, task, 0, policy)) break;
  state.timeline.end(0);
}

void run_threads(RunState& state, std::size_t workers) {
  run_on_threads(state, workers, [&state](std::size_t worker) {
    BlockingPolicy policy{state};
    state.timeline.begin(worker);
    for (std::size_t taken = 0, task; (task = state.take_task(worker, taken)) < state.workload.task_count(); ++taken)
      if (!drive_task(state, task, worker, policy)) break;
    state.timeline.end(worker);
  });
}

}  // namespace playground

#include "playground/semaphore.hpp"
#include "semaphore_runs.hpp"

namespace playground {

SemaphoreRun run_semaphore_once(SemaphoreMode mode, std::uint64_t tasks, std::uint64_t limit, std::uint64_t latency_ms) {
  SemaphoreRun run = mode == SemaphoreMode::Threads ? run_semaphore_threads(tasks, limit, latency_ms)
                                                    : run_semaphore_async(tasks, limit, latency_ms);
  run.ideal_ms = semaphore_ideal_ms(tasks, limit, latency_ms);
  return run;
}

SemaphoreReport run_semaphore(const SemaphoreOptions& options) {
  validate_semaphore_options(options);
  SemaphoreReport report;
  report.options = options;
  report.run = run_semaphore_once(options.mode, options.tasks, options.limit, options.latency_ms);
  if (options.sweep) {
    for (std::uint64_t k = 1; k <= options.tasks; ++k) {
      SemaphoreRun row = k == options.limit ? report.run : run_semaphore_once(options.mode, options.tasks, k, options.latency_ms);
      row.tasks.clear();  // the sweep compares times; the timeline is the main run's
      report.sweep.push_back(std::move(row));
    }
  }
  return report;
}

}  // namespace playground

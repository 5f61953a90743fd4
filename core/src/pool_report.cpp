#include "playground/pool.hpp"

namespace playground {

void finish_pool_strategy(PoolStrategyRun& run, const PoolOptions& options) {
  run.start_cost_ms = 0;
  for (const PoolStart& start : run.starts) run.start_cost_ms += start.running_ms - start.asked_ms;
  run.sum = 0;
  run.correct = run.tasks.size() == options.tasks;
  for (std::size_t i = 0; i < run.tasks.size(); ++i) {
    PoolTask& task = run.tasks[i];
    task.correct = task.task == i && task.value == pool_task_value(task.task, options.work);
    run.correct = run.correct && task.correct;
    run.sum += task.value;  // unsigned: wraps, the same way as the sequential sum
  }
}

PoolReport make_pool_report(const PoolOptions& options, PoolStrategyRun pool, PoolStrategyRun fresh) {
  PoolReport report{.options = options, .pool = std::move(pool), .fresh = std::move(fresh)};
  for (std::uint64_t t = 0; t < options.tasks; ++t) report.expected_sum += pool_task_value(t, options.work);
  finish_pool_strategy(report.pool, options);
  finish_pool_strategy(report.fresh, options);
  report.pool.correct = report.pool.correct && report.pool.sum == report.expected_sum;
  report.fresh.correct = report.fresh.correct && report.fresh.sum == report.expected_sum;
  report.fresh_over_pool = report.pool.wall_ms > 0 ? report.fresh.wall_ms / report.pool.wall_ms : 0;
  return report;
}

}  // namespace playground

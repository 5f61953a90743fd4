#include "cli/pool_output.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace cplay {
namespace {

using playground::PoolStrategyRun;

constexpr std::size_t kPoolLaneWidth = 60;

// '~' while a worker is starting (asked, not yet running), '#' while it runs a task; scaled to
// the strategy's wall time.
void print_lanes(std::ostream& out, const PoolStrategyRun& run, std::uint64_t lanes) {
  const double wall = std::max(run.wall_ms, 1e-9);
  const auto column = [&](double ms) {
    return std::min(kPoolLaneWidth - 1, static_cast<std::size_t>(std::max(0.0, ms) / wall * kPoolLaneWidth));
  };
  std::vector<std::string> rows(lanes, std::string(kPoolLaneWidth, ' '));
  for (const auto& start : run.starts)
    for (std::size_t c = column(start.asked_ms); c <= column(start.running_ms); ++c) rows[start.worker][c] = '~';
  for (const auto& task : run.tasks)
    for (std::size_t c = column(task.started_ms); c <= column(task.ended_ms); ++c) rows[task.worker][c] = '#';
  for (std::uint64_t lane = 0; lane < lanes; ++lane) {
    char name[32];
    std::snprintf(name, sizeof name, "  w%-3llu|", static_cast<unsigned long long>(lane));
    out << name << rows[lane] << "|\n";
  }
}

void print_row(std::ostream& out, const char* name, const PoolStrategyRun& run) {
  char line[128];
  std::snprintf(line, sizeof line, "%-16s %10.3f %8zu %15.3f   %s\n", name, run.wall_ms, run.starts.size(),
                run.start_cost_ms, run.correct ? "yes" : "NO");
  out << line;
}

}  // namespace

void print_pool(std::ostream& out, const playground::PoolReport& report) {
  const auto& o = report.options;
  out << "pool: " << o.tasks << " tasks of " << o.work << " steps, " << o.workers << " workers, "
      << playground::pool_mode_names().name(o.mode);
  if (o.mode == playground::PoolMode::Processes) out << " (" << playground::pool_start_method_names().name(o.start_method) << ")";
  out << "\n\nstrategy            wall ms   starts   start cost ms   every result right\n";
  print_row(out, "pool (reused)", report.pool);
  print_row(out, "fresh (per task)", report.fresh);
  char ratio[96];
  std::snprintf(ratio, sizeof ratio, "%.2f", report.fresh_over_pool);
  out << "fresh / pool wall time: " << ratio << " (measured in this run; the sum of every result is "
      << report.expected_sum << ")\n";
  out << "\npool: " << o.workers << " workers started once, tasks from a queue\n";
  print_lanes(out, report.pool, o.workers);
  out << "fresh: a new worker per task, at most " << o.workers << " alive\n";
  print_lanes(out, report.fresh, o.workers);
  out << "        ('~' a worker starting: asked for, not yet running; '#' running a task)\n";
}

}  // namespace cplay

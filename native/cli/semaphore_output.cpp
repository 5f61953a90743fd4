#include "cli/semaphore_output.hpp"
#include "cli/human_output.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace cplay {
namespace {

using playground::SemaphoreRun;

constexpr std::size_t kSemaphoreLaneWidth = 48;

std::string ratio_text(const SemaphoreRun& run) {
  if (run.ideal_ms == 0) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", run.wall_ms / static_cast<double>(run.ideal_ms));
  return text;
}

// '.' waiting for a permit, '#' holding it, scaled to the run's wall time.
std::string lane(const playground::SemaphoreTask& task, double wall_ms) {
  std::string text(kSemaphoreLaneWidth, ' ');
  const auto column = [&](double ms) {
    return std::min(kSemaphoreLaneWidth - 1, static_cast<std::size_t>(std::max(0.0, ms) / std::max(wall_ms, 1e-9) * kSemaphoreLaneWidth));
  };
  for (std::size_t c = column(task.asked_ms); c < column(task.acquired_ms); ++c) text[c] = '.';
  for (std::size_t c = column(task.acquired_ms); c <= column(task.released_ms); ++c) text[c] = '#';
  return text;
}

}  // namespace

void print_semaphore(std::ostream& out, const playground::SemaphoreReport& report) {
  const auto& o = report.options;
  const SemaphoreRun& run = report.run;
  out << "semaphore: " << o.tasks << " downloads of " << o.latency_ms << " ms in "
      << playground::semaphore_mode_names().name(o.mode) << ", at most " << o.limit << " at once\n\n";
  out << "task  |" << std::string(kSemaphoreLaneWidth, ' ') << "|  acquired   released\n";
  for (const auto& task : run.tasks) {
    char times[64];
    std::snprintf(times, sizeof times, "%8.1f  %9.1f", task.acquired_ms, task.released_ms);
    char name[16];
    std::snprintf(name, sizeof name, "%4llu", static_cast<unsigned long long>(task.task));
    out << name << "  |" << lane(task, run.wall_ms) << "|" << times << "\n";
  }
  out << "      ('.' waiting for a permit, '#' holding it: the download's wait)\n\n";
  out << "most in flight at once: " << run.max_in_flight << " (limit " << run.limit << ", counted by an atomic between acquire and release)\n";
  out << "wall " << ms_text(run.wall_ms) << ", ideal ceil(" << o.tasks << "/" << run.limit << ") x " << o.latency_ms
      << " = " << run.ideal_ms << " ms, ratio " << ratio_text(run) << "\n";
  if (report.sweep.empty()) return;
  out << "\nsweep: the same " << o.tasks << " downloads with every limit K\n";
  out << "   K      wall ms   ideal ms   ratio   most in flight\n";
  for (const auto& row : report.sweep) {
    char line[96];
    std::snprintf(line, sizeof line, "%4llu  %11.1f  %9llu  %6s  %15llu\n", static_cast<unsigned long long>(row.limit),
                  row.wall_ms, static_cast<unsigned long long>(row.ideal_ms), ratio_text(row).c_str(),
                  static_cast<unsigned long long>(row.max_in_flight));
    out << line;
  }
}

}  // namespace cplay

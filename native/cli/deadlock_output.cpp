#include "cli/deadlock_output.hpp"
#include "cli/human_output.hpp"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <string>

namespace cplay {
namespace {

using playground::DeadlockReport;

// Locks are A, B, C ... as in the lesson.
char letter(std::uint64_t lock) { return static_cast<char>('A' + lock); }
std::string lock_name(std::uint64_t lock) {
  std::string name = "lock ";
  return name += letter(lock);
}
std::string lock_pair(std::uint64_t first, std::uint64_t second) {
  std::string pair(1, letter(first));
  (pair += " then ") += letter(second);
  return pair;
}
std::string rounds_text(std::uint64_t done, std::uint64_t rounds, bool gave_up) {
  std::string text = std::to_string(done);
  (text += " of ") += std::to_string(rounds);
  if (gave_up) text += ", gave up";
  return text;
}

}  // namespace

void print_deadlock(std::ostream& out, const DeadlockReport& report) {
  const auto& o = report.options;
  out << "deadlock: " << o.workers << " workers in " << playground::deadlock_mode_names().name(o.mode) << ", "
      << playground::lock_order_names().name(o.order) << " order, " << playground::lock_strategy_names().name(o.strategy)
      << ", " << o.rounds << " rounds, holding each lock " << o.hold_ms << " ms\n\n";
  if (report.deadlock) {
    out << "DEADLOCK after " << ms_text(*report.detected_ms) << ": the watchdog saw the same cycle in two samples in a row\n";
    for (const auto& link : report.cycle)
      out << "  worker " << link.worker << " holds " << lock_name(link.holds) << " and waits for "
          << lock_name(link.waits_for) << " (held by worker " << link.held_by << ")\n";
    out << "It cancelled the run: each worker gave up its timed wait, let go of what it held and ended.\n\n";
  } else {
    out << "No deadlock: every worker finished (the watchdog looked " << report.watchdog_samples << " times)\n";
    if (o.strategy == playground::LockStrategy::TryLock)
      out << "try-lock: a worker that found its second lock taken let go of its first, backed off a random 1.."
          << std::max<std::uint64_t>(2, o.hold_ms) << " ms and tried again\n";
    out << "\n";
  }
  out << std::left << std::setw(8) << "worker" << std::setw(14) << "locks" << std::setw(18) << "rounds done"
      << std::setw(9) << "retries" << "pid, tid\n";
  for (std::size_t i = 0; i < report.workers.size(); ++i) {
    const auto& w = report.workers[i];
    out << std::setw(8) << w.worker << std::setw(14)
        << lock_pair(w.first_lock, w.second_lock) << std::setw(18) << rounds_text(w.rounds_completed, o.rounds, w.gave_up)
        << std::setw(9) << w.retries << report.spans[i].pid << ", " << report.spans[i].tid << "\n";
  }
  out << "(run took " << ms_text(report.wall_ms) << ")\n";
}

}  // namespace cplay

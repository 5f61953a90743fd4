#include "cli/async_output.hpp"
#include "cli/human_output.hpp"

#include <cstdio>
#include <string>

namespace cplay {
namespace {

using playground::AsyncScenario;
using playground::AsyncScenarioRun;

// The race writes four events per increment with a lock: show the first ones and say how many.
constexpr std::size_t kMostEventLines = 40;

std::string joined(const auto& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : ", ") + std::to_string(value);
  return "[" + out + "]";
}

void print_outcome(std::ostream& out, const AsyncScenarioRun& run) {
  switch (run.scenario) {
    case AsyncScenario::Gather:
      out << "gather's results, in the order given: " << joined(run.gather.results)
          << "; the tasks ended in the order " << joined(run.gather.finish_order) << "\n";
      break;
    case AsyncScenario::Cancel:
      out << "task " << run.cancel.cancelled_task << " cancelled at " << ms_text(run.cancel.cancelled_at_ms)
          << ": its wait ended " << (run.cancel.wait_cancelled ? "cancelled" : "normally")
          << ", cleanup ran = " << (run.cancel.cleanup_ran ? "true" : "false") << "; " << run.cancel.completed
          << " other task(s) finished their wait\n";
      break;
    case AsyncScenario::Timeout:
      if (run.timeout.timed_out)
        out << "timed out at " << ms_text(run.timeout.timed_out_at_ms) << " (timeout " << run.timeout.timeout_ms
            << " ms, the slow task needed " << run.timeout.slow_ms << " ms); its cleanup ran = "
            << (run.timeout.cleanup_ran ? "true" : "false") << "\n";
      else
        out << "finished in time (" << run.timeout.slow_ms << " ms within a timeout of " << run.timeout.timeout_ms
            << " ms)\n";
      break;
    case AsyncScenario::Race:
      out << "race with sync " << playground::async_sync_names().name(run.race.sync) << ": expected "
          << run.race.expected << ", final " << run.race.final_value << ", lost " << run.race.lost
          << (run.race.lost > 0 ? " (each await between read and write let the others read the same value)"
                                : " (every update kept)")
          << "\n";
      break;
    case AsyncScenario::All: break;
  }
}

}  // namespace

void print_async(std::ostream& out, const playground::AsyncControlReport& report) {
  const auto& o = report.options;
  out << "async control on one event loop: " << o.tasks << " task(s), latency " << o.latency_ms << " ms, timeout "
      << o.timeout_ms << " ms, race " << o.increments << " increment(s) each, sync "
      << playground::async_sync_names().name(o.sync) << "\n";
  for (const AsyncScenarioRun& run : report.runs) {
    out << "\n== " << playground::async_scenario_names().name(run.scenario) << " (" << ms_text(run.wall_ms) << ")\n";
    std::size_t shown = 0;
    for (const auto& event : run.events) {
      if (shown++ == kMostEventLines) {
        out << "   ... " << run.events.size() - kMostEventLines << " more event(s) (--json has them all)\n";
        break;
      }
      char line[160];
      std::snprintf(line, sizeof line, "%9.1f  %-7s %-9s %s\n", event.at_ms, event.lane.c_str(),
                    std::string(playground::async_event_kind_names().name(event.kind)).c_str(), event.detail.c_str());
      out << line;
    }
    print_outcome(out, run);
  }
}

}  // namespace cplay

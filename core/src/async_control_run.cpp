#include "playground/async_control.hpp"

#include <algorithm>

namespace playground {

bool AsyncControlReport::exact() const {
  return std::none_of(runs.begin(), runs.end(),
                      [](const AsyncScenarioRun& run) { return run.scenario == AsyncScenario::Race && run.race.lost > 0; });
}

AsyncControlReport run_async_control(const AsyncControlOptions& options) {
  validate_async_options(options);
  AsyncControlReport report;
  report.options = options;
  const auto chosen = [&](AsyncScenario scenario) {
    return options.scenario == AsyncScenario::All || options.scenario == scenario;
  };
  if (chosen(AsyncScenario::Gather)) report.runs.push_back(run_async_gather(options.tasks, options.latency_ms));
  if (chosen(AsyncScenario::Cancel)) report.runs.push_back(run_async_cancel(options.tasks, options.latency_ms));
  if (chosen(AsyncScenario::Timeout)) report.runs.push_back(run_async_timeout(options.latency_ms, options.timeout_ms));
  if (chosen(AsyncScenario::Race))
    report.runs.push_back(run_async_race(options.tasks, options.increments, options.sync));
  return report;
}

}  // namespace playground

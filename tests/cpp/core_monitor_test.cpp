// The monitor experiment in the core (threads and async): events in order, samples that agree
// with them, pids and tids as the workers saw them, options refused naming their range, cancel.
// At most 3 workers: the wasm suite's pool has 4 pthreads.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "monitor_checks.hpp"
#include "playground/errors.hpp"
#include "playground/monitor.hpp"
#include "playground/monitor_json.hpp"
#include "playground/platform.hpp"

namespace {

using playground::ArgumentError;
using playground::MonitorMode;
using playground::MonitorOptions;

struct Streamed {
  playground::MonitorReport report;
  std::vector<nlohmann::json> lines;  // as the sink received them
};

Streamed run_streamed(const MonitorOptions& options) {
  Streamed out;
  playground::MonitorHooks hooks;
  hooks.on_event = [&out](const playground::MonitorEvent& e) { out.lines.push_back(playground::monitor_event_to_json(e)); };
  out.report = playground::run_monitor(options, hooks);
  return out;
}

std::string message_of(const nlohmann::json& request) {
  try {
    playground::monitor_options_from_json(request);
  } catch (const ArgumentError& e) {
    return e.what();
  }
  return "accepted";
}

class MonitorModes : public ::testing::TestWithParam<MonitorMode> {};

TEST_P(MonitorModes, EventsInOrderAndSamplesAgreeWithThem) {
  const MonitorOptions options{.mode = GetParam(), .durations_ms = {0, 300, 150}, .interval_ms = 50};
  const Streamed run = run_streamed(options);
  cplay::testing::expect_consistent_monitor_events(run.lines, 3);
  // The sink saw exactly what the report holds, in the same order.
  const nlohmann::json report = playground::monitor_report_to_json(run.report);
  ASSERT_EQ(report["events"].size(), run.lines.size());
  for (std::size_t i = 0; i < run.lines.size(); ++i) EXPECT_EQ(report["events"][i], run.lines[i]);
  EXPECT_EQ(report["samples"].get<std::size_t>() + 6, run.lines.size());
  EXPECT_EQ(report["parent"]["pid"], playground::current_pid());
}

TEST_P(MonitorModes, WorkersAreNamedAndReportWhereTheyRan) {
  const Streamed run = run_streamed({.mode = GetParam(), .durations_ms = {20, 20}, .interval_ms = 50});
  std::set<std::string> names;
  std::set<std::int64_t> tids;
  for (const nlohmann::json& e : run.lines) {
    if (e["event"] != "started") continue;
    names.insert(e["worker"].get<std::string>());
    tids.insert(e["tid"].get<std::int64_t>());
    EXPECT_EQ(e["pid"], playground::current_pid()) << "threads and coroutines share the parent's process";
  }
  EXPECT_EQ(names, (std::set<std::string>{"A", "B"}));
  // Threads each have their own tid; coroutines all run on the parent's one thread.
  if (GetParam() == MonitorMode::Threads) EXPECT_EQ(tids.size(), 2u);
  else EXPECT_EQ(tids, (std::set<std::int64_t>{playground::current_tid()}));
}

TEST_P(MonitorModes, CancelStopsTheWorkersEarly) {
  playground::MonitorHooks hooks;
  bool sampled = false;
  hooks.on_event = [&sampled](const playground::MonitorEvent& e) {
    sampled = sampled || e.kind == playground::MonitorEventKind::Sample;
  };
  hooks.cancelled = [&sampled] { return sampled; };
  try {
    playground::run_monitor({.mode = GetParam(), .durations_ms = {10000, 10000}, .interval_ms = 50}, hooks);
    FAIL() << "the run ignored its cancel";
  } catch (const playground::RunError& e) {
    EXPECT_EQ(e.code(), "cancelled");
  }
}

INSTANTIATE_TEST_SUITE_P(Core, MonitorModes, ::testing::Values(MonitorMode::Threads, MonitorMode::Async));

TEST(MonitorOptions, RefusedNamingTheFlagAndItsRange) {
  EXPECT_EQ(message_of({{"durations_ms", "2000,3000"}, {"interval_ms", "250"}}), "accepted");
  const std::string list = "--durations-ms must be 1 to 8 comma-separated integers from 0 to 10000";
  EXPECT_EQ(message_of({{"durations_ms", "1,2,3,4,5,6,7,8,9"}}).find(list), 0u);
  EXPECT_EQ(message_of({{"durations_ms", "10001"}}).find(list), 0u);
  EXPECT_EQ(message_of({{"durations_ms", ""}}).find(list), 0u);
  EXPECT_EQ(message_of({{"durations_ms", "5,,6"}}).find(list), 0u);
  EXPECT_EQ(message_of({{"durations_ms", nlohmann::json::array()}}).find(list), 0u);
  EXPECT_EQ(message_of({{"durations_ms", {1, -2}}}).find(list), 0u);
  EXPECT_EQ(message_of({{"interval_ms", 49}}), "--interval-ms must be an integer from 50 to 5000 (got 49)");
  EXPECT_EQ(message_of({{"mode", "gil"}}).find("--mode must be one of threads|processes|async"), 0u);
  EXPECT_EQ(message_of({{"start_method", "worker"}}).find("--start-method must be one of fork|spawn"), 0u);
  EXPECT_EQ(message_of({{"workers", 2}}).find("unknown field 'workers'"), 0u);
  const MonitorOptions parsed = playground::monitor_options_from_json({{"durations_ms", {5, "7"}}});
  EXPECT_EQ(parsed.durations_ms, (std::vector<std::uint64_t>{5, 7}));
  EXPECT_THROW(playground::run_monitor({.mode = MonitorMode::Processes}), ArgumentError);
}

}  // namespace

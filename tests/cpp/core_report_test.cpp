// The report is the contract between native, wasm, the web page and these tests
// (docs/schema/report.schema.json): its fields, their types, and the facts that tie them together.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core_support.hpp"
#include "playground/platform.hpp"

namespace playground::testing {
namespace {

json report_json(const std::string& demo, const std::string& mode, const json& params, std::uint64_t workers) {
  return report_to_json(run(make_request(demo, mode, params, workers)));
}

// The checks every report of an in-process run must pass, whatever the demo and mode.
void expect_report_shape(const json& report, const std::string& demo, const std::string& mode,
                         std::uint64_t workers, std::uint64_t total_items) {
  SCOPED_TRACE(demo + " in mode " + mode);
  for (const char* key : {"schema", "demo", "mode", "start_method", "workers", "params", "result", "wall_ms", "spans",
                          "events", "platform"})
    EXPECT_TRUE(report.contains(key)) << key;
  EXPECT_FALSE(report.contains("error"));
  EXPECT_EQ(report.at("schema"), 1);
  EXPECT_EQ(report.at("demo"), demo);
  EXPECT_EQ(report.at("mode"), mode);
  EXPECT_TRUE(report.at("start_method").is_null());
  EXPECT_EQ(report.at("workers"), workers);
  EXPECT_TRUE(report.at("params").is_object());
  EXPECT_TRUE(report.at("result").is_object());
  EXPECT_TRUE(report.at("wall_ms").is_number());
  EXPECT_GE(report.at("wall_ms").get<double>(), 0.0);

  // One span per worker, numbered in order, all in this process; together they cover every item.
  const json& spans = report.at("spans");
  ASSERT_TRUE(spans.is_array());
  ASSERT_EQ(spans.size(), workers);
  std::uint64_t items = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const json& span = spans[i];
    EXPECT_EQ(span.at("worker"), i);
    EXPECT_EQ(span.at("pid"), current_pid());
    EXPECT_TRUE(span.at("tid").is_number_integer());
    EXPECT_LE(span.at("start_ms").get<double>(), span.at("end_ms").get<double>());
    items += span.at("items").get<std::uint64_t>();
  }
  EXPECT_EQ(items, total_items);

  // Events: known states, known workers, each interval well-formed, sorted by start.
  const json& events = report.at("events");
  ASSERT_TRUE(events.is_array());
  const std::set<std::string> states{"running", "waiting", "gil-wait"};
  double previous_start = -1;
  for (const json& event : events) {
    EXPECT_EQ(states.count(event.at("state").get<std::string>()), 1u) << event.dump();
    EXPECT_LT(event.at("worker").get<std::uint64_t>(), workers) << event.dump();
    EXPECT_LE(event.at("start_ms").get<double>(), event.at("end_ms").get<double>()) << event.dump();
    EXPECT_GE(event.at("start_ms").get<double>(), previous_start) << "events are sorted by start";
    previous_start = event.at("start_ms").get<double>();
  }

  const json& platform = report.at("platform");
  EXPECT_EQ(platform.at("runtime"), runtime_name());
  EXPECT_EQ(platform.at("os"), os_name());
  EXPECT_GE(platform.at("cores").get<unsigned>(), 1u);
  EXPECT_FALSE(platform.at("compiler").get<std::string>().empty());
}

TEST(ReportShape, EveryDemoInEveryMode) {
  struct Case {
    std::string demo;
    json params;
    std::uint64_t total_items;
  };
  const std::vector<Case> cases = {
      {"primes", {{"limit", 20'000}}, 20'000},
      {"factorial", {{"n", 200}, {"count", 3}}, 3},
      {"race", {{"increments", 3'000}, {"sync", "atomic"}}, 0},  // filled in below: workers x increments
      {"io", {{"tasks", 3}, {"latency_ms", 1}}, 3},
  };
  for (const auto& c : cases) {
    for (const auto& mode : in_process_modes()) {
      const std::uint64_t workers = mode == "sequential" ? 1 : 3;
      const std::uint64_t total = c.demo == "race" ? workers * 3'000 : c.total_items;
      expect_report_shape(report_json(c.demo, mode, c.params, workers), c.demo, mode, workers, total);
    }
  }
}

TEST(ReportShape, RuntimeIsNativeOrWasm) {
  const std::string runtime = runtime_name();
#if defined(__EMSCRIPTEN__)
  EXPECT_EQ(runtime, "wasm");
#else
  EXPECT_EQ(runtime, "native");
#endif
  EXPECT_EQ(platform_json().at("runtime"), runtime);
  EXPECT_FALSE(platform_json().contains("cross_origin_isolated")) << "only the browser page knows that";
}

TEST(ReportShape, ParamsAndResultsPerDemo) {
  const json primes = report_json("primes", "threads", {{"limit", 1'000}}, 2);
  EXPECT_EQ(primes.at("params"), (json{{"limit", 1'000}, {"algorithm", "trial"}}));
  EXPECT_EQ(primes.at("result"), (json{{"count", 168}, {"largest", 997}}));

  const json io = report_json("io", "async", {{"tasks", 2}, {"latency_ms", 0}}, 2);
  EXPECT_EQ(io.at("params"), (json{{"tasks", 2}, {"latency_ms", 0}}));
  EXPECT_EQ(io.at("result"), (json{{"tasks", 2}, {"completed", 2}}));

  const json race = report_json("race", "threads", {{"increments", 10}, {"sync", "lock"}}, 2);
  for (const char* key : {"expected", "final", "lost", "sync"}) EXPECT_TRUE(race.at("result").contains(key)) << key;
  EXPECT_FALSE(race.at("result").contains("shared_memory")) << "a processes-only fact";

  const json factorial = report_json("factorial", "sequential", {{"n", 10}, {"count", 1}}, 0);
  for (const char* key : {"n", "count", "digits", "leading", "trailing_zeros", "bits"})
    EXPECT_TRUE(factorial.at("result").contains(key)) << key;
}

TEST(ReportShape, SpansShowWhichThreadRanEachWorker) {
  const Report sequential = run(make_request("primes", "sequential", {{"limit", 5'000}}));
  ASSERT_EQ(sequential.spans.size(), 1u);
  EXPECT_EQ(sequential.spans[0].tid, current_tid()) << "sequential runs on the caller's thread";

  const Report async = run(make_request("primes", "async", {{"limit", 5'000}}, 3));
  for (const Span& span : async.spans) EXPECT_EQ(span.tid, current_tid()) << "coroutines run on the caller's thread";

  // Thread workers start together (a latch), so they are alive at once and their ids differ.
  const Report threads = run(make_request("primes", "threads", {{"limit", 5'000}}, 3));
  std::set<std::int64_t> tids;
  for (const Span& span : threads.spans) tids.insert(span.tid);
  EXPECT_EQ(tids.size(), 3u);
  EXPECT_EQ(tids.count(current_tid()), 0u);
}

TEST(ReportShape, IoRunsRecordWaitingEvents) {
  for (const auto& mode : in_process_modes()) {
    const json report = report_json("io", mode, {{"tasks", 2}, {"latency_ms", 2}}, 2);
    std::size_t waiting = 0;
    for (const json& event : report.at("events")) waiting += event.at("state") == "waiting";
    EXPECT_EQ(waiting, 2u) << mode << ": one wait per task";
  }
}

TEST(ReportShape, ProcessesReportFromShards) {
  const Request request = make_request("primes", "processes", {{"limit", 10'000}}, 2);
  const json report = report_to_json(run_as_shards(request, 2));
  EXPECT_EQ(report.at("mode"), "processes");
  EXPECT_EQ(report.at("start_method"), "fork") << "the first start method of the default capabilities";
  EXPECT_EQ(report.at("workers"), 2);
  EXPECT_EQ(report.at("spans").size(), 2u);
  EXPECT_EQ(report.at("result").at("count"), 1'229);
}

TEST(ReportJson, RoundsTimesAndMergesExtras) {
  Report report;
  report.request = make_request("io", "sequential");
  report.result = IoResult{3, 3};
  report.wall_ms = 1.23456;
  report.spans.push_back(Span{0, 1, 2, 0.0004, 2.71828, 3});
  report.events.push_back(Event{0, WorkerState::GilWait, 0.5, 0.75});
  report.gil = GilFacts{7};
  const json out = report_to_json(report);
  EXPECT_DOUBLE_EQ(out.at("wall_ms").get<double>(), 1.235);
  EXPECT_DOUBLE_EQ(out.at("spans")[0].at("start_ms").get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(out.at("spans")[0].at("end_ms").get<double>(), 2.718);
  EXPECT_EQ(out.at("events")[0].at("state"), "gil-wait");
  EXPECT_EQ(out.at("gil").at("switches"), 7);
  EXPECT_FALSE(out.contains("events_truncated"));
  report.events_truncated = true;
  EXPECT_EQ(report_to_json(report).at("events_truncated"), true);
}

TEST(ReportJson, ErrorReportShape) {
  EXPECT_EQ(error_to_json("invalid-argument", "--limit must be ..."),
            (json{{"schema", 1}, {"error", {{"code", "invalid-argument"}, {"message", "--limit must be ..."}}}}));
}

TEST(ReportJson, WorkerStateNames) {
  EXPECT_EQ(to_string(WorkerState::Running), "running");
  EXPECT_EQ(to_string(WorkerState::Waiting), "waiting");
  EXPECT_EQ(to_string(WorkerState::GilWait), "gil-wait");
}

}  // namespace
}  // namespace playground::testing

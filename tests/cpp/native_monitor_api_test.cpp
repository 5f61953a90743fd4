// POST /api/monitor without HTTP: validated like the CLI (400 naming the range, never streamed),
// then a stream whose event lines arrive while the job still runs, the report last; a cancel and
// a client that goes away both stop the job, with no child left behind.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "monitor_checks.hpp"
#include "native_support.hpp"
#include "api_support.hpp"
#include "server/api.hpp"

namespace {

using cplay::testing::expect_no_children_left;
using nlohmann::json;

using cplay::testing::test_limits;

TEST(MonitorApi, BadInputIs400WithTheCliMessage) {
  cplay::ApiHandler api(test_limits());
  const auto start = api.monitor_start(R"({"durations_ms": [1, 2, 3, 4, 5, 6, 7, 8, 9]})", "");
  ASSERT_TRUE(start.refusal);
  EXPECT_EQ(start.refusal->status, 400);
  EXPECT_EQ(start.refusal->body.at("error").at("message").get<std::string>().find(
                "--durations-ms must be 1 to 8 comma-separated integers from 0 to 10000"),
            0u);
  const auto interval = api.monitor_start(R"({"interval_ms": 10})", "");
  ASSERT_TRUE(interval.refusal);
  EXPECT_EQ(interval.refusal->status, 400);
  EXPECT_EQ(interval.refusal->body.at("error").at("message"), "--interval-ms must be an integer from 50 to 5000 (got 10)");
  EXPECT_EQ(api.monitor_start("[", "").refusal->status, 400);
  EXPECT_EQ(api.monitor_start("{}", "bad id!").refusal->status, 400);
  EXPECT_FALSE(api.monitor_start("{}", "").refusal);
}

TEST(MonitorApi, StreamsEachEventWhileTheJobRunsThenTheReport) {
  cplay::ApiHandler api(test_limits());
  for (const char* mode : {"threads", "processes"}) {
    const auto start = api.monitor_start(std::string(R"({"durations_ms": [0, 300], "interval_ms": 50, "mode": ")") + mode + "\"}",
                                         std::string("monitor-") + mode);
    ASSERT_FALSE(start.refusal);
    std::vector<json> lines;
    bool running_at_first_sample = false;
    api.monitor_stream(start, [&](const std::string& line) {
      lines.push_back(json::parse(line));
      if (lines.back().value("event", "") == "sample" && !running_at_first_sample)
        running_at_first_sample = api.job_running();  // the line came out before the job ended
      return true;
    });
    ASSERT_GE(lines.size(), 6u);
    const json report = lines.back();
    lines.pop_back();
    ASSERT_EQ(report.value("experiment", ""), "monitor") << report.dump();
    EXPECT_TRUE(running_at_first_sample);
    EXPECT_EQ(report.at("events"), json(lines));
    cplay::testing::expect_consistent_monitor_events(lines, 2);
    EXPECT_FALSE(api.job_running());
  }
  expect_no_children_left();
}

TEST(MonitorApi, CancelStopsTheStreamAndReapsEveryChild) {
  cplay::ApiHandler api(test_limits());
  const auto start = api.monitor_start(R"({"durations_ms": [10000, 10000], "interval_ms": 50, "mode": "processes"})", "monitor-cancel");
  ASSERT_FALSE(start.refusal);
  json last;
  bool asked = false;
  api.monitor_stream(start, [&](const std::string& line) {
    last = json::parse(line);
    if (last.value("event", "") == "sample" && !asked) {
      asked = true;
      EXPECT_EQ(api.cancel(R"({"job": "monitor-cancel"})").status, 200);
    }
    return true;
  });
  ASSERT_TRUE(asked);
  ASSERT_TRUE(last.contains("error")) << last.dump();
  EXPECT_EQ(last.at("error").at("code"), "cancelled");
  EXPECT_FALSE(api.job_running());
  expect_no_children_left();
}

TEST(MonitorApi, AClientThatGoesAwayStopsTheJob) {
  cplay::ApiHandler api(test_limits());
  const auto start = api.monitor_start(R"({"durations_ms": [10000], "interval_ms": 50, "mode": "processes"})", "monitor-gone");
  ASSERT_FALSE(start.refusal);
  std::size_t writes = 0;
  bool gone = false;
  api.monitor_stream(start, [&](const std::string& line) {
    ++writes;
    if (json::parse(line).value("event", "") == "sample") gone = true;
    return !gone;  // from the first sample on, every write fails as on a closed socket
  });
  EXPECT_TRUE(gone);
  EXPECT_LT(writes, 10u) << "the job went on streaming to nobody";
  EXPECT_FALSE(api.job_running());
  expect_no_children_left();
}

}  // namespace

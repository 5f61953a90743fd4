// POST /api/async without HTTP: the experiment in a job process, its input checked like the
// CLI's, lost updates answered as a report that says so, with no child left behind.
#include <gtest/gtest.h>

#include "native_support.hpp"
#include "api_support.hpp"
#include "server/api.hpp"

namespace {

using cplay::testing::expect_no_children_left;

using cplay::testing::test_limits;

TEST(AsyncApi, AnswersEachScenarioAndTheRaceAsAReport) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse all =
      api.async_control(R"({"tasks": 3, "latency_ms": 8, "timeout_ms": 2, "increments": 4})", "async-all");
  ASSERT_EQ(all.status, 200) << all.body.dump();
  EXPECT_EQ(all.body.at("experiment"), "async");
  EXPECT_EQ(all.body.at("exact"), false);  // the lesson, not a failure
  ASSERT_EQ(all.body.at("runs").size(), 4u);
  EXPECT_EQ(all.body["runs"][0]["outcome"]["results"], nlohmann::json::array({0, 1, 4}));
  EXPECT_EQ(all.body["runs"][1]["outcome"]["cleanup_ran"], true);
  EXPECT_EQ(all.body["runs"][2]["outcome"]["timed_out"], true);
  EXPECT_EQ(all.body["runs"][3]["outcome"]["final"], 4);
  EXPECT_EQ(all.body["runs"][3]["outcome"]["lost"], 8);
  const cplay::ApiResponse locked = api.async_control(R"({"scenario": "race", "sync": "lock", "tasks": 3, "increments": 4})", "async-lock");
  ASSERT_EQ(locked.status, 200) << locked.body.dump();
  EXPECT_EQ(locked.body["runs"][0]["outcome"]["final"], 12);
  EXPECT_EQ(locked.body.at("exact"), true);
  expect_no_children_left();
}

TEST(AsyncApi, BadInputIs400WithTheCliMessage) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse answer = api.async_control(R"({"tasks": 0})", "");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body.at("error").at("message"), "--tasks must be an integer from 1 to 8 (got 0)");
  EXPECT_EQ(api.async_control(R"({"sync": "atomic"})", "").status, 400);
  EXPECT_EQ(api.async_control("[", "").status, 400);
  expect_no_children_left();
}

}  // namespace

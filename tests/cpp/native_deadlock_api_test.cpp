// POST /api/deadlock without HTTP: the experiment in a job process, its input checked like the
// CLI's, and a deadlock answered as a report with its cycle, with no child left behind.
#include <gtest/gtest.h>

#include "native_support.hpp"
#include "api_support.hpp"
#include "server/api.hpp"

namespace {

using cplay::testing::expect_no_children_left;

using cplay::testing::test_limits;

TEST(DeadlockApi, AnswersADeadlockInProcessesAndACleanRunInThreads) {
  cplay::ApiHandler api(test_limits());
  // A loaded machine may keep a child from its first lock through the pause: then try again.
  cplay::ApiResponse stuck;
  for (int attempt = 0; attempt < 4; ++attempt) {
    stuck = api.deadlock(R"({"mode": "processes", "rounds": 1, "hold_ms": 60})", "deadlock-" + std::to_string(attempt));
    ASSERT_EQ(stuck.status, 200) << stuck.body.dump();
    if (stuck.body.at("deadlock").get<bool>()) break;
  }
  EXPECT_EQ(stuck.body.at("experiment"), "deadlock");
  ASSERT_TRUE(stuck.body.at("deadlock").get<bool>());
  EXPECT_EQ(stuck.body.at("cycle").size(), 2u);

  const cplay::ApiResponse fine = api.deadlock(R"({"order": "consistent", "rounds": 2, "hold_ms": 2})", "deadlock-ok");
  ASSERT_EQ(fine.status, 200) << fine.body.dump();
  EXPECT_FALSE(fine.body.at("deadlock").get<bool>());
  EXPECT_EQ(fine.body.at("rounds_completed"), 4);
  expect_no_children_left();
}

TEST(DeadlockApi, BadInputIs400WithTheCliMessage) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse answer = api.deadlock(R"({"workers": 1})", "");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body.at("error").at("message"), "--workers must be an integer from 2 to 8 (got 1)");
  EXPECT_EQ(api.deadlock(R"({"strategy": "hope"})", "").status, 400);
  EXPECT_EQ(api.deadlock("[", "").status, 400);
  expect_no_children_left();
}

}  // namespace

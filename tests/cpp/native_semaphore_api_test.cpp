// POST /api/semaphore without HTTP: the experiment in a job process, its input checked like the
// CLI's, with no child left behind.
#include <gtest/gtest.h>

#include "native_support.hpp"
#include "api_support.hpp"
#include "server/api.hpp"

namespace {

using cplay::testing::expect_no_children_left;

using cplay::testing::test_limits;

TEST(SemaphoreApi, AnswersTheReportInBothModes) {
  cplay::ApiHandler api(test_limits());
  for (const char* mode : {"threads", "async"}) {
    const std::string body = std::string(R"({"tasks": 4, "limit": 2, "latency_ms": 3, "sweep": true, "mode": ")") + mode + "\"}";
    const cplay::ApiResponse answer = api.semaphore(body, std::string("semaphore-") + mode);
    ASSERT_EQ(answer.status, 200) << answer.body.dump();
    EXPECT_EQ(answer.body.at("experiment"), "semaphore");
    EXPECT_EQ(answer.body.at("mode"), mode);
    EXPECT_LE(answer.body.at("max_in_flight").get<int>(), 2);
    EXPECT_EQ(answer.body.at("per_task").size(), 4u);
    EXPECT_EQ(answer.body.at("sweep_runs").size(), 4u);
  }
  expect_no_children_left();
}

TEST(SemaphoreApi, BadInputIs400WithTheCliMessage) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse answer = api.semaphore(R"({"tasks": 2, "limit": 3})", "");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body.at("error").at("message"), "--limit must be an integer from 1 to --tasks (2) (got 3)");
  EXPECT_EQ(api.semaphore(R"({"mode": "processes"})", "").status, 400);
  EXPECT_EQ(api.semaphore(R"({"sweep": 1})", "").status, 400);
  EXPECT_EQ(api.semaphore("[", "").status, 400);
  expect_no_children_left();
}

}  // namespace

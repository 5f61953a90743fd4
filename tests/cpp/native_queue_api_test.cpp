// POST /api/queue without HTTP: the experiment in a job process, its input checked like the CLI's,
// and a deadlocked hand-off answered as a report that says so, with no child left behind.
#include <gtest/gtest.h>

#include "native_support.hpp"
#include "api_support.hpp"
#include "server/api.hpp"

namespace {

using cplay::testing::expect_no_children_left;

using cplay::testing::test_limits;

TEST(QueueApi, AnswersThreadsAndProcessesReports) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse threads = api.queue(R"({"producers": 2, "messages": 10, "consume_ms": 0})", "queue-1");
  ASSERT_EQ(threads.status, 200) << threads.body.dump();
  EXPECT_EQ(threads.job, "queue-1");
  EXPECT_TRUE(threads.body.at("result").at("exactly_once").get<bool>());

  const cplay::ApiResponse hang =
      api.queue(R"({"mode": "processes", "messages": 3, "order": "join-then-get", "grace_ms": 60})", "queue-2");
  ASSERT_EQ(hang.status, 200) << hang.body.dump();
  const auto& handoff = hang.body.at("handoff");
  EXPECT_EQ(handoff.at("outcome"), "deadlock");
  EXPECT_EQ(handoff.at("bytes_in_pipe"), handoff.at("pipe_capacity_bytes"));
  expect_no_children_left();
}

TEST(QueueApi, BadInputIs400WithTheCliMessage) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse answer = api.queue(R"({"capacity": 0})", "");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body.at("error").at("message"), "--capacity must be an integer from 1 to 1000 (got 0)");
  EXPECT_EQ(api.queue(R"({"mode": "processes", "consumers": 2})", "").status, 400);
  EXPECT_EQ(api.queue("[", "").status, 400);
  expect_no_children_left();
}

}  // namespace

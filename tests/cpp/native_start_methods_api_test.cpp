// POST /api/start-methods without HTTP: the experiment in a job process, its input checked like
// the CLI's, its turn taken behind demo jobs, and its time budget kept.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "api_support.hpp"
#include "server/api.hpp"
#include "native_support.hpp"

namespace {

using namespace std::chrono_literals;
using cplay::testing::expect_no_children_left;

using cplay::testing::test_limits;

TEST(StartMethodsApi, AnswersTheReportOfAJobProcess) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse answer = api.start_methods(R"({"workers": 2})", "start-1");
  ASSERT_EQ(answer.status, 200) << answer.body.dump();
  EXPECT_EQ(answer.job, "start-1");
  EXPECT_EQ(answer.body.at("workers"), 2);
  // The report comes from the job process, not from the server (which never forks).
  EXPECT_NE(answer.body.at("pid"), ::getpid());
  const auto& kinds = answer.body.at("kinds");
  ASSERT_EQ(kinds.size(), 3u);
  EXPECT_TRUE(kinds.at(1).at("sees_changed_variable").get<bool>());   // fork
  EXPECT_FALSE(kinds.at(2).at("sees_changed_variable").get<bool>());  // spawn
  expect_no_children_left();
}

TEST(StartMethodsApi, BadInputIs400WithTheCliMessage) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse too_many = api.start_methods(R"({"workers": 65})", "");
  EXPECT_EQ(too_many.status, 400);
  EXPECT_EQ(too_many.body.at("error").at("message"), "--workers must be an integer from 1 to 64 (got 65)");
  EXPECT_EQ(api.start_methods(R"({"workers": 2, "mode": "fork"})", "").status, 400);
  EXPECT_EQ(api.start_methods("{", "").status, 400);
  EXPECT_EQ(api.start_methods("{}", "bad id!").status, 400);
  expect_no_children_left();
}

TEST(StartMethodsApi, WaitsForTheRunningDemoJobAndIsBusyPastTheQueueWait) {
  cplay::ApiLimits limits = test_limits();
  limits.queue_wait = 200ms;
  cplay::ApiHandler api(limits);
  auto running = std::async(std::launch::async, [&api] {
    return api.run(R"({"demo":"io","mode":"threads","params":{"tasks":1,"latency_ms":60000}})", "long-io");
  });
  for (int attempt = 0; attempt < 1000 && !api.job_running(); ++attempt) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(api.job_running());
  const cplay::ApiResponse answer = api.start_methods("{}", "start-2");
  EXPECT_EQ(answer.status, 429) << answer.body.dump();
  api.cancel(R"({"job":"long-io"})");
  EXPECT_EQ(running.get().status, 409);
  expect_no_children_left();
}

TEST(StartMethodsApi, AJobPastItsBudgetIsStoppedAsATimeout) {
  cplay::ApiLimits limits = test_limits();
  limits.job_timeout = 1ms;  // far less than starting 64 processes takes
  cplay::ApiHandler api(limits);
  const cplay::ApiResponse answer = api.start_methods(R"({"workers": 64})", "start-3");
  EXPECT_EQ(answer.status, 422) << answer.body.dump();
  EXPECT_EQ(answer.body.at("error").at("code"), "timeout");
  expect_no_children_left();
}

}  // namespace

// The native API behind `cplay serve`, without HTTP: statuses, error reports, one job at a time,
// jobs named by id (cancel before, while and after they run), time budgets and shutdown.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "api_support.hpp"
#include "eventually.hpp"
#include "server/api.hpp"
#include "native_support.hpp"
#include "playground/report_json.hpp"

namespace {

using namespace std::chrono_literals;
using cplay::testing::expect_no_children_left;

const std::string kLongWait = R"({"demo":"io","mode":"threads","params":{"tasks":1,"latency_ms":60000}})";
const std::string kQuick = R"({"demo":"primes","mode":"threads","workers":2,"params":{"limit":1000}})";

std::string long_wait_in(const std::string& mode) {
  std::string request = kLongWait;
  return request.replace(request.find("threads"), 7, mode);
}

// Job processes and spawned workers must run the real cplay: this test binary has no `__job`.
using cplay::testing::test_limits;

std::string cancel_body(const std::string& id) { return R"({"job":")" + id + R"("})"; }

using playground::testing::eventually;

// Runs a job on another thread; returns once it holds the slot (bounded wait).
std::future<cplay::ApiResponse> start_running(cplay::ApiHandler& api, const std::string& request, const std::string& id) {
  auto running = std::async(std::launch::async, [&api, request, id] { return api.run(request, id); });
  EXPECT_TRUE(eventually([&] { return api.job_running(); })) << id << " never ran";
  return running;
}

// Sends a job that queues behind the running one; returns once `waiting` jobs wait.
std::future<cplay::ApiResponse> start_waiting(cplay::ApiHandler& api, const std::string& request, const std::string& id,
                                              std::size_t waiting = 1) {
  auto queued = std::async(std::launch::async, [&api, request, id] { return api.run(request, id); });
  EXPECT_TRUE(eventually([&] { return api.jobs_waiting() == waiting; })) << id << " never waited";
  return queued;
}

TEST(Api, RunsAValidRequestAndNamesItsJob) {
  cplay::ApiHandler api(test_limits());
  const auto answer = api.run(kQuick, "page-1");
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.job, "page-1");
  EXPECT_EQ(answer.body["result"]["count"], 168);
  EXPECT_EQ(answer.body["workers"], 2);
}

TEST(Api, AJobWithoutAnIdIsNamedByTheServer) {
  cplay::ApiHandler api(test_limits());
  const auto first = api.run(kQuick, "");
  const auto second = api.run(kQuick, "");
  EXPECT_EQ(first.status, 200);
  EXPECT_FALSE(first.job.empty());
  EXPECT_NE(first.job, second.job);
}

TEST(Api, BadJsonIs400WithAnErrorReport) {
  cplay::ApiHandler api(test_limits());
  const auto answer = api.run("{not json", "j");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body["error"]["code"], "invalid-json");
}

TEST(Api, BytesThatAreNotUtf8Are400AndTheReportStillSerializes) {
  cplay::ApiHandler api(test_limits());
  for (const std::string body : {std::string("{\"demo\":\"\xff\xfe\"}"), std::string("{\"\xc3\x28\":1}"),
                                 std::string("{\"demo\":\"primes\"\0}", 18), std::string(60000, '[')}) {
    const auto answer = api.run(body, "j");
    EXPECT_EQ(answer.status, 400) << answer.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    EXPECT_TRUE(playground::is_bad_request(answer.body));
  }
}

TEST(Api, OutOfRangeIs400WithTheCliMessage) {
  cplay::ApiHandler api(test_limits());
  const auto answer = api.run(R"({"demo":"primes","params":{"limit":0}})", "j");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body["error"]["code"], "invalid-argument");
  EXPECT_EQ(answer.body["error"]["message"], "--limit must be an integer from 1 to 1000000000 (got 0)");
}

TEST(Api, AJobIdMustBeShortAndPlain) {
  cplay::ApiHandler api(test_limits());
  for (const std::string id : {std::string(65, 'a'), std::string("a b"), std::string("\xff"), std::string("a/b")}) {
    const auto answer = api.run(kQuick, id);
    EXPECT_EQ(answer.status, 400) << id;
    EXPECT_EQ(answer.body["error"]["code"], "invalid-argument");
  }
  EXPECT_EQ(api.cancel(R"({"job":""})").status, 400);
  EXPECT_EQ(api.cancel(R"({"job":1})").status, 400);
  EXPECT_EQ(api.cancel(R"({"job":"a","more":1})").status, 400);
  EXPECT_EQ(api.cancel("\xff").status, 400);
}

TEST(Api, CancelByIdStopsTheRunningJobInEveryMode) {
  for (const char* mode : {"threads", "gil-threads", "async", "sequential", "processes"}) {
    cplay::ApiHandler api(test_limits());
    auto running = start_running(api, long_wait_in(mode), "long");
    const auto cancel = api.cancel(cancel_body("long"));
    EXPECT_EQ(cancel.status, 200);
    EXPECT_EQ(cancel.body["state"], "running");
    EXPECT_EQ(cancel.body["cancelled"], true);
    ASSERT_EQ(running.wait_for(30s), std::future_status::ready) << mode << ": the 60 s wait was not interrupted";
    const auto answer = running.get();
    EXPECT_EQ(answer.status, 409) << mode;
    EXPECT_EQ(answer.body["error"]["code"], "cancelled") << mode;
    expect_no_children_left();
  }
}

TEST(Api, AJobPastItsBudgetIsStoppedWithCodeTimeoutInEveryMode) {
  for (const char* mode : {"threads", "gil-threads", "async", "sequential", "processes"}) {
    cplay::ApiLimits limits = test_limits();
    limits.job_timeout = 300ms;
    cplay::ApiHandler api(limits);
    const auto answer = api.run(long_wait_in(mode), "slow");
    EXPECT_EQ(answer.status, 422) << mode;
    EXPECT_EQ(answer.body["error"]["code"], "timeout") << mode;
    EXPECT_EQ(answer.body["error"]["message"],
              "job 'slow' ran past its budget of 300 ms (cplay serve --job-timeout-s) and was stopped");
    expect_no_children_left();
  }
}

TEST(Api, ACancelForAWaitingJobRemovesItAndSparesTheRunningOne) {
  cplay::ApiHandler api(test_limits());
  auto first = start_running(api, kLongWait, "first");
  auto second = start_waiting(api, kQuick, "second");
  const auto cancel = api.cancel(cancel_body("second"));
  EXPECT_EQ(cancel.body["state"], "waiting");
  ASSERT_EQ(second.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(second.get().body["error"]["code"], "cancelled");
  EXPECT_TRUE(api.job_running()) << "the cancel for the waiting job stopped the running one";
  api.cancel(cancel_body("first"));
  EXPECT_EQ(first.get().body["error"]["code"], "cancelled");
}

TEST(Api, ACancelThatArrivesBeforeItsJobRefusesThatJobOnly) {
  cplay::ApiHandler api(test_limits());
  const auto cancel = api.cancel(cancel_body("early"));
  EXPECT_EQ(cancel.status, 404);
  EXPECT_EQ(cancel.body["error"]["code"], "unknown-job");
  const auto refused = api.run(kQuick, "early");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.body["error"]["code"], "cancelled");
  EXPECT_EQ(api.run(kQuick, "next").status, 200) << "the cancel leaked into the next job";
  EXPECT_EQ(api.run(kQuick, "early").status, 200) << "a pre-cancel refuses one arrival, not the id forever";
}

TEST(Api, ACancelAfterTheJobFinishedSaysSoAndDoesNotLeak) {
  cplay::ApiHandler api(test_limits());
  ASSERT_EQ(api.run(kQuick, "done").status, 200);
  const auto cancel = api.cancel(cancel_body("done"));
  EXPECT_EQ(cancel.status, 200);
  EXPECT_EQ(cancel.body["cancelled"], false);
  EXPECT_EQ(cancel.body["state"], "finished");
  EXPECT_EQ(api.run(kQuick, "after").status, 200);
}

TEST(Api, AnIdInUseIsRefused) {
  cplay::ApiHandler api(test_limits());
  auto first = start_running(api, kLongWait, "same");
  const auto again = api.run(kQuick, "same");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["error"]["code"], "job-id-in-use");
  api.cancel(cancel_body("same"));
  EXPECT_EQ(first.get().body["error"]["code"], "cancelled");
}

TEST(Api, JobsWaitInTurnAndTooManyWaitingGet429) {
  cplay::ApiLimits limits = test_limits();
  limits.max_waiting = 1;
  cplay::ApiHandler api(limits);
  auto first = start_running(api, kLongWait, "first");
  auto second = start_waiting(api, kQuick, "second");
  const auto third = api.run(kQuick, "third");
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(third.body["error"]["code"], "busy");
  api.cancel(cancel_body("first"));
  EXPECT_EQ(first.get().status, 409);
  const auto waited = second.get();
  EXPECT_EQ(waited.status, 200) << "the waiting job should run once the slot is free";
  EXPECT_EQ(waited.body["result"]["count"], 168);
}

TEST(Api, AJobThatWaitsTooLongGets429) {
  cplay::ApiLimits limits = test_limits();
  limits.queue_wait = 0ms;
  cplay::ApiHandler api(limits);
  auto first = start_running(api, kLongWait, "first");
  const auto busy = api.run(kQuick, "second");
  EXPECT_EQ(busy.status, 429);
  EXPECT_EQ(busy.body["error"]["code"], "busy");
  api.cancel(cancel_body("first"));
  EXPECT_EQ(first.get().body["error"]["code"], "cancelled");
}

TEST(Api, ShutDownEndsTheRunningAndTheWaitingJobsAndRefusesNewOnes) {
  cplay::ApiHandler api(test_limits());
  auto running = start_running(api, long_wait_in("processes"), "running");
  auto waiting = start_waiting(api, kQuick, "waiting");
  api.shut_down();
  ASSERT_EQ(running.wait_for(10s), std::future_status::ready);
  ASSERT_EQ(waiting.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(running.get().body["error"]["code"], "cancelled");
  EXPECT_EQ(waiting.get().status, 503);
  EXPECT_EQ(api.run(kQuick, "late").status, 503);
  expect_no_children_left();
}

}  // namespace

// The native API behind `cplay serve`, without HTTP: statuses, error reports, one job at a time,
// and cancellation from the page.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "api.hpp"

namespace {

using namespace std::chrono_literals;

const std::string kLongWait = R"({"demo":"io","mode":"threads","params":{"tasks":1,"latency_ms":60000}})";

// Calls cancel_job() until it reports a running job (bounded), so the cancel hits that job.
bool cancel_when_running(cplay::ApiHandler& api) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    if (api.cancel_job()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

TEST(Api, RunsAValidRequest) {
  cplay::ApiHandler api;
  const auto answer = api.run(R"({"demo":"primes","mode":"threads","workers":2,"params":{"limit":1000}})");
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body["result"]["count"], 168);
  EXPECT_EQ(answer.body["workers"], 2);
}

TEST(Api, BadJsonIs400WithAnErrorReport) {
  cplay::ApiHandler api;
  const auto answer = api.run("{not json");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body["error"]["code"], "invalid-json");
}

TEST(Api, OutOfRangeIs400WithTheCliMessage) {
  cplay::ApiHandler api;
  const auto answer = api.run(R"({"demo":"primes","params":{"limit":0}})");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body["error"]["code"], "invalid-argument");
  EXPECT_EQ(answer.body["error"]["message"], "--limit must be an integer from 1 to 1000000000 (got 0)");
}

TEST(Api, CancelStopsTheRunningJobInEveryMode) {
  for (const char* mode : {"threads", "gil-threads", "async", "sequential", "processes"}) {
    cplay::ApiHandler api;
    std::string request = kLongWait;
    request.replace(request.find("threads"), 7, mode);
    auto running = std::async(std::launch::async, [&] { return api.run(request); });
    ASSERT_TRUE(cancel_when_running(api)) << mode;
    ASSERT_EQ(running.wait_for(30s), std::future_status::ready) << mode << ": the 60 s wait was not interrupted";
    const auto answer = running.get();
    EXPECT_EQ(answer.body["error"]["code"], "cancelled") << mode;
  }
}

TEST(Api, ASecondJobWhileOneRunsGets429) {
  cplay::ApiHandler api(0ms);
  auto first = std::async(std::launch::async, [&] { return api.run(kLongWait); });
  for (int attempt = 0; attempt < 1000 && !api.job_running(); ++attempt) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(api.job_running());
  const auto busy = api.run(R"({"demo":"primes","params":{"limit":10}})");
  EXPECT_EQ(busy.status, 429);
  EXPECT_EQ(busy.body["error"]["code"], "busy");
  api.cancel_job();
  EXPECT_EQ(first.get().body["error"]["code"], "cancelled");
}

}  // namespace

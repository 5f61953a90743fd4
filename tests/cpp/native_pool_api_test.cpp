// POST /api/pool without HTTP: the experiment in a job process, its input checked like the CLI's,
// with no child left behind (the job process and the pool's children alike).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include "native_support.hpp"
#include "api_support.hpp"
#include "server/api.hpp"

namespace {

using cplay::testing::expect_no_children_left;

using cplay::testing::test_limits;

TEST(PoolApi, AnswersTheReportForThreadsForkAndSpawn) {
  cplay::ApiHandler api(test_limits());
  for (const char* body : {R"({"tasks": 6, "workers": 2, "work": 200})",
                           R"({"mode": "processes", "start_method": "fork", "tasks": 6, "workers": 2, "work": 200})",
                           R"({"mode": "processes", "start_method": "spawn", "tasks": 6, "workers": 2, "work": 200})"}) {
    const cplay::ApiResponse answer = api.pool(body, "");
    ASSERT_EQ(answer.status, 200) << answer.body.dump();
    EXPECT_EQ(answer.body.at("experiment"), "pool");
    EXPECT_EQ(answer.body.at("correct"), true) << body;
    EXPECT_EQ(answer.body.at("pool").at("starts"), 2);
    EXPECT_EQ(answer.body.at("fresh").at("starts"), 6);
    EXPECT_EQ(answer.body.at("fresh").at("per_task").size(), 6u);
  }
  expect_no_children_left();
}

TEST(PoolApi, BadInputIs400WithTheCliMessage) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse answer = api.pool(R"({"tasks": 2, "workers": 3})", "");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body.at("error").at("message"), "--workers must be an integer from 1 to --tasks (2) (got 3)");
  EXPECT_EQ(api.pool(R"({"mode": "fibers"})", "").status, 400);
  EXPECT_EQ(api.pool(R"({"start_method": "worker"})", "").status, 400);
  EXPECT_EQ(api.pool(R"({"work": -1})", "").status, 400);
  EXPECT_EQ(api.pool("[", "").status, 400);
  expect_no_children_left();
}

// Processes anywhere on the machine that are spawned pool workers (cplay __pool-worker).
int pool_workers_alive() {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    if (cplay::testing::proc_text(entry.path() / "cmdline").find("__pool-worker") != std::string::npos) ++count;
  }
  return count;
}

TEST(PoolApi, CancelStopsTheJobAndEveryPoolWorker) {
  using namespace std::chrono_literals;
  cplay::ApiHandler api(test_limits());
  const std::string body = R"({"mode": "processes", "start_method": "spawn", "tasks": 256, "workers": 4, "work": 250000})";
  auto running = std::async(std::launch::async, [&api, body] { return api.pool(body, "long-pool"); });
  bool started = false;
  for (int i = 0; i < 1000 && !started; ++i) {
    started = pool_workers_alive() > 0;
    if (!started) std::this_thread::sleep_for(5ms);
  }
  EXPECT_TRUE(started) << "no pool worker was ever seen";
  EXPECT_EQ(api.cancel(R"({"job":"long-pool"})").status, 200);
  ASSERT_EQ(running.wait_for(30s), std::future_status::ready);
  const cplay::ApiResponse answer = running.get();
  EXPECT_EQ(answer.status, 409) << answer.body.dump();
  EXPECT_EQ(answer.body.at("error").at("code"), "cancelled");
  bool gone = false;
  for (int i = 0; i < 500 && !gone; ++i) {
    gone = pool_workers_alive() == 0;
    if (!gone) std::this_thread::sleep_for(10ms);
  }
  EXPECT_TRUE(gone) << "a pool worker outlived its cancelled job";
  expect_no_children_left();
}

}  // namespace

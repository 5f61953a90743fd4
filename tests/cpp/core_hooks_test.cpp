// Run hooks: the progress counter a UI polls, and cancellation, before a run starts and from
// another thread while it runs. A broken cancel makes these runs take seconds and then fail,
// never hang: every workload here is bounded.
#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "core_support.hpp"

namespace playground::testing {
namespace {

using namespace std::chrono_literals;

std::uint64_t total_items_of(const Request& request) { return make_workload(request, 1)->total_items(); }

TEST(Progress, ReachesTotalItemsInEveryMode) {
  const std::vector<std::pair<std::string, json>> demos = {
      {"primes", {{"limit", 30'000}}},
      {"primes", {{"limit", 150'000}, {"algorithm", "sieve"}}},
      {"factorial", {{"n", 300}, {"count", 3}}},
      {"race", {{"increments", 4'321}, {"sync", "lock"}}},
      {"io", {{"tasks", 3}, {"latency_ms", 1}}},
  };
  for (const auto& [demo, params] : demos) {
    for (const auto& mode : in_process_modes()) {
      const Request request = make_request(demo, mode, params, mode == "sequential" ? 1 : 2);
      std::atomic<std::uint64_t> progress{0};
      RunHooks hooks;
      hooks.progress = &progress;
      run(request, hooks);
      EXPECT_EQ(progress.load(), total_items_of(request)) << demo << " in mode " << mode;
      EXPECT_GT(progress.load(), 0u);
    }
  }
}

TEST(Progress, ShardsCountOnlyTheirOwnItems) {
  const Request request = make_request("primes", "processes", {{"limit", 10'000}}, 2);
  std::atomic<std::uint64_t> progress{0};
  RunHooks hooks;
  hooks.progress = &progress;
  run_shard(request, 0, 2, 0.0, hooks);
  EXPECT_GT(progress.load(), 0u);
  EXPECT_LT(progress.load(), 10'000u);
  run_shard(request, 1, 2, 0.0, hooks);
  EXPECT_EQ(progress.load(), 10'000u);
}

TEST(Cancel, BeforeStartInEveryMode) {
  for (const auto& mode : in_process_modes()) {
    std::atomic<bool> cancel{true};
    std::atomic<std::uint64_t> progress{0};
    RunHooks hooks;
    hooks.cancel = &cancel;
    hooks.progress = &progress;
    const Request request = make_request("primes", mode, {{"limit", 200'000}}, mode == "sequential" ? 1 : 2);
    EXPECT_EQ(run_error_code([&] { run(request, hooks); }), "cancelled") << mode;
    EXPECT_EQ(progress.load(), 0u) << mode << ": no slice runs once cancelled";
  }
}

TEST(Cancel, ShardBeforeStart) {
  std::atomic<bool> cancel{true};
  RunHooks hooks;
  hooks.cancel = &cancel;
  const Request request = make_request("io", "processes", {{"tasks", 4}, {"latency_ms", 1}}, 2);
  EXPECT_EQ(run_error_code([&] { run_shard(request, 0, 2, 0.0, hooks); }), "cancelled");
}

// 400 tasks of 25 ms: 5 s or more if cancel is ignored, a few tens of ms if it works.
TEST(Cancel, FromAnotherThreadWhileRunning) {
  for (const auto& mode : in_process_modes()) {
    const Request request = make_request("io", mode, {{"tasks", 400}, {"latency_ms", 25}}, mode == "sequential" ? 1 : 2);
    std::atomic<bool> cancel{false};
    std::atomic<std::uint64_t> progress{0};
    RunHooks hooks;
    hooks.cancel = &cancel;
    hooks.progress = &progress;
    // Cancel once the run has demonstrably started; the deadline only keeps a stuck run from hanging.
    std::thread canceller([&] {
      const auto deadline = std::chrono::steady_clock::now() + 30s;
      while (progress.load() == 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
      cancel = true;
    });
    const std::string code = run_error_code([&] { run(request, hooks); });
    canceller.join();
    EXPECT_EQ(code, "cancelled") << mode;
    EXPECT_LT(progress.load(), 400u) << mode << ": the run stopped early";
  }
}

TEST(Cancel, ACompletedRunIsNotAffectedByAnUnsetFlag) {
  std::atomic<bool> cancel{false};
  RunHooks hooks;
  hooks.cancel = &cancel;
  const Report report = run(make_request("primes", "threads", {{"limit", 1'000}}, 2), hooks);
  EXPECT_EQ(std::get<PrimesResult>(report.result).count, 168u);
}

}  // namespace
}  // namespace playground::testing

// The coroutine event loop behind the async mode: ready-queue order, interleaving at yields,
// timers, errors, and termination. Orders are asserted; durations never are.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core_support.hpp"
#include "playground/event_loop.hpp"

namespace playground::testing {
namespace {

using Log = std::vector<std::string>;

Task note(Log& log, std::string name) {
  log.push_back(name);
  co_return;
}

// Records "name:step" before each of `steps` yields, then "name:end".
Task yielder(EventLoop& loop, Log& log, std::string name, int steps) {
  for (int step = 0; step < steps; ++step) {
    log.push_back(name + ":" + std::to_string(step));
    co_await loop.yield();
  }
  log.push_back(name + ":end");
}

Task sleeper(EventLoop& loop, Log& log, std::string name, double delay_ms) {
  co_await loop.sleep(delay_ms);
  log.push_back(name);
}

Task thrower(EventLoop& loop, Log& log) {
  co_await loop.yield();
  log.push_back("thrower");
  throw std::runtime_error("boom");
}

TEST(EventLoop, RunsReadyTasksInSpawnOrder) {
  EventLoop loop;
  Log log;
  for (const char* name : {"a", "b", "c", "d"}) loop.spawn(note(log, name));
  EXPECT_TRUE(log.empty()) << "tasks start suspended; only run() resumes them";
  loop.run();
  EXPECT_EQ(log, (Log{"a", "b", "c", "d"}));
}

TEST(EventLoop, YieldInterleavesRoundRobin) {
  EventLoop loop;
  Log log;
  loop.spawn(yielder(loop, log, "x", 3));
  loop.spawn(yielder(loop, log, "y", 1));
  loop.spawn(yielder(loop, log, "z", 2));
  loop.run();
  EXPECT_EQ(log, (Log{"x:0", "y:0", "z:0", "x:1", "y:end", "z:1", "x:2", "z:end", "x:end"}));
}

TEST(EventLoop, WithoutAwaitATaskRunsToTheEnd) {
  // Cooperative multitasking: a task that never awaits is never interrupted.
  EventLoop loop;
  Log log;
  loop.spawn(yielder(loop, log, "busy", 0));
  loop.spawn(yielder(loop, log, "polite", 1));
  loop.run();
  EXPECT_EQ(log, (Log{"busy:end", "polite:0", "polite:end"}));
}

TEST(EventLoop, TimersFireInDeadlineOrder) {
  EventLoop loop;
  Log log;
  // Deadlines 25 ms apart: spawn order and deadline order differ on purpose.
  loop.spawn(sleeper(loop, log, "late", 50));
  loop.spawn(sleeper(loop, log, "early", 0));
  loop.spawn(sleeper(loop, log, "middle", 25));
  loop.run();
  EXPECT_EQ(log, (Log{"early", "middle", "late"}));
}

TEST(EventLoop, ReadyTasksRunBeforeASleeperWakes) {
  EventLoop loop;
  Log log;
  // 100 ms: far longer than the few yields need, even on a loaded machine.
  loop.spawn(sleeper(loop, log, "sleeper", 100));
  loop.spawn(yielder(loop, log, "worker", 3));
  loop.run();
  EXPECT_EQ(log, (Log{"worker:0", "worker:1", "worker:2", "worker:end", "sleeper"}));
}

TEST(EventLoop, LoopWithOnlySleepingTasksFinishes) {
  EventLoop loop;
  Log log;
  for (int i = 0; i < 3; ++i) loop.spawn(sleeper(loop, log, "s" + std::to_string(i), 5));
  loop.run();
  EXPECT_EQ(log.size(), 3u);
}

TEST(EventLoop, RunWithNothingSpawnedReturns) {
  EventLoop loop;
  loop.run();
  SUCCEED();
}

TEST(EventLoop, TaskExceptionPropagatesFromRunAfterOthersFinish) {
  EventLoop loop;
  Log log;
  loop.spawn(thrower(loop, log));
  loop.spawn(yielder(loop, log, "other", 3));
  try {
    loop.run();
    ADD_FAILURE() << "run() returned although a task threw";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "boom");
  }
  // asyncio.gather-like: the failure does not cancel the sibling.
  EXPECT_EQ(log.back(), "other:end");
  EXPECT_NE(std::find(log.begin(), log.end(), "thrower"), log.end());
}

TEST(EventLoop, UnrunTasksAreDestroyedWithTheLoop) {
  // Leaks (the sanitizer build) or crashes would show if spawned frames were not released.
  Log log;
  {
    EventLoop loop;
    loop.spawn(note(log, "never"));
    loop.spawn(sleeper(loop, log, "never either", 1));
  }
  EXPECT_TRUE(log.empty());
}

TEST(EventLoop, TaskCanBeMovedBeforeSpawning) {
  EventLoop loop;
  Log log;
  Task first = note(log, "moved");
  Task second = std::move(first);
  loop.spawn(std::move(second));
  loop.run();
  EXPECT_EQ(log, (Log{"moved"}));
}

// ---- the async mode built on it ----

// One thread, so every worker's span starts on the same thread as the others.
TEST(AsyncMode, AllCoroutinesShareOneThread) {
  const Report report = run(make_request("io", "async", {{"tasks", 4}, {"latency_ms", 5}}, 4));
  ASSERT_EQ(report.spans.size(), 4u);
  for (const Span& span : report.spans) {
    EXPECT_EQ(span.tid, report.spans.front().tid);
    EXPECT_EQ(span.items, 1u) << "each coroutine takes one task before any wait ends";
  }
}

TEST(AsyncMode, WaitsAreRecordedAsWaiting) {
  const Report report = run(make_request("io", "async", {{"tasks", 2}, {"latency_ms", 5}}, 2));
  std::size_t waits = 0;
  for (const Event& e : report.events)
    if (e.state == WorkerState::Waiting) ++waits;
  EXPECT_EQ(waits, 2u);
  for (const Event& e : report.events) EXPECT_NE(e.state, WorkerState::GilWait);
}

}  // namespace
}  // namespace playground::testing

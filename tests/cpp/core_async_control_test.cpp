// The async control experiment in the core: gather's order, a cancelled task's cleanup, a timeout
// around a slow task, and the race across an await on one thread. Outcomes and the order of
// events are asserted, never durations: the machine is shared and noisy.
#include <gtest/gtest.h>

#include <algorithm>
#include <coroutine>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "playground/async_control.hpp"
#include "playground/async_control_json.hpp"
#include "playground/errors.hpp"
#include "playground/event_loop.hpp"

namespace {

using namespace playground;
using json = nlohmann::json;

// The index of the first event of `lane` of `kind`, or -1.
long find_event(const AsyncScenarioRun& run, const std::string& lane, AsyncEventKind kind) {
  const auto it = std::find_if(run.events.begin(), run.events.end(),
                               [&](const AsyncEvent& e) { return e.lane == lane && e.kind == kind; });
  return it == run.events.end() ? -1 : static_cast<long>(it - run.events.begin());
}

// A timer of a minute, taken back: run() returns without waiting for it (else this test would
// hang until its time limit) and the coroutine it would have woken is never resumed.
struct MinuteTimer {
  EventLoop& loop;
  EventLoop::TimerId& id;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> handle) { id = loop.wake_after(60'000, handle); }
  void await_resume() const noexcept {}
};

Task wait_a_minute(EventLoop& loop, EventLoop::TimerId& id, bool& resumed) {
  co_await MinuteTimer{loop, id};
  resumed = true;
}

Task take_it_back(EventLoop& loop, EventLoop::TimerId& id, bool& taken) {
  co_await loop.yield();
  taken = loop.cancel_timer(id);
}

TEST(AsyncEventLoop, ACancelledTimerNeverFiresNorKeepsTheLoopRunning) {
  EventLoop loop;
  EventLoop::TimerId id = 0;
  bool resumed = false;
  bool taken = false;
  loop.spawn(wait_a_minute(loop, id, resumed));
  loop.spawn(take_it_back(loop, id, taken));
  loop.run();
  EXPECT_TRUE(taken);
  EXPECT_FALSE(resumed);
  EXPECT_FALSE(loop.cancel_timer(id));  // already taken back
}

TEST(AsyncGather, ResultsInTheOrderGivenWhateverOrderTheyEnd) {
  const AsyncScenarioRun run = run_async_gather(4, 20);
  EXPECT_EQ(run.gather.results, (std::vector<std::int64_t>{0, 1, 4, 9}));
  // Task n waits 20 x (4 - n) / 4 ms: the last one given ends first.
  EXPECT_EQ(run.gather.finish_order, (std::vector<std::uint64_t>{3, 2, 1, 0}));
  const long gathered = find_event(run, "main", AsyncEventKind::Resume);
  ASSERT_GE(gathered, 0);
  for (int n = 0; n < 4; ++n) EXPECT_LT(find_event(run, "task " + std::to_string(n), AsyncEventKind::End), gathered);
  for (std::size_t i = 1; i < run.events.size(); ++i) EXPECT_LE(run.events[i - 1].at_ms, run.events[i].at_ms);
}

TEST(AsyncCancel, TheCancelledTasksCleanupStillRuns) {
  for (std::uint64_t latency : {0u, 40u}) {
    const AsyncScenarioRun run = run_async_cancel(3, latency);
    EXPECT_TRUE(run.cancel.wait_cancelled) << latency;
    EXPECT_TRUE(run.cancel.cleanup_ran) << latency;
    EXPECT_EQ(run.cancel.completed, 2u) << latency;
    const long cancel = find_event(run, "main", AsyncEventKind::Cancel);
    const long cancelled = find_event(run, "task 0", AsyncEventKind::Cancelled);
    const long cleanup = find_event(run, "task 0", AsyncEventKind::Cleanup);
    const long end = find_event(run, "task 0", AsyncEventKind::End);
    ASSERT_GE(cancel, 0);
    EXPECT_LT(cancel, cancelled);
    EXPECT_LT(cancelled, cleanup);
    EXPECT_LT(cleanup, end);
    EXPECT_EQ(run.events[static_cast<std::size_t>(end)].detail, "cancelled");
    // The others were not cancelled, and their cleanup ran too.
    EXPECT_EQ(find_event(run, "task 1", AsyncEventKind::Cancelled), -1);
    EXPECT_GE(find_event(run, "task 1", AsyncEventKind::Cleanup), 0);
  }
}

TEST(AsyncTimeout, ASlowTaskIsCancelledAtTheDeadlineAndCleansUp) {
  const AsyncScenarioRun run = run_async_timeout(2000, 10);
  EXPECT_TRUE(run.timeout.timed_out);
  EXPECT_TRUE(run.timeout.cleanup_ran);
  EXPECT_GE(run.timeout.timed_out_at_ms, 10.0);  // never before the deadline; how late is the machine's
  const long timeout = find_event(run, "main", AsyncEventKind::Timeout);
  const long cancelled = find_event(run, "slow", AsyncEventKind::Cancelled);
  const long cleanup = find_event(run, "slow", AsyncEventKind::Cleanup);
  const long main_end = find_event(run, "main", AsyncEventKind::End);
  ASSERT_GE(timeout, 0);
  EXPECT_LT(timeout, cancelled);
  EXPECT_LT(cleanup, main_end);  // wait_for waits for the cleanup
}

TEST(AsyncTimeout, AFastTaskFinishesInTime) {
  const AsyncScenarioRun run = run_async_timeout(0, 2000);
  EXPECT_FALSE(run.timeout.timed_out);
  EXPECT_TRUE(run.timeout.cleanup_ran);
  EXPECT_EQ(find_event(run, "slow", AsyncEventKind::Cancelled), -1);
  EXPECT_EQ(find_event(run, "main", AsyncEventKind::Timeout), -1);
}

TEST(AsyncRace, WithoutALockEachRoundOfTasksAddsOne) {
  // sleep(0) between read and write in a FIFO loop: every task reads the same value each round.
  for (std::uint64_t tasks : {2u, 3u, 8u}) {
    const AsyncScenarioRun run = run_async_race(tasks, 5, AsyncSync::None);
    EXPECT_EQ(run.race.expected, tasks * 5);
    EXPECT_EQ(run.race.final_value, 5u) << tasks;
    EXPECT_EQ(run.race.lost, tasks * 5 - 5) << tasks;
  }
  const AsyncScenarioRun alone = run_async_race(1, 5, AsyncSync::None);  // nobody to interleave with
  EXPECT_EQ(alone.race.final_value, 5u);
  EXPECT_EQ(alone.race.lost, 0u);
}

TEST(AsyncRace, AnAsyncLockKeepsEveryUpdate) {
  for (std::uint64_t tasks : {2u, 8u}) {
    const AsyncScenarioRun run = run_async_race(tasks, 7, AsyncSync::Lock);
    EXPECT_EQ(run.race.final_value, tasks * 7);
    EXPECT_EQ(run.race.lost, 0u);
  }
}

TEST(AsyncControl, AllRunsFourScenariosAndExactFollowsTheRace) {
  AsyncControlOptions options{.latency_ms = 10, .timeout_ms = 5};
  const AsyncControlReport lossy = run_async_control(options);
  ASSERT_EQ(lossy.runs.size(), 4u);
  EXPECT_EQ(lossy.runs[3].scenario, AsyncScenario::Race);
  EXPECT_FALSE(lossy.exact());
  options.sync = AsyncSync::Lock;
  options.scenario = AsyncScenario::Race;
  const AsyncControlReport locked = run_async_control(options);
  ASSERT_EQ(locked.runs.size(), 1u);
  EXPECT_TRUE(locked.exact());
}

TEST(AsyncControl, BadInputNamesTheFlagAndItsRange) {
  const auto message = [](const json& request) {
    try {
      async_options_from_json(request);
    } catch (const ArgumentError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message({{"tasks", 9}}), "--tasks must be an integer from 1 to 8 (got 9)");
  EXPECT_NE(message({{"increments", 0}}).find("--increments"), std::string::npos);
  EXPECT_NE(message({{"timeout_ms", 2001}}).find("--timeout-ms"), std::string::npos);
  EXPECT_NE(message({{"scenario", "sleep"}}).find("--scenario must be one of gather|cancel|timeout|race|all"), std::string::npos);
  EXPECT_NE(message({{"sync", "atomic"}}).find("--sync must be one of none|lock"), std::string::npos);
  EXPECT_NE(message({{"speed", 1}}).find("unknown field 'speed'"), std::string::npos);
  EXPECT_EQ(message({{"tasks", "4"}, {"sync", "lock"}}), "accepted");
}

TEST(AsyncControl, JsonReportHasEachOutcome) {
  const AsyncControlReport report = run_async_control({.tasks = 2, .latency_ms = 4, .timeout_ms = 2, .increments = 2});
  const json out = async_report_to_json(report);
  EXPECT_EQ(out["experiment"], "async");
  EXPECT_EQ(out["exact"], false);
  ASSERT_EQ(out["runs"].size(), 4u);
  EXPECT_EQ(out["runs"][0]["outcome"]["results"], json::array({0, 1}));
  EXPECT_EQ(out["runs"][1]["outcome"]["cleanup_ran"], true);
  EXPECT_EQ(out["runs"][2]["outcome"]["timed_out"], true);
  EXPECT_EQ(out["runs"][3]["outcome"]["final"], 2);
  EXPECT_EQ(out["runs"][3]["outcome"]["lost"], 2);
  EXPECT_EQ(out["runs"][3]["events"][0]["kind"], "start");
}

}  // namespace

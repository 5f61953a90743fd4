#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "playground/catalog.hpp"
#include "playground/deadlock.hpp"
#include "playground/deadlock_board.hpp"
#include "playground/deadlock_json.hpp"
#include "playground/errors.hpp"

namespace {

using namespace playground;

DeadlockOptions options(std::uint64_t workers, LockOrder order, LockStrategy strategy, std::uint64_t rounds = 2,
                        std::uint64_t hold_ms = 30) {
  DeadlockOptions o;
  o.workers = workers;
  o.order = order;
  o.strategy = strategy;
  o.rounds = rounds;
  o.hold_ms = hold_ms;
  return o;
}

WaitSample sample(std::vector<std::int32_t> owner, std::vector<std::int32_t> waiting_for) {
  WaitSample s{std::move(owner), std::move(waiting_for), {}};
  s.wait_number.assign(s.waiting_for.size(), 1);
  return s;
}

// Opposite order deadlocks when every worker holds its first lock before any reaches for its
// second: the pause makes that near certain, but a loaded machine may hold a thread back for
// longer. Such a run finishes every round instead; a few tries give the deadlock.
DeadlockReport deadlocked_run(const DeadlockOptions& o) {
  DeadlockReport report;
  for (int attempt = 0; attempt < 4; ++attempt) {
    report = run_deadlock_threads(o);
    if (report.deadlock) return report;
    for (const auto& w : report.workers) EXPECT_EQ(w.rounds_completed, o.rounds) << "no deadlock, so all done";
  }
  ADD_FAILURE() << "opposite order never deadlocked in 4 runs";
  return report;
}

TEST(DeadlockLockOrder, OppositeFormsARingConsistentClimbs) {
  EXPECT_EQ(first_lock(LockOrder::Opposite, 1, 2), 1u);
  EXPECT_EQ(second_lock(LockOrder::Opposite, 1, 2), 0u);
  for (std::size_t w = 0; w < 5; ++w) {
    EXPECT_LT(first_lock(LockOrder::Consistent, w, 5), second_lock(LockOrder::Consistent, w, 5));
    EXPECT_EQ(second_lock(LockOrder::Opposite, w, 5), (w + 1) % 5);
  }
}

TEST(DeadlockCycle, TwoWorkersEachHoldingWhatTheOtherWants) {
  // worker 0 holds lock 0 and waits for 1; worker 1 holds lock 1 and waits for 0
  const auto cycle = find_wait_cycle(sample({0, 1}, {1, 0}));
  ASSERT_TRUE(cycle);
  ASSERT_EQ(cycle->size(), 2u);
  EXPECT_EQ((*cycle)[0], (WaitLink{0, 0, 1, 1}));
  EXPECT_EQ((*cycle)[1], (WaitLink{1, 1, 0, 0}));
}

TEST(DeadlockCycle, AChainThatEndsIsNoCycle) {
  // 0 waits for lock 1 held by 1, which waits for lock 2 that nobody holds
  EXPECT_FALSE(find_wait_cycle(sample({0, 1, kNobody}, {1, 2, kNobody})));
  EXPECT_FALSE(find_wait_cycle(sample({kNobody, kNobody}, {kNobody, kNobody})));
}

TEST(DeadlockCycle, ACycleBehindAWaitingWorkerStartsAtItsLowestMember) {
  // worker 0 waits for lock 1 (held by 1); workers 1 and 2 are stuck on each other
  const auto cycle = find_wait_cycle(sample({kNobody, 1, 2}, {1, 2, 1}));
  ASSERT_TRUE(cycle);
  ASSERT_EQ(cycle->size(), 2u);
  EXPECT_EQ((*cycle)[0], (WaitLink{1, 1, 2, 2}));
  EXPECT_EQ((*cycle)[1], (WaitLink{2, 2, 1, 1}));
}

TEST(DeadlockWatchdog, NeedsTheSameWaitsInTwoSamples) {
  DeadlockBoard board;
  board.owner[0] = 0;
  board.owner[1] = 1;
  board.waiting_for[0] = 1;
  board.waiting_for[1] = 0;
  Watchdog watchdog(2);
  EXPECT_FALSE(watchdog.check(board));  // one sample proves nothing
  board.wait_number[0].fetch_add(1);    // worker 0 started a new wait in between
  EXPECT_FALSE(watchdog.check(board));
  EXPECT_TRUE(watchdog.check(board));
  EXPECT_EQ(watchdog.samples(), 3u);
}

TEST(DeadlockRun, OppositeOrderDeadlocksAndEndsWithEveryLockReleased) {
  const DeadlockReport report = deadlocked_run(options(2, LockOrder::Opposite, LockStrategy::Block, 2, 60));
  ASSERT_TRUE(report.deadlock);
  ASSERT_EQ(report.cycle.size(), 2u);
  EXPECT_EQ(report.cycle[0], (WaitLink{0, 0, 1, 1}));
  EXPECT_EQ(report.cycle[1], (WaitLink{1, 1, 0, 0}));
  ASSERT_TRUE(report.detected_ms);
  for (const auto& w : report.workers) {
    EXPECT_TRUE(w.gave_up);
    EXPECT_EQ(w.rounds_completed, 0u);  // everyone held a lock for the first round's whole pause
  }
  bool waited = false;
  for (const Event& e : report.events) {
    EXPECT_LE(e.start_ms, e.end_ms);
    waited = waited || e.state == WorkerState::Waiting;
  }
  EXPECT_TRUE(waited);
}

TEST(DeadlockRun, ARingOfFourDeadlocksWithEveryWorkerInTheCycle) {
  const DeadlockReport report = deadlocked_run(options(4, LockOrder::Opposite, LockStrategy::Block, 1, 60));
  ASSERT_TRUE(report.deadlock);
  ASSERT_EQ(report.cycle.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(report.cycle[i], (WaitLink{i, i, (i + 1) % 4, (i + 1) % 4}));
}

TEST(DeadlockRun, ConsistentOrderCompletesEveryRound) {
  const DeadlockReport report = run_deadlock_threads(options(3, LockOrder::Consistent, LockStrategy::Block, 3, 5));
  EXPECT_FALSE(report.deadlock);
  EXPECT_TRUE(report.cycle.empty());
  for (const auto& w : report.workers) {
    EXPECT_EQ(w.rounds_completed, 3u);
    EXPECT_EQ(w.retries, 0u);
    EXPECT_FALSE(w.gave_up);
  }
}

TEST(DeadlockRun, TryLockBacksOffRetriesAndCompletes) {
  // Both hold their first lock through the pause, so one finds the other's taken and retries
  // (unless a loaded machine kept them apart: then try again). Never a deadlock, all rounds done.
  std::uint64_t retries = 0;
  for (int attempt = 0; attempt < 4 && retries == 0; ++attempt) {
    const DeadlockReport report = run_deadlock_threads(options(2, LockOrder::Opposite, LockStrategy::TryLock, 2, 30));
    EXPECT_FALSE(report.deadlock);
    for (const auto& w : report.workers) {
      EXPECT_EQ(w.rounds_completed, 2u);
      EXPECT_FALSE(w.gave_up);
      retries += w.retries;
    }
  }
  EXPECT_GE(retries, 1u);
}

TEST(DeadlockOptions, RangesAndChoicesAreNamed) {
  EXPECT_THROW(run_deadlock_threads(options(1, LockOrder::Opposite, LockStrategy::Block)), ArgumentError);
  try {
    deadlock_options_from_json({{"workers", 9}});
    FAIL();
  } catch (const ArgumentError& e) {
    EXPECT_EQ(std::string(e.what()), "--workers must be an integer from 2 to 8 (got 9)");
  }
  try {
    deadlock_options_from_json({{"order", "random"}});
    FAIL();
  } catch (const ArgumentError& e) {
    EXPECT_EQ(std::string(e.what()), "--order must be one of opposite|consistent (got 'random')");
  }
  EXPECT_THROW(deadlock_options_from_json({{"workers", 8}, {"rounds", 100}, {"hold_ms", 1000}}), ArgumentError);
  EXPECT_THROW(deadlock_options_from_json({{"colour", 1}}), ArgumentError);
  const DeadlockOptions parsed = deadlock_options_from_json({{"strategy", "try-lock"}, {"hold_ms", "7"}});
  EXPECT_EQ(parsed.strategy, LockStrategy::TryLock);
  EXPECT_EQ(parsed.hold_ms, 7u);
}

TEST(DeadlockJson, ReportCarriesCycleAndTotals) {
  const DeadlockReport report = deadlocked_run(options(2, LockOrder::Opposite, LockStrategy::Block, 1, 60));
  const auto json = deadlock_report_to_json(report);
  EXPECT_EQ(json["experiment"], "deadlock");
  EXPECT_EQ(json["order"], "opposite");
  EXPECT_EQ(json["deadlock"], true);
  EXPECT_EQ(json["cycle"].size(), 2u);
  EXPECT_EQ(json["detection"]["method"], "watchdog");
  EXPECT_EQ(json["per_worker"].size(), 2u);
  EXPECT_EQ(json["spans"].size(), 2u);
}

}  // namespace

namespace {

TEST(DeadlockCatalog, InfoCarriesEveryInputRangeForRange) {
  const auto deadlock = playground::catalog_to_json().at("experiments").at("deadlock");
  ASSERT_EQ(deadlock.at("params").size(), playground::deadlock_param_specs().size());
  for (const auto& out : deadlock.at("params")) {
    const auto& spec = playground::deadlock_param_spec(out.at("key").get<std::string>());
    if (spec.kind == playground::ParamKind::Integer) {
      EXPECT_EQ(out.at("min"), spec.min) << spec.key;
      EXPECT_EQ(out.at("max"), spec.max) << spec.key;
    }
  }
  EXPECT_EQ(deadlock.at("limits").at("max_serial_ms"), playground::kMaxDeadlockSerialMs);
}

}  // namespace

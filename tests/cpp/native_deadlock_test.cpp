// The deadlock experiment in processes (robust process-shared mutexes in shared memory, the
// parent as the watchdog) and `cplay deadlock` as a user runs it: exit codes, text and JSON.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "deadlock/deadlock_processes.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;
using namespace playground;

DeadlockOptions processes(std::uint64_t workers, LockOrder order, LockStrategy strategy) {
  DeadlockOptions o;
  o.mode = DeadlockMode::Processes;
  o.workers = workers;
  o.order = order;
  o.strategy = strategy;
  o.rounds = 2;
  o.hold_ms = 60;
  return o;
}

TEST(DeadlockProcesses, OppositeOrderDeadlocksAndEveryChildEnds) {
  // A loaded machine may keep one child from its first lock through the pause: then try again.
  DeadlockReport report;
  for (int attempt = 0; attempt < 4 && !report.deadlock; ++attempt)
    report = cplay::run_deadlock_processes(processes(3, LockOrder::Opposite, LockStrategy::Block));
  ASSERT_TRUE(report.deadlock);
  ASSERT_EQ(report.cycle.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(report.cycle[i], (WaitLink{i, i, (i + 1) % 3, (i + 1) % 3}));
  // Each worker was its own process, and each gave up once cancelled (the run returned: all reaped).
  EXPECT_NE(report.spans[0].pid, report.spans[1].pid);
  for (const auto& w : report.workers) EXPECT_TRUE(w.gave_up);
}

TEST(DeadlockProcesses, ConsistentOrderAndTryLockFinishEveryRound) {
  for (const auto& o : {processes(3, LockOrder::Consistent, LockStrategy::Block),
                        processes(2, LockOrder::Opposite, LockStrategy::TryLock)}) {
    const DeadlockReport report = cplay::run_deadlock_processes(o);
    EXPECT_FALSE(report.deadlock);
    for (const auto& w : report.workers) EXPECT_EQ(w.rounds_completed, 2u);
    if (o.order == LockOrder::Consistent)
      for (const auto& w : report.workers) EXPECT_EQ(w.retries, 0u);
  }
}

TEST(DeadlockCli, BadInputExitsTwoNamingTheRange) {
  const Outcome workers = run_cplay("deadlock --workers 9");
  EXPECT_EQ(workers.exit_code, 2) << workers.out;
  EXPECT_NE(workers.out.find("--workers must be an integer from 2 to 8 (got 9)"), std::string::npos) << workers.out;
  const Outcome strategy = run_cplay("deadlock --strategy wait");
  EXPECT_EQ(strategy.exit_code, 2) << strategy.out;
  EXPECT_NE(strategy.out.find("--strategy must be one of block|try-lock"), std::string::npos) << strategy.out;
  const Outcome total = run_cplay("deadlock --workers 8 --rounds 100 --hold-ms 100");
  EXPECT_EQ(total.exit_code, 2) << total.out;
  EXPECT_NE(total.out.find("at most 20000 ms"), std::string::npos) << total.out;
}

TEST(DeadlockCli, DeadlockExitsOneWithTheCycleConsistentExitsZero) {
  Outcome stuck;
  for (int attempt = 0; attempt < 4 && stuck.exit_code != 1; ++attempt) stuck = run_cplay("deadlock --hold-ms 60");
  ASSERT_EQ(stuck.exit_code, 1) << stuck.out;
  EXPECT_NE(stuck.out.find("worker 0 holds lock A and waits for lock B (held by worker 1)"), std::string::npos)
      << stuck.out;
  const Outcome fine = run_cplay("deadlock --order consistent --rounds 2 --hold-ms 5 --json");
  ASSERT_EQ(fine.exit_code, 0) << fine.out;
  const auto report = nlohmann::json::parse(fine.out);
  EXPECT_EQ(report.at("experiment"), "deadlock");
  EXPECT_EQ(report.at("deadlock"), false);
  EXPECT_EQ(report.at("rounds_completed"), 4);
  EXPECT_EQ(report.at("retries"), 0);
}

}  // namespace

// The pool experiment's processes mode, fork and spawn: every task's result, W starts against M,
// and no child left after a run, a failing child or a Ctrl-C.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <set>
#include <string>
#include <thread>

#include "native_support.hpp"
#include "playground/errors.hpp"
#include "playground/pool.hpp"
#include "pool/pool_processes.hpp"

namespace {

using cplay::testing::children_of;
using cplay::testing::expect_no_children_left;
using playground::PoolOptions;
using playground::PoolReport;
using playground::RunError;
using playground::StartMethod;

class PoolProcesses : public ::testing::TestWithParam<std::string> {
 protected:
  StartMethod method() const { return GetParam() == "spawn" ? StartMethod::Spawn : StartMethod::Fork; }
  PoolOptions options(std::uint64_t tasks, std::uint64_t workers, std::uint64_t work = 1000) const {
    return {.mode = playground::PoolMode::Processes, .start_method = method(), .tasks = tasks, .workers = workers,
            .work = work};
  }
};

TEST_P(PoolProcesses, PoolStartsWChildrenFreshStartsMAndEveryResultIsRight) {
  const PoolOptions o = options(10, 3);
  // The test binary has no `__pool-worker`: spawn starts the real cplay.
  const PoolReport report = cplay::run_pool_processes(o, CPLAY_EXECUTABLE);
  ASSERT_EQ(report.pool.starts.size(), 3u);
  ASSERT_EQ(report.fresh.starts.size(), 10u);
  for (const auto* run : {&report.pool, &report.fresh}) {
    ASSERT_EQ(run->tasks.size(), 10u);
    for (std::uint64_t t = 0; t < 10; ++t) {
      EXPECT_EQ(run->tasks[t].task, t);
      EXPECT_EQ(run->tasks[t].value, playground::pool_task_value(t, o.work)) << "task " << t;
      EXPECT_LT(run->tasks[t].worker, 3u);
    }
    EXPECT_TRUE(run->correct);
    EXPECT_EQ(run->sum, report.expected_sum);
  }
  std::uint64_t ran = 0;
  for (const auto& start : report.pool.starts) {
    ran += start.tasks;
    EXPECT_GT(start.id, 0);
    EXPECT_LE(start.asked_ms, start.running_ms) << "one monotonic clock for parent and child";
  }
  EXPECT_EQ(ran, 10u);
  for (const auto& start : report.fresh.starts) EXPECT_EQ(start.tasks, 1u);
  // Every child is a different process: a fresh one per task.
  std::set<std::int64_t> pids;
  for (const auto& start : report.fresh.starts) pids.insert(start.id);
  EXPECT_EQ(pids.size(), 10u);
  expect_no_children_left();
}

TEST_P(PoolProcesses, CtrlCCancelsAndLeavesNoChild) {
  const pid_t self = ::getpid();
  // SIGINT only once a child exists: the run's handler is installed by then, and the run is long.
  std::thread interrupter([self] {
    for (int i = 0; i < 5000; ++i) {
      if (!children_of(self).empty()) {
        ::kill(self, SIGINT);
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  try {
    cplay::run_pool_processes(options(256, 4, 250'000), CPLAY_EXECUTABLE);
    ADD_FAILURE() << "the run ignored SIGINT";
  } catch (const RunError& e) {
    EXPECT_EQ(e.code(), "cancelled") << e.what();
  }
  interrupter.join();
  expect_no_children_left();
}

INSTANTIATE_TEST_SUITE_P(StartMethods, PoolProcesses, ::testing::Values("fork", "spawn"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(PoolSpawn, ChildrenThatNeverAnswerAreNamedAndReaped) {
  PoolOptions o{.mode = playground::PoolMode::Processes, .start_method = StartMethod::Spawn, .tasks = 4, .workers = 2};
  try {
    cplay::run_pool_processes(o, "/bin/false");
    FAIL() << "children that sent nothing went unnoticed";
  } catch (const RunError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("(pid "), std::string::npos) << message;
    EXPECT_NE(message.find("exited with code 1"), std::string::npos) << message;
  }
  expect_no_children_left();
}

}  // namespace

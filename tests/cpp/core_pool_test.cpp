// The pool experiment in the core: every task's result checked, W starts against M, a fresh
// worker per task never more than W at once, and every refusal naming its flag and range. No
// test asserts a duration: the ratio fresh/pool is a benchmark number cplay prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/errors.hpp"
#include "playground/pool.hpp"
#include "playground/pool_json.hpp"

namespace {

using namespace playground;
using json = nlohmann::json;

// At most 3 workers: the wasm suite's pthread pool holds 4.
PoolOptions small(std::uint64_t tasks, std::uint64_t workers, std::uint64_t work = 500) {
  return {.mode = PoolMode::Threads, .tasks = tasks, .workers = workers, .work = work};
}

void expect_every_task_once_and_right(const PoolStrategyRun& run, const PoolOptions& o) {
  ASSERT_EQ(run.tasks.size(), o.tasks);
  for (std::uint64_t t = 0; t < o.tasks; ++t) {
    EXPECT_EQ(run.tasks[t].task, t);
    EXPECT_EQ(run.tasks[t].value, pool_task_value(t, o.work)) << "task " << t;
    EXPECT_TRUE(run.tasks[t].correct);
    EXPECT_LT(run.tasks[t].worker, o.workers);
    EXPECT_LE(run.tasks[t].started_ms, run.tasks[t].ended_ms);
  }
  EXPECT_TRUE(run.correct);
}

TEST(PoolTask, DeterministicAndDifferentPerTask) {
  static_assert(pool_task_value(3, 100) == pool_task_value(3, 100));
  std::set<std::uint64_t> seen;
  for (std::uint64_t t = 0; t < 64; ++t) seen.insert(pool_task_value(t, 1000));
  EXPECT_EQ(seen.size(), 64u);
  EXPECT_NE(pool_task_value(1, 0), pool_task_value(1, 1));
}

TEST(PoolThreads, PoolStartsWFreshStartsMAndEveryResultIsRight) {
  const PoolOptions o = small(9, 3);
  const PoolReport report = run_pool_threads(o);
  expect_every_task_once_and_right(report.pool, o);
  expect_every_task_once_and_right(report.fresh, o);
  ASSERT_EQ(report.pool.starts.size(), 3u);
  ASSERT_EQ(report.fresh.starts.size(), 9u);
  std::uint64_t ran = 0;
  for (const PoolStart& s : report.pool.starts) {
    ran += s.tasks;
    EXPECT_LE(s.asked_ms, s.running_ms);
  }
  EXPECT_EQ(ran, 9u) << "the pool's workers ran every task between them";
  for (const PoolStart& s : report.fresh.starts) EXPECT_EQ(s.tasks, 1u);
  std::uint64_t expected = 0;
  for (std::uint64_t t = 0; t < 9; ++t) expected += pool_task_value(t, o.work);
  EXPECT_EQ(report.expected_sum, expected);
  EXPECT_EQ(report.pool.sum, expected);
  EXPECT_EQ(report.fresh.sum, expected);
  EXPECT_GE(report.pool.start_cost_ms, 0);
  EXPECT_GE(report.fresh.start_cost_ms, 0);
}

TEST(PoolThreads, OnlyAWorkersFirstTaskWaitsForItsStart) {
  const PoolReport report = run_pool_threads(small(12, 2, 2000));
  std::set<std::uint64_t> lanes_seen;
  std::vector<const PoolTask*> by_start;
  for (const PoolTask& t : report.pool.tasks) by_start.push_back(&t);
  std::sort(by_start.begin(), by_start.end(), [](auto* a, auto* b) { return a->started_ms < b->started_ms; });
  for (const PoolTask* t : by_start) {
    if (!lanes_seen.insert(t->worker).second) EXPECT_EQ(t->start_wait_ms, 0) << "task " << t->task;
  }
}

TEST(PoolThreads, FreshWorkersNeverOverlapOnALane) {
  const PoolOptions o = small(10, 3);
  const PoolReport report = run_pool_threads(o);
  // Start t belongs to task t. A lane's next thread is asked for only after its last task ended.
  for (std::uint64_t lane = 0; lane < o.workers; ++lane) {
    double last_end = -1;
    for (std::uint64_t t = 0; t < o.tasks; ++t) {
      if (report.fresh.starts[t].worker != lane) continue;
      EXPECT_EQ(report.fresh.tasks[t].worker, lane);
      EXPECT_GE(report.fresh.starts[t].asked_ms, last_end) << "task " << t;
      EXPECT_EQ(report.fresh.tasks[t].start_wait_ms, report.fresh.starts[t].running_ms - report.fresh.starts[t].asked_ms);
      last_end = report.fresh.tasks[t].ended_ms;
    }
  }
}

TEST(PoolReportCheck, AWrongValueIsCaught) {
  const PoolOptions o = small(3, 1);
  PoolStrategyRun run;
  for (std::uint64_t t = 0; t < 3; ++t) run.tasks.push_back({.task = t, .value = pool_task_value(t, o.work)});
  PoolStrategyRun wrong = run;
  wrong.tasks[1].value += 1;
  PoolStrategyRun missing = run;
  missing.tasks.pop_back();
  const PoolReport report = make_pool_report(o, run, wrong);
  EXPECT_TRUE(report.pool.correct);
  EXPECT_FALSE(report.fresh.correct);
  EXPECT_FALSE(report.fresh.tasks[1].correct);
  EXPECT_TRUE(report.fresh.tasks[0].correct);
  EXPECT_FALSE(make_pool_report(o, missing, run).pool.correct);
}

std::string refusal(const json& request) {
  try {
    pool_options_from_json(request);
  } catch (const ArgumentError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(PoolOptionsCheck, BadRangesAreRefusedNamingTheFlag) {
  EXPECT_EQ(refusal({{"tasks", 0}}), "--tasks must be an integer from 1 to 256 (got 0)");
  EXPECT_EQ(refusal({{"tasks", 257}}), "--tasks must be an integer from 1 to 256 (got 257)");
  EXPECT_EQ(refusal({{"workers", 17}, {"tasks", 64}}), "--workers must be an integer from 1 to 16 (got 17)");
  EXPECT_EQ(refusal({{"workers", 0}}), "--workers must be an integer from 1 to 16 (got 0)");
  EXPECT_EQ(refusal({{"tasks", 3}, {"workers", 4}}), "--workers must be an integer from 1 to --tasks (3) (got 4)");
  EXPECT_EQ(refusal({{"work", 1'000'001}}), "--work must be an integer from 0 to 1000000 (got 1000001)");
  EXPECT_EQ(refusal({{"tasks", 256}, {"work", 1'000'000}}), "--tasks x --work must be at most 64000000 (got 256000000)");
  EXPECT_EQ(refusal({{"mode", "fibers"}}), "--mode must be one of threads|processes (got 'fibers')");
  EXPECT_EQ(refusal({{"start_method", "worker"}}), "--start-method must be one of fork|spawn (got 'worker')");
  EXPECT_EQ(refusal({{"size", 1}}), "unknown field 'size' (expected mode, start_method, tasks, workers, work)");
  EXPECT_EQ(refusal({{"tasks", "12"}, {"workers", "3"}}), "accepted");
  PoolOptions processes = small(2, 1);
  processes.mode = PoolMode::Processes;
  EXPECT_THROW(run_pool_threads(processes), ArgumentError);
}

TEST(PoolJson, ReportCarriesBothStrategiesWithValuesAsText) {
  const PoolReport report = run_pool_threads(small(4, 2));
  const json out = pool_report_to_json(report);
  EXPECT_EQ(out["experiment"], "pool");
  EXPECT_TRUE(out["start_method"].is_null());
  EXPECT_EQ(out["correct"], true);
  EXPECT_EQ(out["expected_sum"], std::to_string(report.expected_sum));
  EXPECT_EQ(out["pool"]["starts"], 2);
  EXPECT_EQ(out["fresh"]["starts"], 4);
  EXPECT_EQ(out["fresh"]["per_task"][3]["value"], std::to_string(pool_task_value(3, 500)));
  EXPECT_EQ(out["pool"]["workers"].size(), 2u);
  EXPECT_TRUE(out["fresh_over_pool"].is_number());
  EXPECT_EQ(pool_options_from_json(pool_options_to_json(report.options)), report.options);
}

}  // namespace

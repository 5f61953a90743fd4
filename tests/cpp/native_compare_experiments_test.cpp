// `cplay compare <experiment>`: one row per way of running it, the same inputs in each row.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> reports;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) reports.push_back(nlohmann::json::parse(line));
  return reports;
}

TEST(CompareExperiments, SemaphoreRunsEachModeWithTheSameInputs) {
  // 300 ms waits: long enough that the second task has started before the first ends, even under
  // ThreadSanitizer's slow thread starts (with 5 ms it reached max_in_flight 1 there).
  const Outcome run = run_cplay("compare semaphore --tasks 4 --limit 2 --latency-ms 300 --json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto reports = json_lines(run.out);
  ASSERT_EQ(reports.size(), 2u) << run.out;
  EXPECT_EQ(reports[0]["mode"], "threads");
  EXPECT_EQ(reports[1]["mode"], "async");
  for (const auto& report : reports) {
    EXPECT_EQ(report["tasks"], 4);
    EXPECT_EQ(report["limit"], 2);
    EXPECT_EQ(report["max_in_flight"], 2);
  }
}

TEST(CompareExperiments, BarrierTableShowsTheWrongAnswerOfNoSyncAndStillExitsZero) {
  const Outcome run = run_cplay("compare barrier --workers 3 --phases 3 --work-ms 2 --skew-ms 20 --repeat 2");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("fastest of 2 runs per sync"), std::string::npos) << run.out;
  for (const char* row : {"\nbarrier ", "\njoin ", "\nnone "}) EXPECT_NE(run.out.find(row), std::string::npos) << row;
  // barrier and join are right; none reads cells its neighbour has not written yet.
  EXPECT_NE(run.out.find("WRONG: "), std::string::npos) << run.out;
  const auto first_correct = run.out.find("correct");
  ASSERT_NE(first_correct, std::string::npos) << run.out;
  EXPECT_NE(run.out.find("correct", first_correct + 1), std::string::npos) << run.out;
}

TEST(CompareExperiments, QueueAndDeadlockRunThreadsAndProcesses) {
  const Outcome queue = run_cplay("compare queue --messages 20 --json");
  ASSERT_EQ(queue.exit_code, 0) << queue.out;
  const auto queues = json_lines(queue.out);
  ASSERT_EQ(queues.size(), 2u) << queue.out;
  EXPECT_EQ(queues[0]["request"]["mode"], "threads");
  EXPECT_EQ(queues[1]["request"]["mode"], "processes");
  for (const auto& report : queues) EXPECT_TRUE(report["result"]["exactly_once"].get<bool>()) << report.dump();

  const Outcome deadlock = run_cplay("compare deadlock --hold-ms 5");
  ASSERT_EQ(deadlock.exit_code, 0) << deadlock.out;
  EXPECT_NE(deadlock.out.find("\nthreads "), std::string::npos) << deadlock.out;
  EXPECT_NE(deadlock.out.find("\nprocesses "), std::string::npos) << deadlock.out;
  EXPECT_NE(deadlock.out.find("deadlock found after"), std::string::npos) << deadlock.out;
}

TEST(CompareExperiments, PoolRunsThreadsAndBothStartMethodsOnTheSameTasks) {
  const Outcome run = run_cplay("compare pool --tasks 6 --workers 2 --json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto reports = json_lines(run.out);
  ASSERT_EQ(reports.size(), 3u) << run.out;
  EXPECT_EQ(reports[0]["mode"], "threads");
  EXPECT_EQ(reports[1]["start_method"], "fork");
  EXPECT_EQ(reports[2]["start_method"], "spawn");
  for (const auto& report : reports) {
    EXPECT_TRUE(report["correct"].get<bool>()) << report.dump();
    EXPECT_EQ(report["expected_sum"], reports[0]["expected_sum"]);
    EXPECT_EQ(report["pool"]["starts"], 2);
    EXPECT_EQ(report["fresh"]["starts"], 6);
  }
  const Outcome method = run_cplay("compare pool --start-method fork");
  EXPECT_EQ(method.exit_code, 2) << method.out;
  EXPECT_NE(method.out.find("leave --start-method out"), std::string::npos) << method.out;
}

TEST(CompareExperiments, BadInputIsRefusedBeforeAnyRun) {
  const Outcome repeat = run_cplay("compare semaphore --repeat 0");
  EXPECT_EQ(repeat.exit_code, 2) << repeat.out;
  EXPECT_NE(repeat.out.find("--repeat must be an integer from 1 to 20 (got 0)"), std::string::npos) << repeat.out;
  const Outcome tasks = run_cplay("compare semaphore --tasks 65");
  EXPECT_EQ(tasks.exit_code, 2) << tasks.out;
  EXPECT_NE(tasks.out.find("--tasks must be an integer from 1 to 64 (got 65)"), std::string::npos) << tasks.out;
  // The compared input belongs to the rows, not to the user.
  const Outcome mode = run_cplay("compare deadlock --mode threads");
  EXPECT_EQ(mode.exit_code, 2) << mode.out;
  EXPECT_NE(mode.out.find("compare runs every row in turn (threads, processes); leave --mode out"), std::string::npos)
      << mode.out;
}

}  // namespace

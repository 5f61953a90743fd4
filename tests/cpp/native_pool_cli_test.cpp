// `cplay pool` as a user runs it: exit codes, messages naming the range, text and JSON, threads
// and processes (fork and spawn).
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;

TEST(PoolCli, BadInputExitsTwoNamingTheRange) {
  const Outcome tasks = run_cplay("pool --tasks 257");
  EXPECT_EQ(tasks.exit_code, 2) << tasks.out;
  EXPECT_NE(tasks.out.find("--tasks must be an integer from 1 to 256 (got 257)"), std::string::npos) << tasks.out;
  const Outcome workers = run_cplay("pool --tasks 3 --workers 4");
  EXPECT_EQ(workers.exit_code, 2) << workers.out;
  EXPECT_NE(workers.out.find("--workers must be an integer from 1 to --tasks (3) (got 4)"), std::string::npos) << workers.out;
  const Outcome work = run_cplay("pool --work 2000000");
  EXPECT_EQ(work.exit_code, 2) << work.out;
  EXPECT_NE(work.out.find("--work must be an integer from 0 to 1000000 (got 2000000)"), std::string::npos) << work.out;
  const Outcome method = run_cplay("pool --mode processes --start-method worker");
  EXPECT_EQ(method.exit_code, 2) << method.out;
  EXPECT_NE(method.out.find("--start-method must be one of fork|spawn"), std::string::npos) << method.out;
}

TEST(PoolCli, JsonReportInEveryMode) {
  for (const std::string mode : {"--mode threads", "--mode processes --start-method fork", "--mode processes --start-method spawn"}) {
    const Outcome run = run_cplay("pool --json " + mode + " --tasks 6 --workers 2 --work 300");
    ASSERT_EQ(run.exit_code, 0) << run.out;
    const auto report = nlohmann::json::parse(run.out);
    EXPECT_EQ(report["experiment"], "pool");
    EXPECT_EQ(report["correct"], true) << mode;
    EXPECT_EQ(report["pool"]["starts"], 2);
    EXPECT_EQ(report["fresh"]["starts"], 6);
    EXPECT_EQ(report["pool"]["per_task"].size(), 6u);
    EXPECT_EQ(report["fresh"]["per_task"].size(), 6u);
    EXPECT_EQ(report["pool"]["sum"], report["expected_sum"]);
    EXPECT_EQ(report["fresh"]["sum"], report["expected_sum"]);
  }
}

TEST(PoolCli, TextShowsBothStrategiesAndHelpListsTheFlags) {
  const Outcome run = run_cplay("pool --tasks 8 --workers 2 --work 100");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("pool (reused)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("fresh (per task)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("fresh / pool wall time:"), std::string::npos) << run.out;
  const Outcome help = run_cplay("pool --help");
  EXPECT_EQ(help.exit_code, 0) << help.out;
  for (const char* flag : {"--mode", "--start-method", "--tasks", "--workers", "--work", "--json"})
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  EXPECT_NE(help.out.find("1..256"), std::string::npos) << help.out;
}

}  // namespace

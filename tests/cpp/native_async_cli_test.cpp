// `cplay async` as a user runs it: exit codes (1 for lost updates, as a wrong barrier answer),
// messages naming the range, text and JSON.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;

TEST(AsyncCli, BadInputExitsTwoNamingTheRange) {
  const Outcome tasks = run_cplay("async --tasks 9");
  EXPECT_EQ(tasks.exit_code, 2) << tasks.out;
  EXPECT_NE(tasks.out.find("--tasks must be an integer from 1 to 8 (got 9)"), std::string::npos) << tasks.out;
  const Outcome scenario = run_cplay("async --scenario sleep");
  EXPECT_EQ(scenario.exit_code, 2) << scenario.out;
  EXPECT_NE(scenario.out.find("--scenario must be one of gather|cancel|timeout|race|all"), std::string::npos) << scenario.out;
  const Outcome timeout = run_cplay("async --timeout-ms 2001");
  EXPECT_EQ(timeout.exit_code, 2) << timeout.out;
  EXPECT_NE(timeout.out.find("--timeout-ms must be an integer from 0 to 2000"), std::string::npos) << timeout.out;
}

TEST(AsyncCli, TheRaceLosesUpdatesWithoutALockAndExitsOne) {
  const Outcome none = run_cplay("async --json --scenario race --tasks 3 --increments 4 --sync none");
  EXPECT_EQ(none.exit_code, 1) << none.out;
  const auto lossy = nlohmann::json::parse(none.out);
  EXPECT_EQ(lossy["exact"], false);
  EXPECT_EQ(lossy["runs"][0]["outcome"]["expected"], 12);
  EXPECT_EQ(lossy["runs"][0]["outcome"]["final"], 4);
  EXPECT_EQ(lossy["runs"][0]["outcome"]["lost"], 8);
  const Outcome lock = run_cplay("async --json --scenario race --tasks 3 --increments 4 --sync lock");
  EXPECT_EQ(lock.exit_code, 0) << lock.out;
  EXPECT_EQ(nlohmann::json::parse(lock.out)["runs"][0]["outcome"]["final"], 12);
}

TEST(AsyncCli, TextShowsEachScenarioAndItsOutcome) {
  const Outcome run = run_cplay("async --tasks 3 --latency-ms 20 --timeout-ms 5 --sync lock");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  for (const char* text : {"== gather", "results, in the order given: [0, 1, 4]", "== cancel", "cleanup ran = true",
                           "== timeout", "timed out at", "== race", "expected 9, final 9, lost 0"})
    EXPECT_NE(run.out.find(text), std::string::npos) << text << "\n" << run.out;
  const Outcome help = run_cplay("async --help");
  EXPECT_EQ(help.exit_code, 0) << help.out;
  for (const char* flag : {"--scenario", "--tasks", "--latency-ms", "--timeout-ms", "--sync", "--increments", "--json"})
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
}

}  // namespace

// `cplay semaphore` as a user runs it: exit codes, messages naming the range, text and JSON.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;

TEST(SemaphoreCli, BadInputExitsTwoNamingTheRange) {
  const Outcome limit = run_cplay("semaphore --tasks 3 --limit 4");
  EXPECT_EQ(limit.exit_code, 2) << limit.out;
  EXPECT_NE(limit.out.find("--limit must be an integer from 1 to --tasks (3) (got 4)"), std::string::npos) << limit.out;
  const Outcome tasks = run_cplay("semaphore --tasks 65");
  EXPECT_EQ(tasks.exit_code, 2) << tasks.out;
  EXPECT_NE(tasks.out.find("--tasks must be an integer from 1 to 64 (got 65)"), std::string::npos) << tasks.out;
  const Outcome mode = run_cplay("semaphore --mode processes");
  EXPECT_EQ(mode.exit_code, 2) << mode.out;
  EXPECT_NE(mode.out.find("--mode must be one of threads|async"), std::string::npos) << mode.out;
  const Outcome sweep = run_cplay("semaphore --tasks 64 --limit 64 --latency-ms 100 --sweep");
  EXPECT_EQ(sweep.exit_code, 2) << sweep.out;
  EXPECT_NE(sweep.out.find("must be at most 20000 ms (got 33700)"), std::string::npos) << sweep.out;
}

TEST(SemaphoreCli, JsonReportInBothModes) {
  for (const std::string mode : {"threads", "async"}) {
    const Outcome run = run_cplay("semaphore --json --mode " + mode + " --tasks 5 --limit 2 --latency-ms 5 --sweep");
    ASSERT_EQ(run.exit_code, 0) << run.out;
    const auto report = nlohmann::json::parse(run.out);
    EXPECT_EQ(report["mode"], mode);
    EXPECT_EQ(report["limit"], 2);
    EXPECT_LE(report["max_in_flight"].get<int>(), 2);
    EXPECT_EQ(report["ideal_ms"], 15);
    EXPECT_EQ(report["per_task"].size(), 5u);
    ASSERT_EQ(report["sweep_runs"].size(), 5u);
    for (int k = 1; k <= 5; ++k) EXPECT_LE(report["sweep_runs"][k - 1]["max_in_flight"].get<int>(), k);
  }
}

TEST(SemaphoreCli, TextShowsLanesTheMostInFlightAndTheSweep) {
  const Outcome run = run_cplay("semaphore --mode async --tasks 4 --limit 2 --latency-ms 5 --sweep");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("most in flight at once: 2 (limit 2"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("ideal ceil(4/2) x 5 = 10 ms"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("K      wall ms   ideal ms"), std::string::npos) << run.out;
  const Outcome help = run_cplay("semaphore --help");
  EXPECT_EQ(help.exit_code, 0) << help.out;
  for (const char* flag : {"--mode", "--tasks", "--limit", "--latency-ms", "--sweep", "--json"})
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  EXPECT_NE(help.out.find("1..64"), std::string::npos) << help.out;
}

}  // namespace

// The real `cplay` executable: exit codes, messages on bad input, and JSON reports.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;

nlohmann::json first_json_line(const std::string& text) { return nlohmann::json::parse(text.substr(0, text.find('\n'))); }

struct BadInput {
  const char* args;
  const char* expected_fragment;
};

class CliRejects : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliRejects, WithExitTwoAndAMessageNamingTheProblem) {
  const Outcome outcome = run_cplay(GetParam().args);
  EXPECT_EQ(outcome.exit_code, 2) << outcome.out;
  EXPECT_NE(outcome.out.find(GetParam().expected_fragment), std::string::npos) << outcome.out;
  // Nothing ran: no result line.
  EXPECT_EQ(outcome.out.find("result:"), std::string::npos) << outcome.out;
}

INSTANTIATE_TEST_SUITE_P(
    BadFlags, CliRejects,
    ::testing::Values(BadInput{"primes --limit abc", "--limit must be an integer from 1 to 1000000000 (got 'abc')"},
                      BadInput{"primes --limit 0", "--limit must be an integer from 1 to 1000000000 (got 0)"},
                      BadInput{"primes --limit 1000000001", "--limit must be an integer from 1 to 1000000000"},
                      BadInput{"primes --limit -5", "--limit must be an integer from 1 to 1000000000"},
                      BadInput{"primes --limit 99999999999999999999999", "too large"},
                      BadInput{"factorial --n 1000001", "--n must be an integer from 0 to 1000000"},
                      BadInput{"factorial --count 0", "--count must be an integer from 1 to 64"},
                      BadInput{"primes --workers 257", "--workers must be an integer from 1 to 256"},
                      BadInput{"primes --workers 65 --mode processes", "--workers must be an integer from 1 to 64 in mode processes"},
                      BadInput{"io --latency-ms 60001", "--latency-ms must be an integer from 0 to 60000"},
                      BadInput{"io --timeout-s 0", "--timeout-s must be an integer from 1 to 3600 (got 0)"},
                      BadInput{"serve --root / --port 0 --job-timeout-s 3601", "--job-timeout-s must be an integer from 1 to 3600"},
                      BadInput{"serve --root / --port 0 --allow-host lab:80", "--allow-host takes a host name"},
                      BadInput{"io --tasks 1000 --latency-ms 60000", "--tasks x --latency-ms must be at most 600000"},
                      BadInput{"race --sync maybe", "--sync must be one of none|lock|atomic (got 'maybe')"},
                      BadInput{"race --shared-memory", "--shared-memory applies only to --mode processes"},
                      BadInput{"race --runs 1001", "--runs must be an integer from 1 to 1000"},
                      BadInput{"primes --mode fibers", "--mode must be one of sequential|threads|gil-threads|async|processes"},
                      BadInput{"primes --start-method spawn", "--start-method applies only to --mode processes"},
                      BadInput{"primes --mode processes --start-method forkserver", "--start-method must be one of"},
                      BadInput{"primes --switch-interval-ms 5", "unknown option --switch-interval-ms for primes in mode threads"},
                      BadInput{"primes --mode gil-threads --switch-interval-ms 0", "--switch-interval-ms must be an integer from 1 to 1000"},
                      BadInput{"primes --frobnicate", "--frobnicate"},
                      BadInput{"fibonacci", "fibonacci"},
                      BadInput{"", "A subcommand is required"},
                      BadInput{"compare", "A subcommand is required"},
                      BadInput{"compare primes --limit x", "--limit must be an integer"},
                      BadInput{"compare primes --repeat 0", "--repeat must be an integer from 1 to 20 (got 0)"},
                      BadInput{"compare primes --repeat many", "--repeat must be an integer from 1 to 20 (got 'many')"},
                      BadInput{"primes --repeat 2", "--repeat"},
                      BadInput{"serve --port 70000", "--port: Value 70000 not in range 0 to 65535"}));

TEST(Cli, PrimesInEveryModeSay9592) {
  for (const char* mode : {"sequential", "threads", "gil-threads", "async", "processes"}) {
    const Outcome outcome = run_cplay(std::string("primes --limit 100000 --workers 2 --mode ") + mode + " --json");
    ASSERT_EQ(outcome.exit_code, 0) << mode << ": " << outcome.out;
    const auto report = first_json_line(outcome.out);
    EXPECT_EQ(report["result"]["count"], 9592) << mode;
    EXPECT_EQ(report["mode"], mode);
    EXPECT_EQ(report["schema"], 1);
  }
}

TEST(Cli, HumanOutputNamesTheResult) {
  const Outcome outcome = run_cplay("primes --limit 100000 --mode sequential");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.out;
  EXPECT_NE(outcome.out.find("9592 primes up to 100000 (largest 99991)"), std::string::npos) << outcome.out;
}

TEST(Cli, RaceRunsPrintOneReportPerRun) {
  const Outcome outcome = run_cplay("race --increments 1000 --runs 3 --sync atomic --json");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.out;
  int lines = 0;
  std::size_t start = 0;
  while (start < outcome.out.size()) {
    const std::size_t end = outcome.out.find('\n', start);
    const auto report = nlohmann::json::parse(outcome.out.substr(start, end - start));
    EXPECT_EQ(report["result"]["final"], 2000);
    ++lines;
    start = end + 1;
  }
  EXPECT_EQ(lines, 3);
}

TEST(Cli, CompareRunsEveryModeOnTheSameWorkload) {
  const Outcome outcome = run_cplay("compare io --tasks 2 --latency-ms 1 --repeat 2 --json");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.out;
  std::vector<std::string> modes;
  std::size_t start = 0;
  while (start < outcome.out.size()) {
    const std::size_t end = outcome.out.find('\n', start);
    const auto report = nlohmann::json::parse(outcome.out.substr(start, end - start));
    EXPECT_EQ(report["result"]["completed"], 2);
    modes.push_back(report["mode"].get<std::string>() +
                    (report["start_method"].is_null() ? "" : "/" + report["start_method"].get<std::string>()));
    start = end + 1;
  }
  EXPECT_EQ(modes, (std::vector<std::string>{"sequential", "threads", "gil-threads", "async", "processes/fork",
                                             "processes/spawn"}));
}

TEST(Cli, HelpAndVersionExitZero) {
  EXPECT_EQ(run_cplay("--help").exit_code, 0);
  const Outcome version = run_cplay("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find(CPLAY_VERSION), std::string::npos);
  const Outcome help = run_cplay("primes --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("1..1000000000"), std::string::npos) << "the help shows each range";
}

TEST(Cli, InfoReportsThisProcess) {
  const Outcome outcome = run_cplay("info --json");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.out;
  const auto info = first_json_line(outcome.out);
  EXPECT_GT(info["pid"].get<long>(), 0);
  EXPECT_GE(info["cores"].get<int>(), 1);
  EXPECT_EQ(info["start_methods"], (nlohmann::json{"fork", "spawn"}));
}

TEST(Cli, TimeoutStopsARunAndItsChildrenWithExitOne) {
  for (const char* mode : {"threads", "processes --start-method fork", "processes --start-method spawn"}) {
    const Outcome outcome = run_cplay(std::string("io --tasks 2 --latency-ms 60000 --timeout-s 1 --mode ") + mode);
    EXPECT_EQ(outcome.exit_code, 1) << mode << ": " << outcome.out;
    EXPECT_NE(outcome.out.find("stopped at the end of its time budget (--timeout-s 1)"), std::string::npos) << outcome.out;
  }
}

}  // namespace

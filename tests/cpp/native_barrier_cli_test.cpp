#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;

TEST(BarrierCli, BadInputExitsTwoNamingTheRange) {
  const Outcome workers = run_cplay("barrier --workers 1");
  EXPECT_EQ(workers.exit_code, 2);
  EXPECT_NE(workers.out.find("--workers must be an integer from 2 to 16 (got 1)"), std::string::npos) << workers.out;
  const Outcome sync = run_cplay("barrier --sync lock");
  EXPECT_EQ(sync.exit_code, 2);
  EXPECT_NE(sync.out.find("--sync must be one of barrier|join|none (got 'lock')"), std::string::npos) << sync.out;
  const Outcome slowest = run_cplay("barrier --phases 50 --work-ms 500");
  EXPECT_EQ(slowest.exit_code, 2);
  EXPECT_NE(slowest.out.find("must be at most 20000 ms"), std::string::npos) << slowest.out;
}

TEST(BarrierCli, HelpListsEveryFlagWithItsRange) {
  const Outcome help = run_cplay("barrier --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* text : {"--sync", "barrier|join|none", "--workers", "2..16", "--phases", "1..50", "--work-ms",
                           "--skew-ms", "--json"})
    EXPECT_NE(help.out.find(text), std::string::npos) << text;
}

TEST(BarrierCli, BarrierJsonIsCorrectAndTextSaysSo) {
  const Outcome json = run_cplay("barrier --workers 3 --phases 2 --work-ms 1 --skew-ms 2 --json");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  const auto report = nlohmann::json::parse(json.out);
  EXPECT_EQ(report["experiment"], "barrier");
  EXPECT_EQ(report["correct"], true);
  EXPECT_EQ(report["stale_reads"], 0);
  EXPECT_EQ(report["events"].size(), 2u * 3 * 2);
  const Outcome text = run_cplay("barrier --sync join --workers 2 --phases 2 --work-ms 1 --skew-ms 0");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("CORRECT"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("4 threads started in all"), std::string::npos) << text.out;
}

TEST(BarrierCli, NoneExitsOneExactlyWhenTheAnswerIsWrong) {
  const Outcome none = run_cplay("barrier --sync none --workers 4 --phases 3 --work-ms 1 --skew-ms 30 --json");
  const auto report = nlohmann::json::parse(none.out);
  EXPECT_EQ(none.exit_code, report["correct"] == true ? 0 : 1);
  EXPECT_EQ(report["correct"] == true, report["stale_reads"] == 0);
}

}  // namespace

// `cplay start-methods` as a user runs it: exit codes and messages for bad flags, the JSON
// report's shape, the table, and the hidden probe command refusing to run by hand.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;

TEST(StartMethodsCli, RefusesWorkersOutsideTheRangeWithExitTwo) {
  for (const char* bad : {"0", "65", "many", "-3"}) {
    const Outcome outcome = run_cplay(std::string("start-methods --workers ") + bad);
    EXPECT_EQ(outcome.exit_code, 2) << bad << ": " << outcome.out;
    EXPECT_NE(outcome.out.find("--workers must be an integer from 1 to 64"), std::string::npos) << outcome.out;
    EXPECT_EQ(outcome.out.find("kind"), std::string::npos) << "nothing ran: " << outcome.out;
  }
  const Outcome unknown = run_cplay("start-methods --frobnicate");
  EXPECT_EQ(unknown.exit_code, 2) << unknown.out;
  EXPECT_NE(unknown.out.find("--frobnicate"), std::string::npos) << unknown.out;
}

TEST(StartMethodsCli, JsonIsOneReportWithThreeKinds) {
  const Outcome outcome = run_cplay("start-methods --workers 2 --json");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.out;
  ASSERT_EQ(outcome.out.find('\n'), outcome.out.size() - 1) << "one line: " << outcome.out;
  const auto report = nlohmann::json::parse(outcome.out);
  EXPECT_EQ(report.at("workers"), 2);
  for (const char* key : {"pid", "tid", "cores", "parent"}) EXPECT_TRUE(report.contains(key)) << key;
  ASSERT_EQ(report.at("kinds").size(), 3u);
  const char* kinds[] = {"thread", "fork", "spawn"};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& row = report.at("kinds").at(i);
    EXPECT_EQ(row.at("kind"), kinds[i]);
    for (const char* key : {"sees_changed_variable", "sees_open_file", "sees_parent_thread"})
      EXPECT_TRUE(row.at(key).is_boolean()) << kinds[i] << " " << key;
    EXPECT_GT(row.at("start_join_ms_per_worker").get<double>(), 0) << kinds[i];
  }
  // Under the real executable, as in the library: fork copies the variable, spawn does not.
  EXPECT_TRUE(report.at("kinds").at(1).at("sees_changed_variable").get<bool>());
  EXPECT_FALSE(report.at("kinds").at(2).at("sees_changed_variable").get<bool>());
}

TEST(StartMethodsCli, PrintsOneTableRowPerKind) {
  const Outcome outcome = run_cplay("start-methods --workers 1");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.out;
  EXPECT_NE(outcome.out.find("sees changed variable"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("\nthread "), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("\nfork "), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("\nspawn "), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("no: \"as compiled\""), std::string::npos) << outcome.out;
}

TEST(StartMethodsCli, TheHiddenProbeRefusesToRunByHand) {
  for (const char* args : {"__start-probe", "__start-probe --noop", "__start-probe --parent-pid=1"}) {
    const Outcome outcome = run_cplay(args);
    EXPECT_EQ(outcome.exit_code, 2) << args << ": " << outcome.out;
    EXPECT_NE(outcome.out.find("'__start-probe' is internal"), std::string::npos) << outcome.out;
  }
}

}  // namespace

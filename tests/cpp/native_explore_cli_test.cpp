#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;

TEST(ExploreCli, TableListsEveryOutcomeWithAWitness) {
  const Outcome text = run_cplay("explore race --workers 2 --increments 2 --sync none");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  for (const char* line : {"70 schedules", "counter = 2", "counter = 3", "counter = 4", "--schedule "})
    EXPECT_NE(text.out.find(line), std::string::npos) << line << "\n" << text.out;
}

TEST(ExploreCli, JsonReportAndItsWitnessReplayToTheSameOutcome) {
  const Outcome json = run_cplay("explore deadlock --workers 2 --order opposite --json");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  const auto report = nlohmann::json::parse(json.out);
  EXPECT_EQ(report["experiment"], "explore");
  EXPECT_EQ(report["scenario"], "deadlock");
  ASSERT_EQ(report["outcomes"].size(), 2U);
  std::string witness;
  for (const auto& outcome : report["outcomes"]) {
    if (!outcome["deadlock"].get<bool>()) continue;
    for (const auto& worker : outcome["witness"]) (witness.empty() ? witness : witness += ',') += worker.dump();
  }
  ASSERT_FALSE(witness.empty());
  const Outcome replayed = run_cplay("explore deadlock --workers 2 --order opposite --json --schedule " + witness);
  ASSERT_EQ(replayed.exit_code, 0) << replayed.out;
  const auto steps = nlohmann::json::parse(replayed.out);
  EXPECT_EQ(steps["outcome"], "deadlock");
  EXPECT_EQ(steps["final"]["locks"]["A"], 0);
  EXPECT_EQ(steps["final"]["locks"]["B"], 1);
}

TEST(ExploreCli, ReplayPrintsEachStep) {
  const Outcome text = run_cplay("explore race --workers 2 --increments 1 --schedule 0,1,0,1");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  for (const char* line : {"step 2   worker 1  r0 = counter.load()  -> 0", "outcome: counter = 1"})
    EXPECT_NE(text.out.find(line), std::string::npos) << line << "\n" << text.out;
}

TEST(ExploreCli, BadInputExitsTwoNamingTheProblem) {
  const Outcome size = run_cplay("explore race --workers 4 --increments 4");
  EXPECT_EQ(size.exit_code, 2);
  EXPECT_NE(size.out.find("states to explore (the limit)"), std::string::npos) << size.out;
  const Outcome range = run_cplay("explore barrier --phases 9");
  EXPECT_EQ(range.exit_code, 2);
  EXPECT_NE(range.out.find("--phases must be an integer from 1 to 3 (got 9)"), std::string::npos) << range.out;
  const Outcome blocked = run_cplay("explore deadlock --schedule 0,1,0");
  EXPECT_EQ(blocked.exit_code, 2);
  EXPECT_NE(blocked.out.find("step 3: worker 0 cannot move: it waits for B, held by worker 1"), std::string::npos)
      << blocked.out;
  const Outcome missing = run_cplay("explore");
  EXPECT_EQ(missing.exit_code, 2) << missing.out;
}

}  // namespace

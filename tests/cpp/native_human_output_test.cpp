// The CLI's text output, printed from typed reports: each demo's result line, the GIL's hand-overs,
// a printed factorial and the summary of repeated race runs.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/human_output.hpp"
#include "playground/report.hpp"
#include "playground/request.hpp"

namespace {

using playground::Report;

Report report_of(const char* demo, const char* mode, const nlohmann::json& params, playground::DemoResult result) {
  Report report;
  report.request = playground::parse_request({{"demo", demo}, {"mode", mode}, {"workers", 2}, {"params", params}});
  report.result = std::move(result);
  report.wall_ms = 12.34;
  report.spans.push_back(playground::Span{0, 100, 101, 0.5, 12.0, 7});
  return report;
}

std::string printed(const Report& report) {
  std::ostringstream out;
  cplay::print_report(out, report);
  return out.str();
}

TEST(HumanOutput, EachDemosResultLine) {
  EXPECT_EQ(cplay::describe_result(report_of("primes", "threads", {{"limit", 100}}, playground::PrimesResult{25, 97})),
            "25 primes up to 100 (largest 97)");
  EXPECT_EQ(cplay::describe_result(report_of("primes", "threads", {{"limit", 1}}, playground::PrimesResult{0, 0})),
            "0 primes up to 1");
  const playground::FactorialResult factorial{30, 2, 33, "26525285981219105863", 7, 108, std::nullopt};
  EXPECT_EQ(cplay::describe_result(report_of("factorial", "threads", {{"n", 30}, {"count", 2}}, factorial)),
            "2 x 30! = 26525285981219105863... (33 digits, 7 trailing zeros, 108 bits)");
  const playground::FactorialResult small{5, 1, 3, "120", 1, 7, std::nullopt};
  EXPECT_EQ(cplay::describe_result(report_of("factorial", "threads", {{"n", 5}, {"count", 1}}, small)),
            "1 x 5! = 120 (3 digits, 1 trailing zeros, 7 bits)");
  const playground::RaceResult race{4'000, 3'100, playground::Sync::None, 4'000, std::nullopt, std::nullopt, 900};
  EXPECT_EQ(cplay::describe_result(report_of("race", "threads", {{"increments", 2'000}}, race)),
            "counter 3100 of 4000: 900 updates lost (sync none)");
  const playground::RaceResult isolated{4'000, 0, playground::Sync::Lock, 4'000, false,
                                        std::vector<std::int64_t>{2'000, 2'000}, std::nullopt};
  EXPECT_EQ(cplay::describe_result(report_of("race", "processes", {{"increments", 2'000}, {"sync", "lock"}}, isolated)),
            "nothing shared, nothing lost: each child counted its own copy to 2000 2000; the parent's counter stayed 0");
  EXPECT_EQ(cplay::describe_result(report_of("io", "async", {{"tasks", 3}}, playground::IoResult{3, 2})),
            "2 of 3 tasks completed");
}

TEST(HumanOutput, ReportShowsGilHandOversAndThePrintedNumberOnlyWhenPresent) {
  Report gil = report_of("primes", "gil-threads", {{"limit", 100}}, playground::PrimesResult{25, 97});
  EXPECT_EQ(printed(gil).find("GIL hand-overs"), std::string::npos);
  gil.gil = playground::GilFacts{7};
  const std::string text = printed(gil);
  EXPECT_NE(text.find("result: 25 primes up to 100 (largest 97)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("GIL hand-overs: 7\n"), std::string::npos) << text;
  EXPECT_NE(text.find("wall time: 12.3 ms\n"), std::string::npos) << text;

  playground::FactorialResult factorial{5, 1, 3, "120", 1, 7, std::nullopt};
  EXPECT_EQ(printed(report_of("factorial", "threads", {{"n", 5}, {"count", 1}}, factorial)).find("decimal:"),
            std::string::npos);
  factorial.decimal = "120";
  const std::string with_decimal = printed(report_of("factorial", "threads", {{"n", 5}, {"count", 1}}, factorial));
  EXPECT_NE(with_decimal.find("decimal:\n120\n"), std::string::npos) << with_decimal;
}

TEST(HumanOutput, RaceSummaryOverRuns) {
  std::vector<Report> runs;
  for (const std::int64_t lost : {0, 10, 20})
    runs.push_back(report_of("race", "threads", {{"increments", 100}},
                             playground::RaceResult{200, 200 - lost, playground::Sync::None, 200, std::nullopt,
                                                    std::nullopt, lost}));
  std::ostringstream out;
  cplay::print_race_summary(out, runs);
  EXPECT_EQ(out.str(), "over 3 runs: updates lost min 0, mean 10.0, max 20; 2 of 3 runs lost updates\n");

  std::vector<Report> isolated(2, report_of("race", "processes", {{"increments", 100}},
                                            playground::RaceResult{200, 0, playground::Sync::None, 200, false,
                                                                   std::vector<std::int64_t>{100, 100}, std::nullopt}));
  std::ostringstream none_shared;
  cplay::print_race_summary(none_shared, isolated);
  EXPECT_EQ(none_shared.str(),
            "over 2 runs: no counter was shared (no --shared-memory), so none could lose an update\n");
}

}  // namespace

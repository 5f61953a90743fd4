// The typed results and partials at their JSON edge: every value survives a trip through text,
// optional fields appear exactly when set, and a message with a missing, renamed or mistyped field
// is refused with an error that names the field.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core_support.hpp"

namespace playground::testing {
namespace {

// Through text, as results and partials travel over a pipe, HTTP or postMessage.
template <typename Value>
Value through_text(const Value& value) {
  return json::parse(json(value).dump()).get<Value>();
}

// The message of the std::runtime_error that reading `in` as a `Value` throws.
template <typename Value>
std::string refusal_of(const json& in) {
  try {
    (void)in.get<Value>();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  ADD_FAILURE() << "accepted: " << in.dump();
  return {};
}

// `in` with `key` renamed, as a sender with another spelling would write it.
json renamed(json in, const std::string& key) {
  in[key + "_renamed"] = in.at(key);
  in.erase(key);
  return in;
}

// Each required key, missing or renamed, is refused with a message naming it. Every other key is
// optional: without it the value reads back, but differs from the one that had it.
template <typename Value>
void expect_fields_checked(const Value& value, const std::vector<std::string>& required) {
  const json full = value;
  for (const auto& item : full.items()) {
    const std::string key = item.key();
    const json without = renamed(full, key);
    if (std::find(required.begin(), required.end(), key) != required.end()) {
      EXPECT_TRUE(has_text(refusal_of<Value>(without), "'" + key + "' is missing")) << key;
    } else {
      EXPECT_NE(without.get<Value>(), value) << key << " is optional but its loss went unnoticed";
    }
  }
  for (const std::string& key : required) EXPECT_TRUE(full.contains(key)) << key << " was never written";
}

const FactorialResult kPrintedFactorial{30, 2, 33, "26525285981219105863", 7, 108, "265252859812191058636308480000000"};
const RaceResult kThreadsRace{4'000, 3'100, Sync::None, 4'000, std::nullopt, std::nullopt, 900};
const RaceResult kSharedRace{6'000, 6'000, Sync::Lock, 6'000, true, std::nullopt, 0};
const RaceResult kIsolatedRace{6'000, 0, Sync::Atomic, 6'000, false, std::vector<std::int64_t>{3'000, 3'000}, std::nullopt};
const FactorialPartial kPrintingShare{1, DecimalSummary{33, "26525285981219105863", 108}, "265252859812191058636308480000000"};

TEST(ResultJson, EveryResultSurvivesTheTrip) {
  EXPECT_EQ(through_text(PrimesResult{9'592, 99'991}), (PrimesResult{9'592, 99'991}));
  EXPECT_EQ(through_text(kPrintedFactorial), kPrintedFactorial);
  FactorialResult quiet = kPrintedFactorial;
  quiet.decimal.reset();
  EXPECT_EQ(through_text(quiet), quiet);
  for (const RaceResult& race : {kThreadsRace, kSharedRace, kIsolatedRace}) EXPECT_EQ(through_text(race), race);
  EXPECT_EQ(through_text(IoResult{3, 3}), (IoResult{3, 3}));
  EXPECT_EQ(through_text(GilFacts{42}), GilFacts{42});
}

TEST(ResultJson, EveryPartialSurvivesTheTrip) {
  EXPECT_EQ(through_text(PrimesPartial{1'229, 9'973}), (PrimesPartial{1'229, 9'973}));
  EXPECT_EQ(through_text(kPrintingShare), kPrintingShare);
  const FactorialPartial idle_share{0, std::nullopt, std::nullopt};
  EXPECT_EQ(through_text(idle_share), idle_share);
  EXPECT_EQ(through_text(RacePartial{-5, 3'000}), (RacePartial{-5, 3'000}));
  EXPECT_EQ(through_text(IoPartial{2}), IoPartial{2});
}

// What run() and run_shard() produce, read back as the demo the caller expects.
TEST(ResultJson, RealRunsSurviveTheTripByDemo) {
  const std::vector<std::pair<std::string, json>> cases = {
      {"primes", {{"limit", 5'000}}},
      {"factorial", {{"n", 40}, {"count", 2}, {"print", true}}},
      {"race", {{"increments", 2'000}, {"sync", "atomic"}}},
      {"io", {{"tasks", 2}, {"latency_ms", 0}}},
  };
  for (const auto& [demo, params] : cases) {
    const Report report = run(make_request(demo, "async", params, 2));
    EXPECT_EQ(result_from_json(report.request.demo, json::parse(result_to_json(report.result).dump())), report.result)
        << demo;
    const Request processes = make_request(demo, "processes", params, 2);
    const ShardOutcome shard = run_shard(processes, 1, 2, 0.0);
    EXPECT_EQ(partial_from_json(processes.demo, json::parse(partial_to_json(shard.partial).dump())), shard.partial)
        << demo;
  }
}

// The keys the report has always had, and only those: the page and the tests read them by name.
TEST(ResultJson, KeysAreTheReportsKeys) {
  EXPECT_EQ(json(PrimesResult{4, 7}), (json{{"count", 4}, {"largest", 7}}));
  EXPECT_EQ(json(kPrintedFactorial),
            (json{{"n", 30}, {"count", 2}, {"digits", 33}, {"leading", "26525285981219105863"}, {"trailing_zeros", 7},
                  {"bits", 108}, {"decimal", "265252859812191058636308480000000"}}));
  EXPECT_EQ(json(kThreadsRace),
            (json{{"expected", 4'000}, {"final", 3'100}, {"sync", "none"}, {"increments_done", 4'000}, {"lost", 900}}));
  EXPECT_EQ(json(kSharedRace), (json{{"expected", 6'000}, {"final", 6'000}, {"sync", "lock"}, {"increments_done", 6'000},
                                     {"shared_memory", true}, {"lost", 0}}));
  EXPECT_EQ(json(kIsolatedRace), (json{{"expected", 6'000}, {"final", 0}, {"sync", "atomic"}, {"increments_done", 6'000},
                                       {"shared_memory", false}, {"child_finals", {3'000, 3'000}}}));
  EXPECT_EQ(json(IoResult{3, 2}), (json{{"tasks", 3}, {"completed", 2}}));
  EXPECT_EQ(json(kPrintingShare), (json{{"computed", 1}, {"digits", 33}, {"leading", "26525285981219105863"}, {"bits", 108},
                                        {"decimal", "265252859812191058636308480000000"}}));
  EXPECT_EQ(json(FactorialPartial{}), (json{{"computed", 0}}));
  EXPECT_EQ(json(RacePartial{12, 34}), (json{{"final", 12}, {"increments_done", 34}}));
  EXPECT_EQ(json(IoPartial{5}), (json{{"completed", 5}}));
  EXPECT_EQ(json(GilFacts{3}), (json{{"switches", 3}}));
}

TEST(ResultJson, MissingOrRenamedFieldsAreNamed) {
  expect_fields_checked(PrimesResult{9'592, 99'991}, {"count", "largest"});
  expect_fields_checked(kPrintedFactorial, {"n", "count", "digits", "leading", "trailing_zeros", "bits"});
  expect_fields_checked(kIsolatedRace, {"expected", "final", "sync", "increments_done"});
  expect_fields_checked(kSharedRace, {"expected", "final", "sync", "increments_done"});
  expect_fields_checked(IoResult{3, 3}, {"tasks", "completed"});
  expect_fields_checked(PrimesPartial{1'229, 9'973}, {"count", "largest"});
  expect_fields_checked(RacePartial{7, 3'000}, {"final", "increments_done"});
  expect_fields_checked(IoPartial{2}, {"completed"});
  expect_fields_checked(GilFacts{1}, {"switches"});
  // A factorial share either has the whole summary or none of it (it computed nothing).
  const json share = kPrintingShare;
  EXPECT_TRUE(has_text(refusal_of<FactorialPartial>(renamed(share, "computed")), "'computed' is missing"));
  EXPECT_TRUE(has_text(refusal_of<FactorialPartial>(renamed(share, "leading")), "'leading' is missing"));
  EXPECT_TRUE(has_text(refusal_of<FactorialPartial>(renamed(share, "bits")), "'bits' is missing"));
}

TEST(ResultJson, MistypedFieldsAreNamedWithWhatTheyMustBe) {
  json primes = PrimesPartial{1, 2};
  for (const json bad : {json("7"), json(1.5), json(-1), json(1e20), json(nullptr)}) {
    primes["count"] = bad;
    EXPECT_EQ(refusal_of<PrimesPartial>(primes),
              "primes partial: 'count' must be an integer in range, not " + bad.dump());
  }
  json race = kThreadsRace;
  race["sync"] = "sometimes";
  EXPECT_EQ(refusal_of<RaceResult>(race), "race result: 'sync' must be one of none, lock, atomic, not \"sometimes\"");
  race = kIsolatedRace;
  race["child_finals"] = {1, "two"};
  EXPECT_TRUE(has_text(refusal_of<RaceResult>(race), "'child_finals' must be an integer in range, not \"two\""));
  race["child_finals"] = 3;
  EXPECT_TRUE(has_text(refusal_of<RaceResult>(race), "'child_finals' must be an array of integers, not 3"));
  race = kSharedRace;
  race["shared_memory"] = "yes";
  EXPECT_TRUE(has_text(refusal_of<RaceResult>(race), "'shared_memory' must be true or false"));
  json factorial = kPrintingShare;
  factorial["leading"] = 265;
  EXPECT_EQ(refusal_of<FactorialPartial>(factorial), "factorial partial: 'leading' must be a string, not 265");
  EXPECT_EQ(refusal_of<IoPartial>(json::array({1})), "io partial must be a JSON object, not [1]");
}

// JSON names no demo, so the reader says which it expects; another demo's shape is refused.
TEST(ResultJson, ReadingAsAnotherDemoIsRefused) {
  const json primes = PrimesPartial{1, 2};
  EXPECT_THROW(partial_from_json(Demo::Race, primes), std::runtime_error);
  EXPECT_THROW(partial_from_json(Demo::Io, primes), std::runtime_error);
  EXPECT_THROW(partial_from_json(Demo::Factorial, primes), std::runtime_error);
  EXPECT_EQ(partial_from_json(Demo::Primes, primes), DemoPartial(PrimesPartial{1, 2}));
  EXPECT_THROW(result_from_json(Demo::Io, json(PrimesResult{1, 2})), std::runtime_error);
}

}  // namespace
}  // namespace playground::testing

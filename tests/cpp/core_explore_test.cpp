#include <functional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core_support.hpp"
#include "playground/errors.hpp"
#include "playground/explore.hpp"

namespace {

using namespace playground;

ExploreOptions race(std::uint64_t workers, std::uint64_t increments, Sync sync = Sync::None) {
  ExploreOptions o;
  o.workers = workers;
  o.increments = increments;
  o.sync = sync;
  return o;
}

ExploreOptions deadlock(std::uint64_t workers, LockOrder order, LockStrategy strategy = LockStrategy::Block) {
  ExploreOptions o;
  o.scenario = ExploreScenario::Deadlock;
  o.workers = workers;
  o.order = order;
  o.strategy = strategy;
  return o;
}

std::set<std::string> labels(const ExploreReport& report) {
  std::set<std::string> out;
  for (const auto& o : report.outcomes) out.insert(o.label);
  return out;
}

std::set<std::string> counters(std::int64_t low, std::int64_t high) {
  std::set<std::string> out;
  for (std::int64_t v = low; v <= high; ++v) out.insert("counter = " + std::to_string(v));
  return out;
}

// Every outcome's witness, replayed, ends in that outcome; the counts add up to the total.
void expect_witnesses_replay(const ExploreReport& report) {
  std::uint64_t sum = 0;
  for (const auto& o : report.outcomes) {
    const ReplayReport replayed = replay(report.options, o.witness);
    ASSERT_TRUE(replayed.outcome.has_value()) << o.label;
    EXPECT_EQ(*replayed.outcome, o.label);
    EXPECT_GT(o.schedules, 0U);
    sum += o.schedules;
  }
  EXPECT_EQ(sum, report.schedules);
  EXPECT_FALSE(report.saturated);
}

std::string argument_error(const std::function<void()>& body) {
  try {
    body();
  } catch (const ArgumentError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(Explore, RaceOfTwoByOneLosesAnUpdateInFourOfSixSchedules) {
  // Two reads before either write: R0 R1 W0 W1, R0 R1 W1 W0, R1 R0 W0 W1, R1 R0 W1 W0.
  const ExploreReport report = explore(race(2, 1));
  EXPECT_EQ(labels(report), counters(1, 2));
  EXPECT_EQ(report.schedules, 6U);  // 4! / (2! 2!)
  ASSERT_EQ(report.outcomes.size(), 2U);
  EXPECT_EQ(report.outcomes[0].label, "counter = 1");
  EXPECT_EQ(report.outcomes[0].schedules, 4U);
  EXPECT_EQ(report.outcomes[1].schedules, 2U);
  expect_witnesses_replay(report);
}

TEST(Explore, RaceFinalsReachFromTwoToEveryIncrement) {
  // For 2 workers x n increments the reachable finals are 2..2n (n >= 2): a worker's stale write
  // can undo all of the other's increments but one.
  for (std::uint64_t n : {2, 3}) {
    const ExploreReport report = explore(race(2, n));
    EXPECT_EQ(labels(report), counters(2, static_cast<std::int64_t>(2 * n))) << n;
    expect_witnesses_replay(report);
  }
  EXPECT_EQ(explore(race(2, 2)).schedules, 70U);  // 8! / (4! 4!)
  const ExploreReport three = explore(race(3, 2));
  EXPECT_EQ(labels(three), counters(2, 6));
  EXPECT_EQ(three.schedules, 34650U);  // 12! / (4!)^3
  expect_witnesses_replay(three);
}

TEST(Explore, LockAndAtomicHaveOneOutcome) {
  for (Sync sync : {Sync::Lock, Sync::Atomic}) {
    for (std::uint64_t workers : {2, 3}) {
      const ExploreReport report = explore(race(workers, 2, sync));
      EXPECT_EQ(labels(report), counters(static_cast<std::int64_t>(2 * workers), static_cast<std::int64_t>(2 * workers)));
      EXPECT_GT(report.schedules, 1U);
      expect_witnesses_replay(report);
    }
  }
  // Atomic: every interleaving of 2 x 2 fetch_adds, 4! / (2! 2!).
  EXPECT_EQ(explore(race(2, 2, Sync::Atomic)).schedules, 6U);
}

TEST(Explore, OppositeOrdersCanDeadlockAndTheWitnessReallyDoes) {
  for (std::uint64_t workers : {2, 3}) {
    const ExploreReport report = explore(deadlock(workers, LockOrder::Opposite));
    EXPECT_EQ(labels(report), (std::set<std::string>{"completed", "deadlock"})) << workers;
    for (const auto& o : report.outcomes) {
      if (!o.deadlock) continue;
      const ReplayReport replayed = replay(report.options, o.witness);
      EXPECT_EQ(replayed.outcome, "deadlock");
      EXPECT_TRUE(replayed.can_still_move.empty());
      // Every worker holds its first lock: each lock has an owner.
      for (auto owner : replayed.final_state.owners) EXPECT_GE(owner, 0);
    }
    expect_witnesses_replay(report);
  }
}

TEST(Explore, ConsistentOrderAndTryLockNeverDeadlock) {
  for (std::uint64_t workers : {2, 3, 4}) {
    EXPECT_EQ(labels(explore(deadlock(workers, LockOrder::Consistent))), std::set<std::string>{"completed"});
    const ExploreReport backing_off = explore(deadlock(workers, LockOrder::Opposite, LockStrategy::TryLock));
    EXPECT_FALSE(labels(backing_off).contains("deadlock")) << workers;
    EXPECT_TRUE(labels(backing_off).contains("completed"));
    expect_witnesses_replay(backing_off);
  }
}

TEST(Explore, AsyncRaceLosesUpdatesOnlyAcrossTheAwait) {
  ExploreOptions o;
  o.scenario = ExploreScenario::AsyncRace;
  o.workers = 2;
  o.increments = 2;
  const ExploreReport none = explore(o);
  // Each step runs a coroutine to its next await: read + await, then write + read + await, ...
  EXPECT_TRUE(labels(none).contains("counter = 2"));
  EXPECT_TRUE(labels(none).contains("counter = 4"));
  expect_witnesses_replay(none);
  o.async_sync = AsyncSync::Lock;
  EXPECT_EQ(labels(explore(o)), counters(4, 4));
}

TEST(Explore, BarrierKeepsReadsFreshAndNoneDoesNot) {
  ExploreOptions o;
  o.scenario = ExploreScenario::Barrier;
  o.workers = 3;
  o.phases = 2;
  EXPECT_EQ(labels(explore(o)), std::set<std::string>{"stale reads = 0"});
  o.barrier_sync = BarrierSync::None;
  const ExploreReport none = explore(o);
  EXPECT_TRUE(labels(none).contains("stale reads = 0"));
  EXPECT_TRUE(labels(none).contains("stale reads = 1"));
  expect_witnesses_replay(none);
}

TEST(Explore, ReplayShowsEachStepAndRefusesAWorkerThatCannotMove) {
  const ReplayReport lost = replay(race(2, 1), {0, 1, 0, 1});
  EXPECT_EQ(lost.outcome, "counter = 1");
  ASSERT_EQ(lost.steps.size(), 4U);
  EXPECT_EQ(lost.steps[1].worker, 1U);
  EXPECT_EQ(lost.steps[1].ops, std::vector<std::string>{"r0 = counter.load()  -> 0"});

  const ReplayReport partial = replay(race(2, 1), {0});
  EXPECT_FALSE(partial.outcome.has_value());
  EXPECT_EQ(partial.can_still_move, (std::vector<std::uint32_t>{0, 1}));

  EXPECT_NE(argument_error([] { replay(race(2, 1), {0, 2}); }).find("step 2: there is no worker 2 (workers are 0..1)"),
            std::string::npos);
  EXPECT_NE(argument_error([] { replay(race(2, 1), {0, 0, 0}); }).find("step 3: worker 0 cannot move: it has finished"),
            std::string::npos);
  EXPECT_NE(argument_error([] { replay(deadlock(2, LockOrder::Opposite), {0, 1, 0}); })
                .find("worker 0 cannot move: it waits for B, held by worker 1"),
            std::string::npos);
}

// Every step has its Python beside its C++, one for one, for the page's two columns.
TEST(Explore, EveryOperationHasItsPython) {
  for (const ExploreOptions& options :
       {race(2, 2), race(2, 2, Sync::Lock), race(2, 2, Sync::Atomic), deadlock(3, LockOrder::Opposite, LockStrategy::TryLock)}) {
    for (const auto& ops : explore_program(options).workers)
      for (const auto& op : ops) {
        EXPECT_FALSE(op.text.empty());
        EXPECT_FALSE(op.python.empty()) << op.text;
      }
  }
  const auto race_ops = explore_program(race(2, 1)).workers.at(0);
  EXPECT_EQ(race_ops.at(0).python, "seen = counter");
  EXPECT_EQ(race_ops.at(1).python, "counter = seen + 1");
}

TEST(Explore, RefusesAStateSpaceOverTheLimit) {
  const std::string message = argument_error([] { explore(race(4, 4)); });
  EXPECT_NE(message.find("more than " + std::to_string(kMaxExploreStates) + " states"), std::string::npos) << message;
  EXPECT_NE(message.find("the limit"), std::string::npos);
}

TEST(Explore, RequestsAreCheckedWithTheFlagAndItsRange) {
  const ExploreOptions parsed = explore_options_from_json(
      nlohmann::json{{"scenario", "deadlock"}, {"workers", 3}, {"order", "consistent"}, {"strategy", "try-lock"}});
  EXPECT_EQ(parsed.scenario, ExploreScenario::Deadlock);
  EXPECT_EQ(parsed.workers, 3U);
  EXPECT_EQ(parsed.order, LockOrder::Consistent);
  EXPECT_EQ(parsed.strategy, LockStrategy::TryLock);
  EXPECT_EQ(explore_options_from_json(explore_options_to_json(parsed)), parsed);

  auto error_of = [](const nlohmann::json& request) {
    return argument_error([&] { explore_options_from_json(request); });
  };
  EXPECT_EQ(error_of({{"scenario", "race"}, {"workers", 5}}), "--workers must be an integer from 1 to 4 (got 5)");
  EXPECT_EQ(error_of({{"scenario", "barrier"}, {"sync", "atomic"}}), "--sync must be one of barrier|none (got 'atomic')");
  EXPECT_NE(error_of({{"scenario", "race"}, {"phases", 2}}).find("unknown field 'phases'"), std::string::npos);
  EXPECT_NE(error_of({{"scenario", "juggle"}}).find("scenario must be one of race|deadlock|async-race|barrier"),
            std::string::npos);

  EXPECT_EQ(explore_schedule_from_json({{"schedule", "0,1,1,0"}}), (std::vector<std::uint32_t>{0, 1, 1, 0}));
  EXPECT_EQ(explore_schedule_from_json({{"schedule", {1, 0}}}), (std::vector<std::uint32_t>{1, 0}));
  EXPECT_FALSE(explore_schedule_from_json(nlohmann::json::object()).has_value());
  EXPECT_NE(argument_error([] { explore_schedule_from_json({{"schedule", "0,x"}}); }).find("worker numbers such as 0,1,1,0"),
            std::string::npos);
  // 2^63 does not wrap into a small worker number.
  EXPECT_NE(argument_error([] { explore_schedule_from_json({{"schedule", {std::uint64_t{1} << 63}}}); })
                .find("worker numbers such as 0,1,1,0"),
            std::string::npos);
}

// The model is true to the real race: whatever a real run ends with, the explorer can reach.
TEST(Explore, EveryRealRaceFinalIsAnExploredOutcome) {
  for (std::uint64_t increments : {1, 2, 3}) {
    const std::set<std::string> explored = labels(explore(race(2, increments)));
    for (int run = 0; run < 40; ++run) {
      const auto real = std::get<RaceResult>(
          playground::testing::run_result("race", "threads", {{"increments", increments}, {"sync", "none"}}, 2));
      EXPECT_TRUE(explored.contains("counter = " + std::to_string(real.final_value)))
          << "a real run ended at " << real.final_value << " with " << increments << " increments";
    }
  }
}

}  // namespace

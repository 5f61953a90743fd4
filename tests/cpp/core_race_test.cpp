// Race invariants. Only what is guaranteed is asserted: a lock or an atomic makes the counter
// exact in every mode; an unsynchronised read-then-write can lose updates but never invent
// them; cooperative coroutines never interleave inside a slice, so even `none` stays exact there.
#include <string>

#include <gtest/gtest.h>

#include "core_support.hpp"

namespace playground::testing {
namespace {

RaceResult race(const std::string& mode, const std::string& sync, std::uint64_t workers, std::uint64_t increments) {
  return std::get<RaceResult>(run_result("race", mode, {{"increments", increments}, {"sync", sync}}, workers));
}

// Bookkeeping that holds for every run: the report is internally consistent.
void expect_consistent(const RaceResult& result, std::uint64_t workers, std::uint64_t increments,
                       const std::string& sync) {
  const auto expected = static_cast<std::int64_t>(workers * increments);
  EXPECT_EQ(result.expected, expected);
  EXPECT_EQ(to_string(result.sync), sync);
  EXPECT_EQ(result.lost, expected - result.final_value);
  EXPECT_FALSE(result.shared_memory) << "only processes say whether memory was shared";
  EXPECT_FALSE(result.child_finals);
  // Every increment was attempted, whether or not it survived.
  EXPECT_EQ(result.increments_done, workers * increments);
}

TEST(Race, LockAndAtomicAreExactInEveryMode) {
  for (const char* sync : {"lock", "atomic"}) {
    for (const auto& mode : in_process_modes()) {
      const std::uint64_t workers = kMaxTestWorkers;
      const RaceResult result = race(mode, sync, workers, 25'000);
      expect_consistent(result, workers, 25'000, sync);
      EXPECT_EQ(result.final_value, result.expected) << sync << " in mode " << mode;
      EXPECT_EQ(result.lost, 0) << sync << " in mode " << mode;
    }
  }
}

// Real threads without synchronisation may lose updates; how many depends on the scheduler, so
// only the bounds are checked: nothing is invented, and the last write of some worker survives.
TEST(Race, NoneWithThreadsNeverExceedsExpected) {
  for (std::uint64_t workers : {2, 4}) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      const RaceResult result = race("threads", "none", workers, 50'000);
      expect_consistent(result, workers, 50'000, "none");
      const std::int64_t final_value = result.final_value;
      EXPECT_LE(final_value, static_cast<std::int64_t>(workers * 50'000));
      EXPECT_GE(final_value, 1);
      EXPECT_GE(result.lost.value(), 0);
    }
  }
}

TEST(Race, NoneIsExactWithOneWorker) {
  for (const auto& mode : in_process_modes()) {
    const RaceResult result = race(mode, "none", 1, 30'000);
    expect_consistent(result, 1, 30'000, "none");
    EXPECT_EQ(result.final_value, 30'000) << mode;
  }
}

// asyncio's lesson: coroutines switch only where they await, never inside `counter += 1`.
TEST(Race, AsyncIsExactEvenWithoutSynchronisation) {
  for (std::uint64_t workers : {2, 3, 4}) {
    const RaceResult result = race("async", "none", workers, 40'000);
    expect_consistent(result, workers, 40'000, "none");
    EXPECT_EQ(result.final_value, result.expected) << workers << " coroutines";
    EXPECT_EQ(result.lost, 0);
  }
}

TEST(Race, GilThreadsWithoutSynchronisationNeverExceedsExpected) {
  const auto result = std::get<RaceResult>(
      run_result("race", "gil-threads", {{"increments", 40'000}, {"sync", "none"}, {"switch_interval_ms", 1}}, 2));
  expect_consistent(result, 2, 40'000, "none");
  EXPECT_LE(result.final_value, 80'000);
  EXPECT_GE(result.final_value, 1);
}

TEST(Race, SequentialRunsEveryWorkersLoopOnOneThread) {
  // The same work as the parallel modes (workers x increments), one loop after another, so that
  // a speedup over it compares equal amounts of work.
  const Request request = make_request("race", "sequential", {{"increments", 1'000}, {"sync", "none"}}, 4);
  EXPECT_EQ(request.workers, 4u);
  const Report report = run(request);
  const auto& result = std::get<RaceResult>(report.result);
  expect_consistent(result, 4, 1'000, "none");
  EXPECT_EQ(result.final_value, 4'000);
  ASSERT_EQ(report.spans.size(), 1u);
  EXPECT_EQ(report.spans[0].items, 4'000u);
}

// Each worker runs its own loop, as in the lesson: a worker that finished early never takes a
// slow worker's loop (with a shared queue of loops, one thread often ran both, and nothing raced).
TEST(Race, EachWorkerRunsExactlyItsOwnLoop) {
  for (const auto& mode : in_process_modes()) {
    if (mode == "sequential") continue;
    for (const char* sync : {"none", "atomic"}) {
      const Report report = run(make_request("race", mode, {{"increments", 7'000}, {"sync", sync}}, 3));
      ASSERT_EQ(report.spans.size(), 3u) << mode;
      for (const Span& span : report.spans) EXPECT_EQ(span.items, 7'000u) << mode << " worker " << span.worker;
    }
  }
}

TEST(Race, IncrementsThatAreNotAMultipleOfTheSlice) {
  // Slices hold 1000 increments; a remainder must still be counted exactly once.
  for (std::uint64_t increments : {1, 999, 1'001, 12'345}) {
    const RaceResult result = race("threads", "atomic", 3, increments);
    expect_consistent(result, 3, increments, "atomic");
    EXPECT_EQ(result.final_value, static_cast<std::int64_t>(3 * increments)) << increments;
  }
}

}  // namespace
}  // namespace playground::testing

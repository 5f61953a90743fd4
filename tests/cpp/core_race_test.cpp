// Race invariants. Only what is guaranteed is asserted: a lock or an atomic makes the counter
// exact in every mode; an unsynchronised read-then-write can lose updates but never invent
// them; cooperative coroutines never interleave inside a slice, so even `none` stays exact there.
#include <string>

#include <gtest/gtest.h>

#include "core_support.hpp"

namespace playground::testing {
namespace {

json race(const std::string& mode, const std::string& sync, std::uint64_t workers, std::uint64_t increments) {
  return run_result("race", mode, {{"increments", increments}, {"sync", sync}}, workers);
}

// Bookkeeping that holds for every run: the report is internally consistent.
void expect_consistent(const json& result, std::uint64_t workers, std::uint64_t increments, const std::string& sync) {
  const auto expected = static_cast<std::int64_t>(workers * increments);
  EXPECT_EQ(result.at("expected"), expected);
  EXPECT_EQ(result.at("sync"), sync);
  EXPECT_EQ(result.at("lost").get<std::int64_t>(), expected - result.at("final").get<std::int64_t>());
  // Every increment was attempted, whether or not it survived.
  EXPECT_EQ(result.at("increments_done"), workers * increments);
}

TEST(Race, LockAndAtomicAreExactInEveryMode) {
  for (const char* sync : {"lock", "atomic"}) {
    for (const auto& mode : in_process_modes()) {
      const std::uint64_t workers = kMaxTestWorkers;
      const json result = race(mode, sync, workers, 25'000);
      expect_consistent(result, workers, 25'000, sync);
      EXPECT_EQ(result.at("final"), result.at("expected")) << sync << " in mode " << mode;
      EXPECT_EQ(result.at("lost"), 0) << sync << " in mode " << mode;
    }
  }
}

// Real threads without synchronisation may lose updates; how many depends on the scheduler, so
// only the bounds are checked: nothing is invented, and the last write of some worker survives.
TEST(Race, NoneWithThreadsNeverExceedsExpected) {
  for (std::uint64_t workers : {2, 4}) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      const json result = race("threads", "none", workers, 50'000);
      expect_consistent(result, workers, 50'000, "none");
      const auto final_value = result.at("final").get<std::int64_t>();
      EXPECT_LE(final_value, static_cast<std::int64_t>(workers * 50'000));
      EXPECT_GE(final_value, 1);
      EXPECT_GE(result.at("lost").get<std::int64_t>(), 0);
    }
  }
}

TEST(Race, NoneIsExactWithOneWorker) {
  for (const auto& mode : in_process_modes()) {
    const json result = race(mode, "none", 1, 30'000);
    expect_consistent(result, 1, 30'000, "none");
    EXPECT_EQ(result.at("final"), 30'000) << mode;
  }
}

// asyncio's lesson: coroutines switch only where they await, never inside `counter += 1`.
TEST(Race, AsyncIsExactEvenWithoutSynchronisation) {
  for (std::uint64_t workers : {2, 3, 4}) {
    const json result = race("async", "none", workers, 40'000);
    expect_consistent(result, workers, 40'000, "none");
    EXPECT_EQ(result.at("final"), result.at("expected")) << workers << " coroutines";
    EXPECT_EQ(result.at("lost"), 0);
  }
}

TEST(Race, GilThreadsWithoutSynchronisationNeverExceedsExpected) {
  const json result = run_result("race", "gil-threads",
                                 {{"increments", 40'000}, {"sync", "none"}, {"switch_interval_ms", 1}}, 2);
  expect_consistent(result, 2, 40'000, "none");
  EXPECT_LE(result.at("final").get<std::int64_t>(), 80'000);
  EXPECT_GE(result.at("final").get<std::int64_t>(), 1);
}

TEST(Race, SequentialRunsEveryWorkersLoopOnOneThread) {
  // The same work as the parallel modes (workers x increments), one loop after another, so that
  // a speedup over it compares equal amounts of work.
  const Request request = make_request("race", "sequential", {{"increments", 1'000}, {"sync", "none"}}, 4);
  EXPECT_EQ(request.workers, 4u);
  const Report report = run(request);
  expect_consistent(report.result, 4, 1'000, "none");
  EXPECT_EQ(report.result.at("final"), 4'000);
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
    const json result = race("threads", "atomic", 3, increments);
    expect_consistent(result, 3, increments, "atomic");
    EXPECT_EQ(result.at("final"), 3 * increments) << increments;
  }
}

}  // namespace
}  // namespace playground::testing

// Mode agreement: a mode decides only *how* tasks execute, never *what* they compute. Every
// in-process mode, and the shard functions that processes and browser Workers use, must
// reproduce the sequential result.
#include <mutex>
#include <string>

#include <gtest/gtest.h>

#include "core_support.hpp"

namespace playground::testing {
namespace {

// Runs `params` in every in-process mode and compares with the sequential result.
void expect_modes_agree(const std::string& demo, const json& params, std::uint64_t workers) {
  const DemoResult reference = run_result(demo, "sequential", params);
  for (const auto& mode : in_process_modes()) {
    const DemoResult result = run_result(demo, mode, params, workers);
    EXPECT_EQ(result, reference) << demo << " in mode " << mode << " with " << workers << " workers";
  }
}

TEST(ModeAgreement, PrimesTrialDivision) {
  for (std::uint64_t workers : {1, 2, 3, 4}) expect_modes_agree("primes", {{"limit", 60'000}}, workers);
}

TEST(ModeAgreement, PrimesSieve) {
  // Several sieve chunks (65520 numbers each, the smallest a sieve chunk gets) and a ragged last one.
  for (std::uint64_t workers : {2, 4}) expect_modes_agree("primes", {{"limit", 300'007}, {"algorithm", "sieve"}}, workers);
}

TEST(ModeAgreement, PrimesWithMoreWorkersThanChunks) {
  // 2500 numbers make three trial chunks: a fourth worker finds nothing to do and must not disturb the sum.
  expect_modes_agree("primes", {{"limit", 2'500}}, 4);
}

TEST(ModeAgreement, FactorialSmallN) {
  for (std::uint64_t n : {0, 1, 20, 500, 3'000}) expect_modes_agree("factorial", {{"n", n}, {"count", 4}}, 4);
  expect_modes_agree("factorial", {{"n", 777}, {"count", 5}}, 2);
}

TEST(ModeAgreement, IoWithShortLatencies) {
  for (std::uint64_t latency : {0, 1, 5, 20}) expect_modes_agree("io", {{"tasks", 4}, {"latency_ms", latency}}, 2);
  expect_modes_agree("io", {{"tasks", 3}, {"latency_ms", 2}}, 4);
}

// The race demo's task count is its worker count, and sequential always runs one worker; so the
// in-process modes are compared at equal worker counts, and each against the exact total.
TEST(ModeAgreement, RaceWithLockAndAtomic) {
  for (const char* sync : {"lock", "atomic"}) {
    for (std::uint64_t workers : {1, 2, 4}) {
      const json params = {{"increments", 20'000}, {"sync", sync}};
      const DemoResult reference = run_result("race", workers == 1 ? "sequential" : "threads", params, workers);
      const auto& race = std::get<RaceResult>(reference);
      EXPECT_EQ(race.expected, static_cast<std::int64_t>(20'000 * workers));
      EXPECT_EQ(race.final_value, race.expected);
      for (const auto& mode : in_process_modes()) {
        if (mode == "sequential" && workers != 1) continue;
        EXPECT_EQ(run_result("race", mode, params, workers), reference) << sync << " in mode " << mode;
      }
    }
  }
}

// ---- processes: the shard functions, run in this process one after another ----

Request processes_request(const std::string& demo, const json& params, std::uint64_t workers) {
  return make_request(demo, "processes", params, workers);
}

TEST(Shards, MergedResultEqualsSequential) {
  struct Case {
    std::string demo;
    json params;
  };
  const std::vector<Case> cases = {
      {"primes", {{"limit", 50'000}}},
      {"primes", {{"limit", 200'000}, {"algorithm", "sieve"}}},
      {"factorial", {{"n", 2'000}, {"count", 5}}},
      {"io", {{"tasks", 5}, {"latency_ms", 1}}},
  };
  for (const auto& c : cases) {
    const DemoResult reference = run_result(c.demo, "sequential", c.params);
    for (std::uint64_t shards : {1, 2, 3, 4}) {
      const Report merged = run_as_shards(processes_request(c.demo, c.params, shards), shards);
      EXPECT_EQ(merged.result, reference) << c.demo << " in " << shards << " shards";
      EXPECT_EQ(merged.spans.size(), shards);
    }
  }
}

TEST(Shards, SpansAreOrderedByShardAndCoverEveryItem) {
  const Request request = processes_request("primes", {{"limit", 30'000}}, 3);
  const Report merged = run_as_shards(request, 3);
  ASSERT_EQ(merged.spans.size(), 3u);
  for (std::size_t i = 0; i < merged.spans.size(); ++i) {
    EXPECT_EQ(merged.spans[i].worker, i);
    EXPECT_GT(merged.spans[i].items, 0u) << "strided shares give every shard some chunks";
  }
  EXPECT_EQ(span_items(merged), 30'000u);
}

TEST(Shards, PrintedFactorialComesFromTheShardThatRanTaskZero) {
  const json params = {{"n", 30}, {"count", 3}, {"print", true}};
  const Report merged = run_as_shards(processes_request("factorial", params, 3), 3);
  EXPECT_EQ(std::get<FactorialResult>(merged.result).decimal, "265252859812191058636308480000000");
  EXPECT_EQ(merged.result, run_result("factorial", "sequential", params));
}

TEST(Shards, RaceWithSharedCounterIsExact) {
  for (const char* sync : {"lock", "atomic"}) {
    std::atomic<std::int64_t> counter{0};
    MutexCounterLock lock;  // in-process stand-in for the runner's shared mapping
    const Report merged =
        run_as_shards(processes_request("race", {{"increments", 10'000}, {"sync", sync}, {"shared_memory", true}}, 3),
                      3, RaceCounter{&counter, &lock});
    const auto& race = std::get<RaceResult>(merged.result);
    EXPECT_EQ(race.expected, 30'000) << sync;
    EXPECT_EQ(race.final_value, 30'000) << sync;
    EXPECT_EQ(race.lost, 0) << sync;
    EXPECT_EQ(race.shared_memory, true);
    EXPECT_FALSE(race.child_finals) << "the children shared one counter";
    EXPECT_EQ(counter.load(), 30'000);
  }
}

// Without shared memory each process adds to its own copy: the seed's lesson that processes do
// not share globals. The parent's counter never moves; every child saw only its own increments.
// No counter is shared, so nothing is lost: each child counted its own copy, and the parent's
// copy never moved. A "lost" figure here would misteach (an earlier report said 10,000 lost).
TEST(Shards, RaceWithoutSharedMemoryReportsEachChildsOwnCopy) {
  const Report merged = run_as_shards(processes_request("race", {{"increments", 5'000}, {"sync", "none"}}, 2), 2);
  const auto& race = std::get<RaceResult>(merged.result);
  EXPECT_EQ(race.expected, 10'000);
  EXPECT_EQ(race.final_value, 0);
  EXPECT_FALSE(race.lost);
  EXPECT_EQ(race.shared_memory, false);
  EXPECT_EQ(race.increments_done, 10'000u);
  EXPECT_EQ(race.child_finals, (std::vector<std::int64_t>{5'000, 5'000}));
}

TEST(Shards, JsonRoundTripKeepsEveryField) {
  const Request request = processes_request("primes", {{"limit", 10'000}}, 2);
  const ShardOutcome original = run_shard(request, 1, 2, 0.0);
  // Through text, as it travels over a pipe or postMessage.
  const ShardOutcome copy = shard_from_json(json::parse(shard_to_json(original).dump()), Demo::Primes);
  EXPECT_EQ(copy.partial, original.partial);
  EXPECT_EQ(copy.span.worker, 1u);
  EXPECT_EQ(copy.span.worker, original.span.worker);
  EXPECT_EQ(copy.span.pid, original.span.pid);
  EXPECT_EQ(copy.span.tid, original.span.tid);
  EXPECT_EQ(copy.span.start_ms, original.span.start_ms);
  EXPECT_EQ(copy.span.end_ms, original.span.end_ms);
  EXPECT_EQ(copy.span.items, original.span.items);
  EXPECT_GT(copy.span.items, 0u);
}

TEST(Shards, JsonRoundTripPreservesAMerge) {
  const Request request = processes_request("factorial", {{"n", 100}, {"count", 4}}, 2);
  std::vector<ShardOutcome> outcomes;
  for (std::uint64_t i = 0; i < 2; ++i)
    outcomes.push_back(shard_from_json(json::parse(shard_to_json(run_shard(request, i, 2, 0.0)).dump()), Demo::Factorial));
  EXPECT_EQ(assemble_shards(request, outcomes, 1.0).result, run_result("factorial", "sequential", {{"n", 100}, {"count", 4}}));
}

TEST(Shards, MissingShardIsAnError) {
  // A parent that merges fewer factorials than asked for must not report a result.
  const Request request = processes_request("factorial", {{"n", 10}, {"count", 4}}, 2);
  const std::vector<ShardOutcome> only_first{run_shard(request, 0, 2, 0.0)};
  EXPECT_EQ(run_error_code([&] { assemble_shards(request, only_first, 1.0); }), "run-failed");
}

TEST(Shards, OutOfRangeNumbersFromAChildAreRefusedNotCast) {
  // A float where an integer belongs would be cast with undefined behaviour by get<uint64_t>().
  const Request request = processes_request("primes", {{"limit", 100}}, 1);
  const json message = shard_to_json(run_shard(request, 0, 1, 0.0));
  for (const json bad : {json(1e20), json(-1), json(1.5), json("7")}) {
    json corrupt_partial = message;
    corrupt_partial["partial"]["count"] = bad;
    EXPECT_THROW(shard_from_json(corrupt_partial, Demo::Primes), std::runtime_error) << bad.dump();
    json corrupt_span = message;
    corrupt_span["span"]["items"] = bad;
    EXPECT_THROW(shard_from_json(corrupt_span, Demo::Primes), std::runtime_error) << bad.dump();
  }
}

TEST(Shards, AnotherDemosPartialIsRefused) {
  // A result that reached the wrong parent must fail the run, not be read as something else.
  const json primes_shard = shard_to_json(run_shard(processes_request("primes", {{"limit", 100}}, 1), 0, 1, 0.0));
  EXPECT_THROW(shard_from_json(primes_shard, Demo::Race), std::runtime_error);
  const Request io = processes_request("io", {{"tasks", 1}, {"latency_ms", 0}}, 1);
  const ShardOutcome primes_outcome = shard_from_json(primes_shard, Demo::Primes);
  EXPECT_EQ(run_error_code([&] { assemble_shards(io, {primes_outcome}, 1.0); }), "run-failed");
}

TEST(Shards, RunRefusesTheProcessesMode) {
  EXPECT_THROW(run(processes_request("primes", {{"limit", 100}}, 2)), ArgumentError);
}

}  // namespace
}  // namespace playground::testing

// The semaphore experiment in the core: at most K tasks hold a permit at once in both modes, the
// ideal arithmetic, the sweep's rows, and every refusal naming its flag and range. Latencies are
// small and no test asserts a duration: the N/K x latency relation is shown by cplay's sweep.
#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "playground/catalog.hpp"
#include "playground/errors.hpp"
#include "playground/semaphore.hpp"
#include "playground/semaphore_json.hpp"

namespace {

using namespace playground;
using json = nlohmann::json;

// The most tasks whose [acquired, released] stretches overlap: from the timestamps alone, taken
// inside the permit, so it can never exceed K either.
std::uint64_t most_overlapping(const std::vector<SemaphoreTask>& tasks) {
  std::vector<std::pair<double, int>> edges;
  for (const auto& t : tasks) {
    edges.emplace_back(t.acquired_ms, +1);
    edges.emplace_back(t.released_ms, -1);
  }
  std::sort(edges.begin(), edges.end());  // at equal times a release (-1) comes first
  std::int64_t now = 0, most = 0;
  for (const auto& [ms, step] : edges) most = std::max(most, now += step);
  return static_cast<std::uint64_t>(most);
}

void expect_well_formed(const SemaphoreRun& run, std::uint64_t tasks, std::uint64_t limit) {
  ASSERT_EQ(run.tasks.size(), tasks);
  EXPECT_LE(run.max_in_flight, limit);
  EXPECT_GE(run.max_in_flight, 1u);
  EXPECT_LE(most_overlapping(run.tasks), limit);
  for (std::size_t i = 0; i < run.tasks.size(); ++i) {
    const auto& t = run.tasks[i];
    EXPECT_EQ(t.task, i);
    EXPECT_LE(t.asked_ms, t.acquired_ms);
    EXPECT_LE(t.acquired_ms, t.released_ms);
  }
}

TEST(SemaphoreIdeal, WavesOfKRoundedUp) {
  EXPECT_EQ(semaphore_ideal_ms(6, 2, 100), 300u);
  EXPECT_EQ(semaphore_ideal_ms(6, 4, 100), 200u);  // 4 then 2: two waves
  EXPECT_EQ(semaphore_ideal_ms(6, 6, 100), 100u);
  EXPECT_EQ(semaphore_ideal_ms(1, 1, 0), 0u);
  EXPECT_EQ(semaphore_sweep_ideal_ms(6, 100), 600u + 300 + 200 + 200 + 200 + 100);
}

TEST(SemaphoreAsync, ExactlyKInFlightAndFirstComeFirstServed) {
  for (std::uint64_t limit : {1u, 3u, 7u}) {
    const SemaphoreRun run = run_semaphore_once(SemaphoreMode::Async, 7, limit, 5);
    expect_well_formed(run, 7, limit);
    // Every coroutine asks in the loop's first turn, so K of them hold a permit together.
    EXPECT_EQ(run.max_in_flight, limit);
    // Release hands the permit to the longest waiter: tasks get in in the order they asked.
    for (std::size_t i = 1; i < run.tasks.size(); ++i) EXPECT_LE(run.tasks[i - 1].acquired_ms, run.tasks[i].acquired_ms);
    for (const auto& t : run.tasks) EXPECT_EQ(t.tid, run.tasks[0].tid) << "one thread runs every coroutine";
  }
}

// At most 4 threads: the wasm suite's pthread pool holds 4, and a fifth would wait for ever.
TEST(SemaphoreThreads, NeverMoreThanKAndReachesK) {
  // K threads are in at once unless the machine keeps one from starting for a whole latency:
  // then try again. Never more than K is checked in every run.
  std::uint64_t best = 0;
  for (int attempt = 0; attempt < 3 && best < 2; ++attempt) {
    const SemaphoreRun run = run_semaphore_once(SemaphoreMode::Threads, 4, 2, 30);
    expect_well_formed(run, 4, 2);
    best = std::max(best, run.max_in_flight);
  }
  EXPECT_EQ(best, 2u);
}

TEST(SemaphoreThreads, OnePermitMeansOneAtATime) {
  const SemaphoreRun run = run_semaphore_once(SemaphoreMode::Threads, 4, 1, 2);
  expect_well_formed(run, 4, 1);
  EXPECT_EQ(run.max_in_flight, 1u);
}

TEST(SemaphoreSweep, EveryKFromOneToNWithItsIdeal) {
  SemaphoreOptions o;
  o.mode = SemaphoreMode::Async;
  o.tasks = 5;
  o.limit = 2;
  o.latency_ms = 3;
  o.sweep = true;
  const SemaphoreReport report = run_semaphore(o);
  expect_well_formed(report.run, 5, 2);
  ASSERT_EQ(report.sweep.size(), 5u);
  for (std::uint64_t k = 1; k <= 5; ++k) {
    const SemaphoreRun& row = report.sweep[k - 1];
    EXPECT_EQ(row.limit, k);
    EXPECT_EQ(row.ideal_ms, semaphore_ideal_ms(5, k, 3));
    EXPECT_EQ(row.max_in_flight, k);
    EXPECT_TRUE(row.tasks.empty()) << "the timeline is the main run's";
  }
  o.sweep = false;
  EXPECT_TRUE(run_semaphore(o).sweep.empty());
}

std::string refusal(const json& request) {
  try {
    semaphore_options_from_json(request);
  } catch (const ArgumentError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(SemaphoreOptions, RefusalsNameTheFlagAndRange) {
  EXPECT_EQ(refusal({{"tasks", 65}}), "--tasks must be an integer from 1 to 64 (got 65)");
  EXPECT_EQ(refusal({{"tasks", 0}}), "--tasks must be an integer from 1 to 64 (got 0)");
  EXPECT_EQ(refusal({{"tasks", 4}, {"limit", 5}}), "--limit must be an integer from 1 to --tasks (4) (got 5)");
  EXPECT_EQ(refusal({{"limit", 0}}), "--limit must be an integer from 1 to 64 (got 0)");
  EXPECT_EQ(refusal({{"latency_ms", 2001}}), "--latency-ms must be an integer from 0 to 2000 (got 2001)");
  EXPECT_EQ(refusal({{"tasks", 64}, {"limit", 1}, {"latency_ms", 400}}),
            "ceil(--tasks / --limit) x --latency-ms must be at most 20000 ms (got 25600)");
  EXPECT_NE(refusal({{"tasks", 64}, {"limit", 64}, {"latency_ms", 100}, {"sweep", true}}).find("got 33700"), std::string::npos);
  EXPECT_EQ(refusal({{"tasks", 64}, {"limit", 64}, {"latency_ms", 100}}), "accepted") << "without --sweep one wave is fine";
  EXPECT_EQ(refusal({{"mode", "processes"}}), "--mode must be one of threads|async (got 'processes')");
  EXPECT_EQ(refusal({{"sweep", "yes"}}), "--sweep must be true or false (got 'yes')");
  EXPECT_EQ(refusal({{"permits", 2}}), "unknown field 'permits' (expected mode, tasks, limit, latency_ms, sweep)");
  EXPECT_EQ(refusal(json::array()), "the request is a JSON object such as {\"tasks\": 6, \"limit\": 2}");
}

TEST(SemaphoreOptions, DigitsFromTheCliAndDefaults) {
  const SemaphoreOptions o = semaphore_options_from_json({{"mode", "async"}, {"tasks", "9"}, {"limit", "4"}, {"latency_ms", "0"}});
  EXPECT_EQ(o, (SemaphoreOptions{SemaphoreMode::Async, 9, 4, 0, false}));
  EXPECT_EQ(semaphore_options_from_json(json::object()), SemaphoreOptions{});
  EXPECT_EQ(semaphore_options_from_json(semaphore_options_to_json(o)), o);
}

TEST(SemaphoreReportJson, CarriesTheRunTheTasksAndTheSweep) {
  SemaphoreOptions o;
  o.mode = SemaphoreMode::Async;
  o.tasks = 3;
  o.limit = 3;
  o.latency_ms = 0;
  o.sweep = true;
  const json out = semaphore_report_to_json(run_semaphore(o));
  EXPECT_EQ(out["experiment"], "semaphore");
  EXPECT_EQ(out["mode"], "async");
  EXPECT_EQ(out["max_in_flight"], 3);
  EXPECT_TRUE(out["ratio"].is_null()) << "0 ms has no ideal to divide by";
  EXPECT_EQ(out["per_task"].size(), 3u);
  EXPECT_EQ(out["sweep_runs"].size(), 3u);
  EXPECT_EQ(out["sweep_runs"][0]["limit"], 1);
}

TEST(SemaphoreCatalog, InTheCoreCatalogWithItsRanges) {
  const json entry = catalog_to_json()["experiments"]["semaphore"];
  EXPECT_EQ(entry, semaphore_catalog_to_json());
  EXPECT_EQ(entry["modes"], json({"threads", "async"}));
  EXPECT_EQ(entry["limits"]["max_ideal_ms"], kMaxSemaphoreIdealMs);
  for (const auto& param : entry["params"]) {
    const ParamSpec& spec = semaphore_param_spec(param["key"].get<std::string>());
    EXPECT_EQ(param["flag"], spec.flag);
    if (param["kind"] == "integer") {
      // The range the catalog names is the one parsing enforces, at both ends.
      const std::string key = param["key"];
      EXPECT_EQ(refusal({{key, param["max"].get<std::uint64_t>() + 1}, {"tasks", 64}, {"limit", 64}, {"latency_ms", 1}}).find(
                    std::string(spec.flag) + " must be an integer from"),
                0u);
    }
  }
}

}  // namespace

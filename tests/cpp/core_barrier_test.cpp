#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "playground/barrier.hpp"
#include "playground/barrier_grid.hpp"
#include "playground/barrier_json.hpp"
#include "playground/catalog.hpp"
#include "playground/errors.hpp"

namespace {

using namespace playground;

BarrierOptions options(BarrierSync sync, std::uint64_t workers, std::uint64_t phases, std::uint64_t work_ms,
                       std::uint64_t skew_ms) {
  BarrierOptions o;
  o.sync = sync;
  o.workers = workers;
  o.phases = phases;
  o.work_ms = work_ms;
  o.skew_ms = skew_ms;
  return o;
}

std::string argument_error(const nlohmann::json& request) {
  try {
    barrier_options_from_json(request);
  } catch (const ArgumentError& e) {
    return e.what();
  }
  return "no error";
}

TEST(BarrierGrid, ReferenceFollowsTheRingByHand) {
  // seed [1, 2]; cell i = (left + 2 self + 3 right + phase) mod 1000003 + 1, neighbours mod 2
  const auto rows = reference_rows(2, 1);
  EXPECT_EQ(rows[0], (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(rows[1][0], (2 + 2 * 1 + 3 * 2 + 1) + 1u);
  EXPECT_EQ(rows[1][1], (1 + 2 * 2 + 3 * 1 + 1) + 1u);
}

TEST(BarrierGrid, AWrittenCellIsNeverTheUnwrittenValue) {
  for (std::uint64_t v : {0ull, 1ull, 1'000'002ull, 999'999ull})
    EXPECT_NE(next_cell(v, v, v, 1'000'003 - (6 * v) % 1'000'003), kUnwrittenCell);
}

TEST(BarrierGrid, AnUnwrittenNeighbourIsCountedAndChangesTheCell) {
  BarrierGrid grid(3, 2);
  grid.write(1, 0, 5);
  grid.write(1, 1, 7);  // cell 2 of row 1 not written yet
  const CellStep step = compute_cell(grid, 2, 1);
  EXPECT_EQ(step.stale_reads, 1u);
  EXPECT_EQ(step.value, next_cell(5, 7, 0, 2));
}

TEST(BarrierRun, BarrierKeepsEveryPhaseAfterThePreviousAndIsCorrect) {
  const BarrierOptions o = options(BarrierSync::Barrier, 4, 3, 1, 3);
  const BarrierReport report = run_barrier_threads(o);
  EXPECT_TRUE(report.correct());
  EXPECT_EQ(report.wrong_cells, 0u);
  EXPECT_EQ(report.stale_reads, 0u);
  EXPECT_EQ(report.final_row, report.reference_row);
  ASSERT_EQ(report.events.size(), 2u * o.workers * o.phases);  // a running and a waiting per worker and phase
  for (std::uint64_t p = 1; p < o.phases; ++p) {
    double last_end = 0;
    double first_next_start = 1e18;
    for (const auto& e : report.events) {
      if (e.state == WorkerState::Running && e.phase == p) last_end = std::max(last_end, e.end_ms);
      if (e.state == WorkerState::Running && e.phase == p + 1) first_next_start = std::min(first_next_start, e.start_ms);
    }
    EXPECT_LE(last_end, first_next_start) << "phase " << p + 1 << " began before phase " << p << " ended";
  }
  ASSERT_EQ(report.workers.size(), 4u);
  EXPECT_EQ(report.workers[3].work_ms, 1u + 3 * 3);
  EXPECT_TRUE(report.phase_costs.empty());
}

TEST(BarrierRun, JoinPerPhaseIsCorrectAndMeasuresEachPhase) {
  const BarrierOptions o = options(BarrierSync::Join, 3, 4, 1, 1);
  const BarrierReport report = run_barrier_threads(o);
  EXPECT_TRUE(report.correct());
  EXPECT_EQ(report.stale_reads, 0u);
  ASSERT_EQ(report.phase_costs.size(), o.phases);
  for (std::uint64_t p = 0; p < o.phases; ++p) {
    EXPECT_EQ(report.phase_costs[p].phase, p + 1);
    EXPECT_GE(report.phase_costs[p].start_ms, 0.0);
    EXPECT_GE(report.phase_costs[p].join_ms, 0.0);
  }
  for (const auto& e : report.events) EXPECT_EQ(e.state, WorkerState::Running) << "no barrier, so no wait at one";
}

TEST(BarrierRun, NoneGoesWrongOnlyThroughStaleReads) {
  // Worker 0 reads its slow neighbours' cells tens of ms before they are written; a loaded
  // machine might still hold it back that long, so a few tries.
  const BarrierOptions o = options(BarrierSync::None, 4, 3, 1, 30);
  BarrierReport report;
  for (int attempt = 0; attempt < 3; ++attempt) {
    report = run_barrier_threads(o);
    // Whatever the timing: a wrong cell needs a stale read, and no stale read means the right answer.
    EXPECT_EQ(report.correct(), report.stale_reads == 0);
    if (!report.correct()) break;
  }
  EXPECT_FALSE(report.correct()) << "none never overlapped its phases in 3 runs";
  EXPECT_GT(report.wrong_cells, 0u);
  EXPECT_NE(report.checksum, report.reference_checksum);
  std::uint64_t per_worker = 0;
  for (const auto& w : report.workers) per_worker += w.stale_reads;
  EXPECT_EQ(per_worker, report.stale_reads);
}

TEST(BarrierOptions, BadInputNamesTheFlagAndTheRange) {
  EXPECT_EQ(argument_error({{"workers", 17}}), "--workers must be an integer from 2 to 16 (got 17)");
  EXPECT_EQ(argument_error({{"phases", 0}}), "--phases must be an integer from 1 to 50 (got 0)");
  EXPECT_EQ(argument_error({{"sync", "wait"}}), "--sync must be one of barrier|join|none (got 'wait')");
  EXPECT_EQ(argument_error({{"phases", 50}, {"work_ms", 1000}}),
            "--phases x (--work-ms + (--workers - 1) x --skew-ms) must be at most 20000 ms (got 51500)");
  EXPECT_NE(argument_error({{"skew", 1}}).find("unknown field 'skew'"), std::string::npos);
  EXPECT_THROW(run_barrier_threads(options(BarrierSync::Barrier, 1, 1, 0, 0)), ArgumentError);
}

TEST(BarrierJson, OptionsSurviveTheirJsonAndTheReportSaysWhatHappened) {
  const BarrierOptions o = options(BarrierSync::Join, 2, 2, 0, 1);
  EXPECT_EQ(barrier_options_from_json(barrier_options_to_json(o)), o);
  EXPECT_EQ(barrier_options_from_json({{"workers", "3"}}).workers, 3u);  // the CLI's raw text
  const nlohmann::json report = barrier_report_to_json(run_barrier_threads(o));
  EXPECT_EQ(report["experiment"], "barrier");
  EXPECT_EQ(report["sync"], "join");
  EXPECT_EQ(report["correct"], true);
  EXPECT_EQ(report["checksum"], report["reference_checksum"]);
  EXPECT_EQ(report["phase_costs"].size(), 2u);
  EXPECT_EQ(report["per_worker"].size(), 2u);
}

TEST(BarrierCatalog, CarriesEveryInputWithItsRange) {
  const nlohmann::json catalog = catalog_to_json()["experiments"]["barrier"];
  EXPECT_EQ(catalog, barrier_catalog_to_json());
  EXPECT_EQ(catalog["syncs"], nlohmann::json({"barrier", "join", "none"}));
  EXPECT_EQ(catalog["limits"]["max_slowest_ms"], kMaxBarrierSlowestMs);
  ASSERT_EQ(catalog["params"].size(), barrier_param_specs().size());
  for (const auto& param : catalog["params"]) {
    const ParamSpec& spec = barrier_param_spec(param["key"].get<std::string>());
    EXPECT_EQ(param["flag"], spec.flag);
    if (spec.kind == ParamKind::Integer) {
      // The range the catalog names is the one parsing enforces, just past either end.
      const std::string key = param["key"];
      const std::string refused = std::string(spec.flag) + " must be an integer from";
      EXPECT_EQ(argument_error({{key, param["max"].get<std::uint64_t>() + 1}}).find(refused), 0u) << key;
      if (spec.min > 0) EXPECT_EQ(argument_error({{key, spec.min - 1}}).find(refused), 0u) << key;
      EXPECT_EQ(param["default"], *spec.default_number);
    }
  }
}

}  // namespace

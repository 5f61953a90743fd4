#include "mpi/mpi_barrier.hpp"

#include <chrono>
#include <iostream>
#include <thread>
#include <vector>

#include <mpi.h>
#include <nlohmann/json.hpp>

#include "cli/barrier_output.hpp"
#include "cli/mpi_demo.hpp"
#include "mpi/mpi_verdict.hpp"
#include "mpi/mpi_world.hpp"
#include "playground/barrier.hpp"
#include "playground/barrier_grid.hpp"
#include "playground/barrier_json.hpp"
#include "playground/platform.hpp"

namespace cplay::mpi {
namespace {

using nlohmann::json;
using playground::BarrierEvent;
using playground::BarrierOptions;
using playground::WorkerState;

constexpr int kGridRank = 0;

// The ring's rows 0..P in one window on rank 0, open for the whole run (MPI_Win_lock_all). Every
// access is an MPI atomic on one cell (Fetch_and_op NO_OP reads, Accumulate REPLACE writes), so a
// read that races a write gets the old cell or the new one, as with the threads' atomics.
class GridWindow {
 public:
  GridWindow(const World& world, std::size_t columns, std::size_t phases) : columns_(columns) {
    const std::size_t cells = (phases + 1) * columns;
    const MPI_Aint bytes = world.root() ? static_cast<MPI_Aint>(cells * sizeof(std::uint64_t)) : 0;
    MPI_Win_allocate(bytes, sizeof(std::uint64_t), MPI_INFO_NULL, MPI_COMM_WORLD, &base_, &window_);
    if (world.root()) {
      // Row 0 seeded, every later cell unwritten; put through the window like every later write.
      std::vector<std::uint64_t> initial(cells, playground::kUnwrittenCell);
      for (std::size_t c = 0; c < columns; ++c) initial[c] = playground::seed_cell(c);
      MPI_Win_lock(MPI_LOCK_EXCLUSIVE, kGridRank, 0, window_);
      MPI_Put(initial.data(), static_cast<int>(cells), MPI_UINT64_T, kGridRank, 0, static_cast<int>(cells),
              MPI_UINT64_T, window_);
      MPI_Win_unlock(kGridRank, window_);
    }
    world.barrier();
    MPI_Win_lock_all(0, window_);
  }
  ~GridWindow() {
    MPI_Win_unlock_all(window_);
    MPI_Win_free(&window_);
  }
  GridWindow(const GridWindow&) = delete;
  GridWindow& operator=(const GridWindow&) = delete;

  std::uint64_t read(std::size_t row, std::size_t column) const {
    std::uint64_t value = 0;
    MPI_Fetch_and_op(nullptr, &value, MPI_UINT64_T, kGridRank, offset(row, column), MPI_NO_OP, window_);
    MPI_Win_flush(kGridRank, window_);
    return value;
  }
  void write(std::size_t row, std::size_t column, std::uint64_t value) const {
    MPI_Accumulate(&value, 1, MPI_UINT64_T, kGridRank, offset(row, column), 1, MPI_UINT64_T, MPI_REPLACE, window_);
    MPI_Win_flush(kGridRank, window_);  // complete at rank 0 before this rank reaches the barrier
  }

 private:
  MPI_Aint offset(std::size_t row, std::size_t column) const { return static_cast<MPI_Aint>(row * columns_ + column); }

  std::size_t columns_;
  std::uint64_t* base_ = nullptr;
  MPI_Win window_ = MPI_WIN_NULL;
};

// What one rank saw, sent to rank 0 as JSON text.
struct RankLog {
  std::string host;
  std::uint64_t stale_reads = 0;
  double waited_ms = 0;
  std::vector<BarrierEvent> events;
};

std::string log_to_text(const RankLog& log) {
  json events = json::array();
  for (const BarrierEvent& e : log.events)
    events.push_back({e.phase, e.state == WorkerState::Waiting, e.start_ms, e.end_ms});
  return json{{"host", log.host}, {"stale_reads", log.stale_reads}, {"waited_ms", log.waited_ms}, {"events", events}}
      .dump();
}

RankLog log_from_text(const std::string& text, std::uint64_t worker) {
  const json in = json::parse(text);
  RankLog log{in.at("host").get<std::string>(), in.at("stale_reads").get<std::uint64_t>(),
              in.at("waited_ms").get<double>(), {}};
  for (const json& e : in.at("events"))
    log.events.push_back({worker, e.at(0).get<std::uint64_t>(), e.at(1).get<bool>() ? WorkerState::Waiting : WorkerState::Running,
                          e.at(2).get<double>(), e.at(3).get<double>()});
  return log;
}

// This rank's phases. Its clock starts as it leaves the barrier that starts every rank together.
RankLog run_phases(const World& world, const GridWindow& grid, const BarrierOptions& options) {
  const auto worker = static_cast<std::size_t>(world.rank());
  const std::size_t n = options.workers;
  const auto work = std::chrono::milliseconds(playground::barrier_work_ms(options, worker));
  RankLog log;
  log.host = world.host();
  log.events.reserve(2 * options.phases);
  world.barrier();
  const double origin = playground::now_ms();
  const auto since_start = [origin] { return playground::now_ms() - origin; };
  for (std::size_t p = 1; p <= options.phases; ++p) {
    // snippet-begin: mpi-barrier-phase
    const double start = since_start();
    const std::uint64_t left = grid.read(p - 1, (worker + n - 1) % n);
    const std::uint64_t self = grid.read(p - 1, worker);
    const std::uint64_t right = grid.read(p - 1, (worker + 1) % n);
    std::this_thread::sleep_for(work);
    grid.write(p, worker, playground::next_cell(left, self, right, p));
    log.stale_reads += (left == playground::kUnwrittenCell) + (self == playground::kUnwrittenCell) +
                       (right == playground::kUnwrittenCell);
    log.events.push_back({worker, p, WorkerState::Running, start, since_start()});
    if (options.sync != playground::BarrierSync::Barrier) continue;  // none: straight on
    const double arrived = since_start();
    MPI_Barrier(MPI_COMM_WORLD);  // no rank leaves before every rank has written its cell
    const double left_barrier = since_start();
    // snippet-end: mpi-barrier-phase
    log.waited_ms += left_barrier - arrived;
    log.events.push_back({worker, p, WorkerState::Waiting, arrived, left_barrier});
  }
  return log;
}

playground::BarrierReport assemble(const BarrierOptions& options, const GridWindow& grid,
                                   const std::vector<RankLog>& logs, double wall_ms) {
  playground::BarrierReport report;
  report.options = options;
  report.wall_ms = wall_ms;
  for (std::size_t w = 0; w < logs.size(); ++w) {
    const RankLog& log = logs[w];
    report.workers.push_back({w, playground::barrier_work_ms(options, w), log.stale_reads, log.waited_ms});
    report.stale_reads += log.stale_reads;
    report.events.insert(report.events.end(), log.events.begin(), log.events.end());
  }
  playground::judge_barrier_run(report, [&grid](std::size_t row, std::size_t column) { return grid.read(row, column); });
  return report;
}

}  // namespace

int run_mpi_barrier(const json& request, bool json_output, std::span<char* const> argv) {
  int argc = static_cast<int>(argv.size());
  char** args = const_cast<char**>(argv.data());
  World world(argc, args);
  const auto checked = decided_on_root(world, [&] {
    json raw = request;
    if (!raw.contains("workers")) raw["workers"] = world.size();
    const BarrierOptions options = playground::barrier_options_from_json(raw);
    check_mpi_barrier_options(options);
    check_one_rank_per_worker(world, options.workers);
    return playground::barrier_options_to_json(options).dump();
  });
  if (!checked) return 2;
  const BarrierOptions options = playground::barrier_options_from_json(json::parse(*checked));

  const GridWindow grid(world, options.workers, options.phases);
  const double started = playground::now_ms();
  const RankLog mine = run_phases(world, grid, options);
  const std::vector<std::string> texts = world.gather(log_to_text(mine));
  // Every cell is written (and flushed) before rank 0 reads the grid, even without a barrier.
  world.barrier();
  if (!world.root()) return 0;
  std::vector<RankLog> logs;
  std::vector<std::string> hosts;
  for (std::size_t w = 0; w < texts.size(); ++w) {
    logs.push_back(log_from_text(texts[w], w));
    hosts.push_back(logs.back().host);
  }
  const playground::BarrierReport report = assemble(options, grid, logs, playground::now_ms() - started);
  if (json_output) {
    json out = playground::barrier_report_to_json(report);
    out["mpi"] = {{"library", world.library()}, {"hosts", hosts}};
    std::cout << out.dump() << std::endl;
  } else {
    print_barrier(std::cout, report, "MPI ranks");
    std::cout << "MPI: " << world.library() << "; one rank per worker; ranks on";
    for (std::size_t w = 0; w < hosts.size(); ++w) std::cout << (w == 0 ? " " : ", ") << w << "@" << hosts[w];
    std::cout << std::endl;
  }
  return report.correct() ? 0 : 1;
}

}  // namespace cplay::mpi

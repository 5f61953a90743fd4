#include <algorithm>
#include <barrier>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "playground/barrier.hpp"
#include "playground/barrier_grid.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"

namespace playground {
namespace {

// What one worker saw; only its own thread writes it, and the main thread reads it after the join.
struct alignas(64) BarrierWorkerLog {
  std::uint64_t stale_reads = 0;
  double waited_ms = 0;
  double last_finish_ms = 0;  // join: when this phase's work ended, from the run's start
  std::vector<BarrierEvent> events;
};

struct Run {
  const BarrierOptions& options;
  BarrierGrid grid;
  std::vector<BarrierWorkerLog> logs;
  double origin_ms;

  explicit Run(const BarrierOptions& o)
      : options(o), grid(o.workers, o.phases), logs(o.workers), origin_ms(now_ms()) {
    // Reserved up front so that a worker's push_back never allocates (and so never throws).
    for (auto& log : logs) log.events.reserve(2 * o.phases);
  }
  double since_start() const { return now_ms() - origin_ms; }

  // One worker's phase: read row p-1, work, write its cell of row p.
  void work_phase(std::size_t worker, std::size_t phase) {
    BarrierWorkerLog& log = logs[worker];
    const double start = since_start();
    const CellStep step = compute_cell(grid, phase, worker);
    std::this_thread::sleep_for(std::chrono::milliseconds(barrier_work_ms(options, worker)));
    grid.write(phase, worker, step.value);
    log.stale_reads += step.stale_reads;
    log.last_finish_ms = since_start();
    log.events.push_back({worker, phase, WorkerState::Running, start, log.last_finish_ms});
  }
};

// Holds the long-lived workers until all have started, so that none reaches the barrier waiting
// for a party that failed to start: on a failed start they are told to leave instead.
class StartGate {
 public:
  void open(bool go) {
    {
      const std::lock_guard guard(mutex_);
      state_ = go ? State::Go : State::Abort;
    }
    changed_.notify_all();
  }
  bool wait() {
    std::unique_lock guard(mutex_);
    changed_.wait(guard, [this] { return state_ != State::Waiting; });
    return state_ == State::Go;
  }

 private:
  enum class State { Waiting, Go, Abort };
  std::mutex mutex_;
  std::condition_variable changed_;
  State state_ = State::Waiting;
};

// Joins every thread it started, however the run ends.
class JoinedThreads {
 public:
  JoinedThreads() = default;
  JoinedThreads(const JoinedThreads&) = delete;
  JoinedThreads& operator=(const JoinedThreads&) = delete;
  ~JoinedThreads() { join(); }

  template <typename Body>
  void start(Body&& body) {
    try {
      threads_.emplace_back(std::forward<Body>(body));
    } catch (const std::system_error& e) {
      throw RunError(std::string("could not start a worker thread: ") + e.what());
    }
  }
  void join() {
    for (auto& thread : threads_)
      if (thread.joinable()) thread.join();
    threads_.clear();
  }

 private:
  std::vector<std::thread> threads_;
};

// barrier and none: N threads for the whole run; with a barrier they meet after every phase.
void run_long_lived(Run& run, bool meet) {
  const std::size_t n = run.options.workers;
  std::barrier phase_end(static_cast<std::ptrdiff_t>(n));
  StartGate gate;
  JoinedThreads threads;
  try {
    for (std::size_t w = 0; w < n; ++w)
      threads.start([&run, &phase_end, &gate, meet, w] {
        if (!gate.wait()) return;
        BarrierWorkerLog& log = run.logs[w];
        // snippet-begin: barrier-wait
        for (std::size_t p = 1; p <= run.options.phases; ++p) {
          run.work_phase(w, p);  // reads row p-1, works, writes its cell of row p
          if (!meet) continue;   // none: straight on to the next phase
          const double arrived = run.since_start();
          phase_end.arrive_and_wait();  // every worker passes together, once all have arrived
          const double left = run.since_start();
          log.waited_ms += left - arrived;
          log.events.push_back({w, p, WorkerState::Waiting, arrived, left});
        }
        // snippet-end: barrier-wait
      });
  } catch (...) {
    gate.open(false);
    throw;  // JoinedThreads joins the started ones, which leave without touching the barrier
  }
  gate.open(true);
  threads.join();
}

// join: N new threads per phase, all joined before the next phase starts.
std::vector<BarrierPhaseCost> run_join_per_phase(Run& run) {
  std::vector<BarrierPhaseCost> costs;
  for (std::size_t p = 1; p <= run.options.phases; ++p) {
    // snippet-begin: join-per-phase
    JoinedThreads threads;
    const double before_start = run.since_start();
    for (std::size_t w = 0; w < run.options.workers; ++w) threads.start([&run, w, p] { run.work_phase(w, p); });
    const double started = run.since_start();
    threads.join();  // waits for each thread to finish: the next phase sees this one's every cell
    const double joined = run.since_start();
    // snippet-end: join-per-phase
    double last_finish = 0;
    for (const BarrierWorkerLog& log : run.logs) last_finish = std::max(last_finish, log.last_finish_ms);
    costs.push_back({p, started - before_start, std::max(0.0, joined - last_finish)});
  }
  return costs;
}

}  // namespace

BarrierReport run_barrier_threads(const BarrierOptions& options) {
  validate_barrier_options(options);
  Run run(options);
  BarrierReport report;
  report.options = options;
  switch (options.sync) {
    case BarrierSync::Barrier: run_long_lived(run, true); break;
    case BarrierSync::None: run_long_lived(run, false); break;
    case BarrierSync::Join: report.phase_costs = run_join_per_phase(run); break;
  }
  report.wall_ms = run.since_start();
  for (std::size_t w = 0; w < options.workers; ++w) {
    const BarrierWorkerLog& log = run.logs[w];
    report.workers.push_back({w, barrier_work_ms(options, w), log.stale_reads, log.waited_ms});
    report.stale_reads += log.stale_reads;
    report.events.insert(report.events.end(), log.events.begin(), log.events.end());
  }
  judge_barrier_run(report, [&run](std::size_t row, std::size_t column) { return run.grid.read(row, column); });
  return report;
}

void judge_barrier_run(BarrierReport& report, const std::function<std::uint64_t(std::size_t, std::size_t)>& cell) {
  const BarrierOptions& options = report.options;
  const auto reference = reference_rows(options.workers, options.phases);
  for (std::size_t p = 1; p <= options.phases; ++p)
    for (std::size_t c = 0; c < options.workers; ++c)
      if (cell(p, c) != reference[p][c]) ++report.wrong_cells;
  for (std::size_t c = 0; c < options.workers; ++c) {
    report.final_row.push_back(cell(options.phases, c));
    report.checksum += report.final_row.back();
  }
  report.reference_row = reference[options.phases];
  for (std::uint64_t value : report.reference_row) report.reference_checksum += value;
  std::sort(report.events.begin(), report.events.end(),
            [](const BarrierEvent& a, const BarrierEvent& b) { return a.start_ms < b.start_ms; });
}

}  // namespace playground

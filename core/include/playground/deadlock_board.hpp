#pragma once
// The parts of the deadlock experiment that threads and processes share: the board every worker
// writes what it holds and waits for on (in ordinary memory for threads, in a shared mapping for
// processes), the locks' interface, one worker's loop, and the watchdog that reads the board.
#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "playground/deadlock.hpp"

namespace playground {

inline constexpr std::int32_t kNobody = -1;
inline constexpr std::size_t kDeadlockEventCap = 512;  // per worker; later ones are dropped
// A worker waits in timed attempts this long, checking the cancel flag between them: a
// plain blocking lock could never be taken back from a deadlocked worker.
inline constexpr double kLockAttemptMs = 5;
inline constexpr double kWatchdogSampleMs = 10;

// Every atomic here is lock-free, hence address-free: usable by processes sharing the mapping.
static_assert(std::atomic<std::int32_t>::is_always_lock_free && std::atomic<std::uint32_t>::is_always_lock_free &&
                  std::atomic<bool>::is_always_lock_free,
              "the deadlock board needs lock-free atomics");

// What a worker writes only for itself, read once it has ended (after join or waitpid).
struct WorkerLog {
  std::int64_t pid = 0;
  std::int64_t tid = 0;
  double start_ms = 0;
  double end_ms = 0;
  std::uint64_t rounds_completed = 0;
  std::uint64_t retries = 0;
  bool gave_up = false;
  std::uint32_t event_count = 0;
  bool events_truncated = false;
  std::array<Event, kDeadlockEventCap> events{};
};

struct DeadlockBoard {
  std::array<std::atomic<std::int32_t>, kMaxDeadlockWorkers> owner;        // lock -> worker, or kNobody
  std::array<std::atomic<std::int32_t>, kMaxDeadlockWorkers> waiting_for;  // worker -> lock, or kNobody
  // Bumped each time a worker starts a wait: the same number in two samples means it waited
  // the whole time in between.
  std::array<std::atomic<std::uint32_t>, kMaxDeadlockWorkers> wait_number;
  std::array<std::atomic<bool>, kMaxDeadlockWorkers> finished;
  std::atomic<bool> go{false};      // the start line: every worker is there
  std::atomic<bool> cancel{false};  // the watchdog's order to give up
  std::array<WorkerLog, kMaxDeadlockWorkers> logs;

  DeadlockBoard();
};

// The locks themselves: std::timed_mutex for threads, process-shared pthread mutexes for
// processes. The board records ownership; these only lock.
class DeadlockLocks {
 public:
  virtual ~DeadlockLocks() = default;
  virtual bool lock_for(std::size_t lock, double ms) = 0;  // true once taken, false after ms
  virtual bool try_lock(std::size_t lock) = 0;
  virtual void unlock(std::size_t lock) = 0;
};

// Which lock worker `worker` of `workers` reaches for first and second under `order`.
std::size_t first_lock(LockOrder order, std::size_t worker, std::size_t workers);
std::size_t second_lock(LockOrder order, std::size_t worker, std::size_t workers);

// One worker's whole run: waits at the start line, then its rounds, writing the board and its
// log. Returns when done or cancelled, holding nothing. `origin_ms` is the run's start on
// now_ms()'s clock, which every process shares.
void run_lock_worker(std::size_t worker, const DeadlockOptions&, DeadlockBoard&, DeadlockLocks&, double origin_ms);

// The wait-for graph at one moment: the links of the first cycle found, if any.
struct WaitSample {
  std::vector<std::int32_t> owner;
  std::vector<std::int32_t> waiting_for;
  std::vector<std::uint32_t> wait_number;
};
WaitSample sample_board(const DeadlockBoard&, std::size_t workers);
std::optional<std::vector<WaitLink>> find_wait_cycle(const WaitSample&);

// Calls a deadlock only on a cycle whose workers kept the same waits over two samples in a row:
// they waited the whole time between, so they were stuck together (not a torn reading).
class Watchdog {
 public:
  explicit Watchdog(std::size_t workers) : workers_(workers) {}
  std::optional<std::vector<WaitLink>> check(const DeadlockBoard&);
  std::uint64_t samples() const { return samples_; }

 private:
  std::size_t workers_;
  std::optional<WaitSample> previous_;
  std::uint64_t samples_ = 0;
};

// The report from the board once every worker has ended.
DeadlockReport collect_deadlock_report(const DeadlockOptions&, const DeadlockBoard&, std::optional<std::vector<WaitLink>> cycle,
                                       std::optional<double> detected_ms, std::uint64_t samples, double wall_ms);

}  // namespace playground

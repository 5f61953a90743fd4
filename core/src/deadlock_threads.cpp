#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "playground/deadlock.hpp"
#include "playground/deadlock_board.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"

namespace playground {
namespace {

// Longer than any valid run (kMaxDeadlockSerialMs plus backing off): past it the run is cancelled.
constexpr double kThreadsBudgetMs = 60'000;

// A lock a thread can stop waiting for: a flag under a std::mutex, and a condition variable to
// wait on with a timeout. (std::timed_mutex would do the same; GCC 12's waits on it through
// pthread_mutex_clocklock, which ThreadSanitizer does not follow, so it would report false races.)
class TimedLock {
 public:
  bool lock_for(double ms) {
    std::unique_lock guard(mutex_);
    if (!freed_.wait_for(guard, std::chrono::duration<double, std::milli>(ms), [this] { return !held_; })) return false;
    held_ = true;
    return true;
  }
  bool try_lock() {
    const std::lock_guard guard(mutex_);
    if (held_) return false;
    held_ = true;
    return true;
  }
  void unlock() {
    {
      const std::lock_guard guard(mutex_);
      held_ = false;
    }
    freed_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  bool held_ = false;
};

class ThreadLocks final : public DeadlockLocks {
 public:
  bool lock_for(std::size_t lock, double ms) override { return locks_[lock].lock_for(ms); }
  bool try_lock(std::size_t lock) override { return locks_[lock].try_lock(); }
  void unlock(std::size_t lock) override { locks_[lock].unlock(); }

 private:
  std::array<TimedLock, kMaxDeadlockWorkers> locks_;
};

// Joins every started worker however the run ends; a cancel first, so none is left waiting.
class WorkerThreads {
 public:
  explicit WorkerThreads(DeadlockBoard& board) : board_(board) {}
  WorkerThreads(const WorkerThreads&) = delete;
  WorkerThreads& operator=(const WorkerThreads&) = delete;
  ~WorkerThreads() {
    if (!joined_) {
      board_.cancel.store(true);
      join();
    }
  }
  void start(std::size_t worker, const DeadlockOptions& options, DeadlockLocks& locks, double origin_ms) {
    threads_.emplace_back(run_lock_worker, worker, std::cref(options), std::ref(board_), std::ref(locks), origin_ms);
  }
  void join() {
    for (auto& thread : threads_)
      if (thread.joinable()) thread.join();
    joined_ = true;
  }

 private:
  DeadlockBoard& board_;
  std::vector<std::thread> threads_;
  bool joined_ = false;
};

bool all_finished(const DeadlockBoard& board, std::size_t workers) {
  for (std::size_t w = 0; w < workers; ++w)
    if (!board.finished[w].load()) return false;
  return true;
}

}  // namespace

DeadlockReport run_deadlock_threads(const DeadlockOptions& options) {
  validate_deadlock_options(options);
  const auto board = std::make_unique<DeadlockBoard>();
  ThreadLocks locks;  // outlives the threads: declared before them
  const double origin = now_ms();
  WorkerThreads threads(*board);
  try {
    for (std::size_t w = 0; w < options.workers; ++w) threads.start(w, options, locks, origin);
  } catch (const std::system_error& e) {
    throw RunError(std::string("could not start a worker thread: ") + e.what());
  }
  board->go.store(true);

  Watchdog watchdog(options.workers);
  std::optional<std::vector<WaitLink>> cycle;
  std::optional<double> detected_ms;
  while (!all_finished(*board, options.workers)) {
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(kWatchdogSampleMs));
    if (!cycle && (cycle = watchdog.check(*board))) {
      detected_ms = now_ms() - origin;
      board->cancel.store(true);  // the stuck workers give up within one timed attempt
    }
    if (now_ms() - origin > kThreadsBudgetMs) {
      board->cancel.store(true);
      threads.join();
      throw RunError("the deadlock run passed its " + std::to_string(static_cast<int>(kThreadsBudgetMs / 1000)) +
                         " s budget and was cancelled",
                     "timeout");
    }
  }
  threads.join();
  return collect_deadlock_report(options, *board, std::move(cycle), detected_ms, watchdog.samples(), now_ms() - origin);
}

}  // namespace playground

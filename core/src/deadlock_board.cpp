#include "playground/deadlock_board.hpp"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "playground/platform.hpp"

namespace playground {
namespace {

// A worker that lets go and backs off this many times in one round is livelocked: it gives up.
constexpr std::uint64_t kMaxRetriesPerRound = 1000;

void sleep_ms(double ms) { std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(ms)); }

// One worker's view of the board, so its loop reads as the lesson does.
class LockWorker {
 public:
  LockWorker(std::size_t worker, const DeadlockOptions& options, DeadlockBoard& board, DeadlockLocks& locks,
             double origin_ms)
      : worker_(worker),
        options_(options),
        board_(board),
        locks_(locks),
        log_(board.logs[worker]),
        origin_ms_(origin_ms),
        jitter_(static_cast<std::uint32_t>(worker * 7919 + static_cast<std::uint64_t>(now_ms() * 1000))) {}

  void run() {
    log_.pid = current_pid();
    log_.tid = current_tid();
    while (!board_.go.load() && !cancelled()) sleep_ms(0.2);
    log_.start_ms = elapsed();
    const std::size_t workers = options_.workers;
    const std::size_t first = first_lock(options_.order, worker_, workers);
    const std::size_t second = second_lock(options_.order, worker_, workers);
    for (std::uint64_t round = 0; round < options_.rounds && !log_.gave_up; ++round) {
      if (one_round(first, second)) ++log_.rounds_completed;
      else log_.gave_up = true;
    }
    log_.end_ms = elapsed();
    board_.finished[worker_].store(true);
  }

 private:
  // Take both locks, hold them, let go. False when cancelled or livelocked, holding nothing.
  bool one_round(std::size_t first, std::size_t second) {
    if (!acquire(first)) return false;
    double held_since = elapsed();
    if (!hold(options_.hold_ms)) return release_after(first, held_since);
    if (options_.strategy == LockStrategy::Block) {
      record(WorkerState::Running, held_since, elapsed());
      if (!acquire(second)) {
        release(first);
        return false;
      }
      held_since = elapsed();
    } else {
      // try-lock: never wait while holding a lock. On failure let go of the first, back off a
      // random while (so two workers do not retry in step), take the first again and try at once.
      // snippet-begin: try-lock-backoff
      for (std::uint64_t tries = 0; !locks_.try_lock(second); ++tries) {
        release(first);
        record(WorkerState::Running, held_since, elapsed());
        ++log_.retries;
        if (tries + 1 >= kMaxRetriesPerRound) return false;
        const double backoff_start = elapsed();
        std::uniform_real_distribution<double> backoff(1, std::max<double>(2, static_cast<double>(options_.hold_ms)));
        const bool rested = hold(backoff(jitter_));
        record(WorkerState::Waiting, backoff_start, elapsed());
        if (!rested || !acquire(first)) return false;
        held_since = elapsed();
      }
      // snippet-end: try-lock-backoff
      board_.owner[second].store(static_cast<std::int32_t>(worker_));
    }
    const bool worked = hold(options_.hold_ms);
    release(second);
    release(first);
    record(WorkerState::Running, held_since, elapsed());
    return worked;
  }

  // Waits for `lock` in timed attempts, telling the board what it waits for; false, holding
  // nothing new, once the watchdog cancels.
  bool acquire(std::size_t lock) {
    board_.waiting_for[worker_].store(static_cast<std::int32_t>(lock));
    board_.wait_number[worker_].fetch_add(1);
    const double wait_start = elapsed();
    bool taken = false;
    while (!(taken = locks_.lock_for(lock, kLockAttemptMs)) && !cancelled()) {
    }
    if (taken) board_.owner[lock].store(static_cast<std::int32_t>(worker_));
    board_.waiting_for[worker_].store(kNobody);
    record(WorkerState::Waiting, wait_start, elapsed());
    return taken;
  }

  // The board forgets the owner before the lock is free, so it never names a past owner.
  void release(std::size_t lock) {
    board_.owner[lock].store(kNobody);
    locks_.unlock(lock);
  }

  bool release_after(std::size_t lock, double held_since) {
    release(lock);
    record(WorkerState::Running, held_since, elapsed());
    return false;
  }

  // Sleeps `ms` in short steps so that a cancel is seen; false when cancelled.
  bool hold(double ms) {
    const double until = now_ms() + ms;
    for (double left = ms; left > 0; left = until - now_ms()) {
      if (cancelled()) return false;
      sleep_ms(std::min(left, kLockAttemptMs));
    }
    return !cancelled();
  }

  void record(WorkerState state, double start_ms, double end_ms) {
    if (log_.event_count > 0) {
      Event& last = log_.events[log_.event_count - 1];
      if (last.state == state && start_ms - last.end_ms < 0.05) {
        last.end_ms = end_ms;
        return;
      }
    }
    if (log_.event_count >= log_.events.size()) {
      log_.events_truncated = true;
      return;
    }
    log_.events[log_.event_count++] = {worker_, state, start_ms, end_ms};
  }

  bool cancelled() const { return board_.cancel.load(); }
  double elapsed() const { return now_ms() - origin_ms_; }

  std::size_t worker_;
  const DeadlockOptions& options_;
  DeadlockBoard& board_;
  DeadlockLocks& locks_;
  WorkerLog& log_;
  double origin_ms_;
  std::minstd_rand jitter_;
};

}  // namespace

DeadlockBoard::DeadlockBoard() {
  for (auto& o : owner) o.store(kNobody);
  for (auto& w : waiting_for) w.store(kNobody);
  for (auto& n : wait_number) n.store(0);
  for (auto& f : finished) f.store(false);
}

// Opposite: lock i, then its neighbour i+1, round the ring. Consistent: the same two locks, the
// lower number first, so every worker climbs the same order and no ring can close.
// snippet-begin: lock-orders
std::size_t first_lock(LockOrder order, std::size_t worker, std::size_t workers) {
  const std::size_t next = (worker + 1) % workers;
  return order == LockOrder::Opposite ? worker : std::min(worker, next);
}

std::size_t second_lock(LockOrder order, std::size_t worker, std::size_t workers) {
  const std::size_t next = (worker + 1) % workers;
  return order == LockOrder::Opposite ? next : std::max(worker, next);
}
// snippet-end: lock-orders

void run_lock_worker(std::size_t worker, const DeadlockOptions& options, DeadlockBoard& board, DeadlockLocks& locks,
                     double origin_ms) {
  LockWorker(worker, options, board, locks, origin_ms).run();
}

WaitSample sample_board(const DeadlockBoard& board, std::size_t workers) {
  WaitSample sample;
  for (std::size_t i = 0; i < workers; ++i) {
    sample.owner.push_back(board.owner[i].load());
    sample.waiting_for.push_back(board.waiting_for[i].load());
    sample.wait_number.push_back(board.wait_number[i].load());
  }
  return sample;
}

// Each worker waits for at most one lock and each lock has at most one owner, so following
// worker -> awaited lock -> its owner from a worker either ends or comes back round. Trying the
// workers in order, the first that comes back is the cycle's lowest worker: one cycle, one answer.
std::optional<std::vector<WaitLink>> find_wait_cycle(const WaitSample& sample) {
  const std::size_t workers = sample.waiting_for.size();
  const auto owner_of = [&](std::int32_t lock) -> std::int32_t {
    return lock >= 0 && static_cast<std::size_t>(lock) < sample.owner.size() ? sample.owner[lock] : kNobody;
  };
  for (std::size_t start = 0; start < workers; ++start) {
    std::vector<std::size_t> path{start};
    std::size_t at = start;
    for (std::size_t step = 0; step < workers; ++step) {
      const std::int32_t next = owner_of(sample.waiting_for[at]);
      if (next < 0 || static_cast<std::size_t>(next) >= workers || static_cast<std::size_t>(next) == at) break;
      at = static_cast<std::size_t>(next);
      if (at == start) {
        std::vector<WaitLink> links;
        for (std::size_t i = 0; i < path.size(); ++i) {
          const std::size_t w = path[i];
          const std::size_t before = path[(i + path.size() - 1) % path.size()];
          const auto waits_for = static_cast<std::uint64_t>(sample.waiting_for[w]);
          links.push_back({w, static_cast<std::uint64_t>(sample.waiting_for[before]), waits_for,
                           path[(i + 1) % path.size()]});
        }
        return links;
      }
      if (std::find(path.begin(), path.end(), at) != path.end()) break;  // a cycle without `start`
      path.push_back(at);
    }
  }
  return std::nullopt;
}

std::optional<std::vector<WaitLink>> Watchdog::check(const DeadlockBoard& board) {
  WaitSample now = sample_board(board, workers_);
  ++samples_;
  std::optional<std::vector<WaitLink>> stuck;
  auto cycle = find_wait_cycle(now);
  if (cycle && previous_ && find_wait_cycle(*previous_) == cycle) {
    const bool same_waits = std::all_of(cycle->begin(), cycle->end(), [&](const WaitLink& link) {
      return previous_->wait_number[link.worker] == now.wait_number[link.worker];
    });
    if (same_waits) stuck = std::move(cycle);
  }
  previous_ = std::move(now);
  return stuck;
}

DeadlockReport collect_deadlock_report(const DeadlockOptions& options, const DeadlockBoard& board,
                                       std::optional<std::vector<WaitLink>> cycle, std::optional<double> detected_ms,
                                       std::uint64_t samples, double wall_ms) {
  DeadlockReport report;
  report.options = options;
  report.deadlock = cycle.has_value();
  if (cycle) report.cycle = std::move(*cycle);
  report.detected_ms = detected_ms;
  report.watchdog_samples = samples;
  report.wall_ms = wall_ms;
  for (std::size_t w = 0; w < options.workers; ++w) {
    const WorkerLog& log = board.logs[w];
    report.workers.push_back({w, first_lock(options.order, w, options.workers),
                              second_lock(options.order, w, options.workers), log.rounds_completed, log.retries,
                              log.gave_up});
    report.spans.push_back({w, log.pid, log.tid, log.start_ms, log.end_ms, log.rounds_completed});
    report.events.insert(report.events.end(), log.events.begin(), log.events.begin() + log.event_count);
    report.events_truncated = report.events_truncated || log.events_truncated;
  }
  std::stable_sort(report.events.begin(), report.events.end(),
                   [](const Event& a, const Event& b) { return a.start_ms < b.start_ms; });
  return report;
}

}  // namespace playground

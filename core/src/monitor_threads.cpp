#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "monitor_runs.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"

namespace playground {
namespace {

using Ms = std::chrono::duration<double, std::milli>;

// What the workers and the parent share. One mutex orders everything: a worker's report and its
// alive flag change together, so a sample taken under the lock never disagrees with the events
// emitted before it.
struct MonitorBoard {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<MonitorEvent> reported;  // by workers, not yet emitted by the parent
  std::vector<char> alive;             // set at a worker's start, cleared at its end
  std::size_t ended = 0;
  bool stop = false;  // a cancel: workers stop waiting
};

// snippet-begin: monitor-thread-worker
void monitor_worker(MonitorBoard& board, std::size_t index, std::uint64_t duration_ms, double origin) {
  const std::string name = monitor_worker_name(index);
  std::unique_lock lock(board.mutex);
  board.alive[index] = 1;
  board.reported.push_back({MonitorEventKind::Started, now_ms() - origin, name, current_pid(), current_tid(), {}});
  board.changed.notify_all();
  // The work: a wait of duration_ms that a cancel cuts short.
  board.changed.wait_for(lock, Ms(static_cast<double>(duration_ms)), [&] { return board.stop; });
  board.alive[index] = 0;
  ++board.ended;
  board.reported.push_back({MonitorEventKind::Ended, now_ms() - origin, name, current_pid(), current_tid(), {}});
  board.changed.notify_all();
}
// snippet-end: monitor-thread-worker

MonitorEvent sample_alive(const MonitorBoard& board, double t_ms) {
  MonitorEvent event;  // kind Sample
  event.t_ms = t_ms;
  for (std::size_t i = 0; i < board.alive.size(); ++i)
    event.workers.push_back({monitor_worker_name(i), current_pid(), board.alive[i] != 0});
  return event;
}

// How often a cancel is looked at while the parent waits.
constexpr double kCancelPollMs = 20;

}  // namespace

MonitorReport run_monitor_threads(const MonitorOptions& options, const MonitorHooks& hooks) {
  MonitorLog log(options, hooks);
  const std::size_t count = options.durations_ms.size();
  MonitorBoard board;
  board.alive.assign(count, 0);
  std::vector<std::thread> threads;
  threads.reserve(count);
  // Joins every started thread however the parent leaves (done, a throwing sink, a cancel).
  struct Joiner {
    MonitorBoard& board;
    std::vector<std::thread>& threads;
    ~Joiner() {
      {
        std::lock_guard lock(board.mutex);
        board.stop = true;
      }
      board.changed.notify_all();
      for (std::thread& t : threads)
        if (t.joinable()) t.join();
    }
  } joiner{board, threads};
  for (std::size_t i = 0; i < count; ++i)
    threads.emplace_back(monitor_worker, std::ref(board), i, options.durations_ms[i], log.origin_ms());

  // snippet-begin: monitor-thread-parent
  const auto interval = static_cast<double>(options.interval_ms);
  double next_sample_ms = interval;
  std::unique_lock lock(board.mutex);
  for (;;) {
    const double wait_ms = std::min(next_sample_ms - log.elapsed_ms(), kCancelPollMs);
    board.changed.wait_for(lock, Ms(std::max(wait_ms, 0.0)), [&] { return !board.reported.empty(); });
    for (MonitorEvent& event : board.reported) log.add(std::move(event));  // as they happened
    board.reported.clear();
    if (board.ended == count) {
      log.add(sample_alive(board, log.elapsed_ms()));  // the last check: nobody is alive
      break;
    }
    if (log.elapsed_ms() >= next_sample_ms) {
      log.add(sample_alive(board, log.elapsed_ms()));  // who is alive now, by each worker's flag
      next_sample_ms += interval;
    }
    if (log.cancelled()) throw RunError("cancelled by a signal", "cancelled");  // ~Joiner stops and joins
  }
  // snippet-end: monitor-thread-parent
  lock.unlock();
  for (std::thread& t : threads) t.join();
  return log.finish();
}

}  // namespace playground

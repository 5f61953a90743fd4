#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "monitor_runs.hpp"
#include "playground/errors.hpp"
#include "playground/event_loop.hpp"
#include "playground/platform.hpp"

namespace playground {
namespace {

// The sampler's longest sleep: it notices the last worker's end within this.
constexpr double kSamplerStepMs = 10;

struct AsyncBoard {
  std::vector<char> done;  // the task's state: set as its coroutine returns
  std::size_t ended = 0;
  bool stop = false;
};

// snippet-begin: monitor-async-worker
Task worker(EventLoop& loop, MonitorLog& log, AsyncBoard& board, std::size_t index, std::uint64_t duration_ms) {
  const std::string name = monitor_worker_name(index);
  log.add({MonitorEventKind::Started, log.elapsed_ms(), name, current_pid(), current_tid(), {}});
  co_await loop.sleep(static_cast<double>(duration_ms));  // the loop runs the others meanwhile
  if (board.stop) co_return;
  board.done[index] = 1;
  ++board.ended;
  log.add({MonitorEventKind::Ended, log.elapsed_ms(), name, current_pid(), current_tid(), {}});
}
// snippet-end: monitor-async-worker

MonitorEvent sample(const AsyncBoard& board, double t_ms) {
  MonitorEvent event;  // kind Sample
  event.t_ms = t_ms;
  for (std::size_t i = 0; i < board.done.size(); ++i)
    event.workers.push_back({monitor_worker_name(i), current_pid(), board.done[i] == 0});
  return event;
}

Task sampler(EventLoop& loop, MonitorLog& log, AsyncBoard& board, std::uint64_t interval_ms) {
  double next_sample_ms = static_cast<double>(interval_ms);
  for (;;) {
    co_await loop.sleep(std::clamp(next_sample_ms - log.elapsed_ms(), 0.0, kSamplerStepMs));
    if (board.stop) co_return;
    if (board.ended == board.done.size()) {
      log.add(sample(board, log.elapsed_ms()));
      co_return;
    }
    if (log.elapsed_ms() >= next_sample_ms) {
      log.add(sample(board, log.elapsed_ms()));
      next_sample_ms += static_cast<double>(interval_ms);
    }
  }
}

}  // namespace

MonitorReport run_monitor_async(const MonitorOptions& options, const MonitorHooks& hooks) {
  MonitorLog log(options, hooks);
  AsyncBoard board;
  board.done.assign(options.durations_ms.size(), 0);
  {
    EventLoop loop;
    for (std::size_t i = 0; i < options.durations_ms.size(); ++i)
      loop.spawn(worker(loop, log, board, i, options.durations_ms[i]));
    loop.spawn(sampler(loop, log, board, options.interval_ms));
    loop.run([&] { return board.stop = board.stop || log.cancelled(); });
  }
  if (board.stop) throw RunError("cancelled by a signal", "cancelled");
  return log.finish();
}

}  // namespace playground

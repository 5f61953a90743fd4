#include <chrono>
#include <functional>
#include <semaphore>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "semaphore_gauge.hpp"
#include "semaphore_runs.hpp"

namespace playground {
namespace {

using Permits = std::counting_semaphore<kMaxSemaphoreTasks>;

// snippet-begin: semaphore-threads
void download_on_thread(Permits& permits, InFlightGauge& gauge, SemaphoreTask& record, std::uint64_t latency_ms, double origin) {
  record.tid = current_tid();
  record.asked_ms = now_ms() - origin;
  permits.acquire();  // blocks while K other threads hold a permit
  gauge.enter();
  record.acquired_ms = now_ms() - origin;
  std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));  // the simulated I/O wait
  record.released_ms = now_ms() - origin;
  gauge.leave();
  permits.release();  // wakes one waiting thread, if any
}
// snippet-end: semaphore-threads

// Joins every started thread however the run ends: each acquires and releases once, so none waits forever.
class Downloads {
 public:
  Downloads() = default;
  Downloads(const Downloads&) = delete;
  Downloads& operator=(const Downloads&) = delete;
  ~Downloads() { join(); }
  std::vector<std::thread>& threads() { return threads_; }
  void join() {
    for (auto& thread : threads_)
      if (thread.joinable()) thread.join();
  }

 private:
  std::vector<std::thread> threads_;
};

}  // namespace

SemaphoreRun run_semaphore_threads(std::uint64_t tasks, std::uint64_t limit, std::uint64_t latency_ms) {
  Permits permits(static_cast<std::ptrdiff_t>(limit));
  InFlightGauge gauge;
  SemaphoreRun run{.limit = limit, .tasks = std::vector<SemaphoreTask>(tasks)};
  const double origin = now_ms();
  {
    Downloads downloads;  // joined before permits, gauge and records go
    try {
      for (std::uint64_t t = 0; t < tasks; ++t) {
        run.tasks[t].task = t;
        downloads.threads().emplace_back(download_on_thread, std::ref(permits), std::ref(gauge), std::ref(run.tasks[t]), latency_ms,
                                         origin);
      }
    } catch (const std::system_error& e) {
      throw RunError(std::string("could not start a download thread: ") + e.what());
    }
    downloads.join();
  }
  run.wall_ms = now_ms() - origin;
  run.max_in_flight = gauge.max();
  return run;
}

}  // namespace playground

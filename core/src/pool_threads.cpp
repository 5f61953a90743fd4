#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "playground/pool.hpp"

namespace playground {
namespace {

// The task numbers, handed out one at a time (what an executor's work queue does).
class TaskQueue {
 public:
  explicit TaskQueue(std::uint64_t tasks) {
    for (std::uint64_t t = 0; t < tasks; ++t) numbers_.push_back(t);
  }
  std::optional<std::uint64_t> pop() {
    const std::lock_guard lock(mutex_);
    if (numbers_.empty()) return std::nullopt;
    const std::uint64_t next = numbers_.front();
    numbers_.pop_front();
    return next;
  }

 private:
  std::mutex mutex_;
  std::deque<std::uint64_t> numbers_;
};

// Lanes whose fresh thread has finished its task, so that the next task may take the lane.
class FinishedLanes {
 public:
  void post(std::uint64_t lane) {
    {
      const std::lock_guard lock(mutex_);
      lanes_.push_back(lane);
    }
    changed_.notify_one();
  }
  std::uint64_t wait() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !lanes_.empty(); });
    const std::uint64_t lane = lanes_.front();
    lanes_.pop_front();
    return lane;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::uint64_t> lanes_;
};

// Joins every thread it holds however the run ends; each one's task ends by itself.
class Joined {
 public:
  explicit Joined(std::size_t count) : threads_(count) {}
  Joined(const Joined&) = delete;
  Joined& operator=(const Joined&) = delete;
  ~Joined() { join_all(); }
  std::thread& operator[](std::size_t i) { return threads_[i]; }
  void join_all() {
    for (auto& thread : threads_)
      if (thread.joinable()) thread.join();
  }

 private:
  std::vector<std::thread> threads_;
};

void run_task(PoolTask& task, std::uint64_t number, std::uint64_t lane, double start_wait_ms, std::uint64_t work,
              double origin) {
  task.task = number;
  task.worker = lane;
  task.start_wait_ms = start_wait_ms;
  task.started_ms = now_ms() - origin;
  task.value = pool_task_value(number, work);
  task.ended_ms = now_ms() - origin;
}

// snippet-begin: pool-threads
// A pool worker: started once, it takes task after task until the queue is empty.
void pool_worker(std::uint64_t lane, PoolStart& start, TaskQueue& queue, std::vector<PoolTask>& tasks,
                 std::uint64_t work, double origin) {
  start.running_ms = now_ms() - origin;  // its first instruction: the start cost ends here
  start.id = current_tid();
  double start_wait = start.running_ms - start.asked_ms;  // paid by its first task only
  while (const std::optional<std::uint64_t> number = queue.pop()) {
    run_task(tasks[*number], *number, lane, start_wait, work, origin);
    ++start.tasks;
    start_wait = 0;
  }
}
// snippet-end: pool-threads

// snippet-begin: fresh-threads
// A fresh worker: started for one task, it ends with it and frees its lane.
void fresh_worker(std::uint64_t lane, PoolStart& start, PoolTask& task, std::uint64_t number, std::uint64_t work,
                  double origin, FinishedLanes& finished) {
  start.running_ms = now_ms() - origin;
  start.id = current_tid();
  run_task(task, number, lane, start.running_ms - start.asked_ms, work, origin);
  start.tasks = 1;
  finished.post(lane);
}
// snippet-end: fresh-threads

[[noreturn]] void cannot_start(const std::system_error& e) {
  throw RunError(std::string("could not start a worker thread: ") + e.what());
}

PoolStrategyRun run_pool(const PoolOptions& options) {
  PoolStrategyRun run{.starts = std::vector<PoolStart>(options.workers), .tasks = std::vector<PoolTask>(options.tasks)};
  TaskQueue queue(options.tasks);
  const double origin = now_ms();
  {
    Joined threads(options.workers);  // joined before the queue and the records go
    try {
      for (std::uint64_t w = 0; w < options.workers; ++w) {
        run.starts[w].worker = w;
        run.starts[w].asked_ms = now_ms() - origin;
        threads[w] = std::thread(pool_worker, w, std::ref(run.starts[w]), std::ref(queue), std::ref(run.tasks),
                                 options.work, origin);
      }
    } catch (const std::system_error& e) {
      cannot_start(e);
    }
    threads.join_all();
  }
  run.wall_ms = now_ms() - origin;
  return run;
}

PoolStrategyRun run_fresh(const PoolOptions& options) {
  PoolStrategyRun run{.starts = std::vector<PoolStart>(options.tasks), .tasks = std::vector<PoolTask>(options.tasks)};
  FinishedLanes finished;
  const double origin = now_ms();
  {
    Joined lanes(options.workers);  // at most W threads exist at once: a lane's last one is joined first
    try {
      for (std::uint64_t t = 0; t < options.tasks; ++t) {
        const std::uint64_t lane = t < options.workers ? t : finished.wait();
        if (lanes[lane].joinable()) lanes[lane].join();
        run.starts[t].worker = lane;
        run.starts[t].asked_ms = now_ms() - origin;
        lanes[lane] = std::thread(fresh_worker, lane, std::ref(run.starts[t]), std::ref(run.tasks[t]), t, options.work,
                                  origin, std::ref(finished));
      }
    } catch (const std::system_error& e) {
      cannot_start(e);
    }
    lanes.join_all();
  }
  run.wall_ms = now_ms() - origin;
  return run;
}

}  // namespace

PoolReport run_pool_threads(const PoolOptions& options) {
  validate_pool_options(options);
  if (options.mode != PoolMode::Threads)
    throw ArgumentError("--mode processes runs in cplay (it starts child processes); here --mode threads runs");
  PoolStrategyRun pool = run_pool(options);
  PoolStrategyRun fresh = run_fresh(options);
  return make_pool_report(options, std::move(pool), std::move(fresh));
}

}  // namespace playground

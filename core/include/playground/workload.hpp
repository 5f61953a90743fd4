#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include "playground/io_backend.hpp"
#include "playground/request.hpp"
#include "playground/results.hpp"

namespace playground {

// What a task asks of its scheduler after one slice.
enum class StepKind {
  More,  // computed a slice; more slices follow (a safe point: schedulers may switch here)
  Wait,  // must wait `wait_ms` before its next slice (I/O: the GIL is released, a coroutine suspends)
  Fetch,  // must fetch `bytes` from a response that comes after `wait_ms` (RunHooks::io), as a Wait
  Done,  // finished
};

struct StepResult {
  StepKind kind = StepKind::Done;
  std::uint64_t wait_ms = 0;
  std::uint64_t items = 0;  // work units finished by this slice (numbers tested, factorials, increments)
  std::uint64_t bytes = 0;  // Fetch: the body size to ask for
};

// Shared state of the race demo. Processes with --shared-memory place it in a shared mapping.
class CounterLock {
 public:
  virtual ~CounterLock() = default;
  virtual void lock() = 0;
  virtual void unlock() = 0;
};

// The lock of a counter shared by threads of one process.
class MutexCounterLock final : public CounterLock {
 public:
  void lock() override { mutex_.lock(); }
  void unlock() override { mutex_.unlock(); }

 private:
  std::mutex mutex_;
};

struct RaceCounter {
  std::atomic<std::int64_t>* value = nullptr;
  CounterLock* lock = nullptr;
};

// A demo's work, split into independent tasks that run slice by slice. Modes decide how tasks
// map onto workers and how slices interleave; the workload only computes and accumulates.
// step() is called concurrently for different tasks, never for the same task at once.
class Workload {
 public:
  virtual ~Workload() = default;
  virtual std::size_t task_count() const = 0;
  virtual std::uint64_t total_items() const = 0;
  // True when task i belongs to worker i (task_count() == workers): each worker runs its own
  // loop, as the race lesson's threads do. False: workers take the next task left (balancing).
  virtual bool one_task_per_worker() const { return false; }
  // Runs the next slice of `task`; `cursor` is that task's private progress, starting at 0.
  // `worker` (< the worker count given at creation) selects the accumulator to use.
  virtual StepResult step(std::size_t task, std::uint64_t& cursor, std::size_t worker) = 0;
  // The outcome of the Fetch that `task` asked for, times already relative to the run's start;
  // before the task's next step, from the thread that runs it. Only the io workload fetches.
  virtual void fetched(std::size_t task, const FetchOutcome&) {
    throw std::logic_error("task " + std::to_string(task) + " cannot take a fetch");
  }
  // The accumulated outcome of the tasks this instance ran, as sent from a process to its parent.
  virtual DemoPartial partial() const = 0;
  // Adds a partial from another instance (a child process, a browser Worker) of the same demo;
  // a partial of another demo is a RunError.
  virtual void absorb(const DemoPartial& partial) = 0;
  // The report's `result`, from everything run or absorbed.
  virtual DemoResult result() const = 0;
};

// `workers` accumulators are prepared. `shared` replaces the race demo's private counter.
std::unique_ptr<Workload> make_workload(const Request&, std::size_t workers,
                                        RaceCounter shared = {});

}  // namespace playground

// Each scenario as the explorer's little programs, step for step the shared-state accesses of the
// real experiment's code (core/src/workload_race.cpp, deadlock_threads.cpp, async_control_race.cpp,
// barrier_threads.cpp): what the scheduler may interleave is exactly where another thread could
// come between them.
#include <algorithm>
#include <stdexcept>
#include <string>

#include "playground/explore.hpp"

namespace playground {
namespace {

ExploreOp op(OpKind kind, std::string text, std::string python) {
  ExploreOp out;
  out.kind = kind;
  out.text = std::move(text);
  out.python = std::move(python);
  return out;
}

ExploreOp read(std::uint8_t reg, std::uint8_t var, std::string text, std::string python) {
  ExploreOp out = op(OpKind::Read, std::move(text), std::move(python));
  out.reg = reg;
  out.var = var;
  return out;
}

ExploreOp write(std::uint8_t var, std::uint8_t reg, std::int64_t plus, std::string text, std::string python) {
  ExploreOp out = op(OpKind::Write, std::move(text), std::move(python));
  out.var = var;
  out.reg = reg;
  out.value = plus;
  return out;
}

ExploreOp on_lock(OpKind kind, std::uint8_t lock, std::string text, std::string python) {
  ExploreOp out = op(kind, std::move(text), std::move(python));
  out.var = lock;
  return out;
}

std::string race_title(const char* what, const ExploreOptions& options, std::string_view sync) {
  return std::string(what) + ": " + std::to_string(options.workers) + " workers x " +
         std::to_string(options.increments) + " increments, sync " + std::string(sync);
}

// counter.store(counter.load(relaxed) + 1, relaxed): a read, then a write; a mutex around both;
// or one fetch_add.
ExploreProgram race_program(const ExploreOptions& options) {
  ExploreProgram program;
  program.title = race_title("race", options, sync_names().name(options.sync));
  program.variables = {"counter"};
  if (options.sync == Sync::Lock) program.locks = {"lock"};
  std::vector<ExploreOp> body;
  for (std::uint64_t i = 0; i < options.increments; ++i) {
    if (options.sync == Sync::Atomic) {
      // CPython has no atomic integer: the nearest is the lock, which the Python side says.
      ExploreOp add = op(OpKind::FetchAdd, "counter.fetch_add(1)", "counter += 1  # safe only with a lock: no atomic int");
      add.value = 1;
      body.push_back(add);
      continue;
    }
    // The page's GIL-threads snippet: seen = counter; time.sleep(0); counter = seen + 1.
    if (options.sync == Sync::Lock) body.push_back(on_lock(OpKind::Lock, 0, "lock.lock()", "with lock:"));
    body.push_back(read(0, 0, "r0 = counter.load()", "seen = counter"));
    body.push_back(write(0, 0, 1, "counter.store(r0 + 1)", "counter = seen + 1"));
    if (options.sync == Sync::Lock) body.push_back(on_lock(OpKind::Unlock, 0, "lock.unlock()", "(the with block ends: lock released)"));
  }
  program.workers.assign(options.workers, body);
  return program;
}

// seen = counter; await; counter = seen + 1 — on one thread, so only the await lets another
// coroutine in.
ExploreProgram async_race_program(const ExploreOptions& options) {
  ExploreProgram program;
  program.title = race_title("async race", options, async_sync_names().name(options.async_sync));
  program.variables = {"counter"};
  program.cooperative = true;
  const bool locked = options.async_sync == AsyncSync::Lock;
  if (locked) program.locks = {"lock"};
  std::vector<ExploreOp> body;
  for (std::uint64_t i = 0; i < options.increments; ++i) {
    // C++: core/src/async_control_race.cpp's coroutine; Python: the lesson's asyncio version.
    if (locked) body.push_back(on_lock(OpKind::Lock, 0, "co_await lock.acquire();", "async with lock:"));
    body.push_back(read(0, 0, "const auto seen = counter;", "seen = counter"));
    body.push_back(op(OpKind::Await, "co_await loop.yield();", "await asyncio.sleep(0)"));
    body.push_back(write(0, 0, 1, "counter = seen + 1;", "counter = seen + 1"));
    if (locked) body.push_back(on_lock(OpKind::Unlock, 0, "lock.release();", "(the async with block ends)"));
  }
  program.workers.assign(options.workers, body);
  return program;
}

// Worker i takes lock i, then lock i + 1 (around a ring: opposite orders), or the lower-numbered
// first (one global order). With try-lock, a taken second lock sends the first one back.
ExploreProgram deadlock_program(const ExploreOptions& options) {
  ExploreProgram program;
  const bool try_lock = options.strategy == LockStrategy::TryLock;
  program.title = "deadlock: " + std::to_string(options.workers) + " workers, " +
                  std::string(lock_order_names().name(options.order)) + " order, " +
                  std::string(lock_strategy_names().name(options.strategy)) +
                  (try_lock ? ", " + std::to_string(options.attempts) + " attempts" : "");
  for (std::uint64_t i = 0; i < options.workers; ++i) program.locks.push_back(std::string(1, static_cast<char>('A' + i)));
  if (try_lock) program.variables = {"gave_up"};
  for (std::uint64_t i = 0; i < options.workers; ++i) {
    auto first = static_cast<std::uint8_t>(i);
    auto second = static_cast<std::uint8_t>((i + 1) % options.workers);
    if (options.order == LockOrder::Consistent && second < first) std::swap(first, second);
    const std::string a = program.locks[first];
    const std::string b = program.locks[second];
    std::vector<ExploreOp> body;
    if (!try_lock) {
      body = {on_lock(OpKind::Lock, first, a + ".lock()", a + ".acquire()"),
              on_lock(OpKind::Lock, second, b + ".lock()", b + ".acquire()"),
              on_lock(OpKind::Unlock, second, b + ".unlock()", b + ".release()"),
              on_lock(OpKind::Unlock, first, a + ".unlock()", a + ".release()")};
    } else {
      // Each attempt: take the first, try the second (taken: jump to the work), else give the
      // first back. After the last attempt the worker gives up; the work sits at the end.
      const auto work_at = static_cast<std::uint16_t>(3 * options.attempts + 1);
      for (std::uint64_t attempt = 0; attempt < options.attempts; ++attempt) {
        body.push_back(on_lock(OpKind::Lock, first, a + ".lock()", a + ".acquire()"));
        ExploreOp attempt_second = on_lock(OpKind::TryLock, second, "if (" + b + ".try_lock()) (go to the work)",
                                           "if " + b + ".acquire(blocking=False): (go to the work)");
        attempt_second.target = work_at;
        body.push_back(attempt_second);
        body.push_back(on_lock(OpKind::Unlock, first, a + ".unlock();  // back off", a + ".release()  # back off"));
      }
      body.push_back(op(OpKind::GiveUp, "return;  // give up", "return  # give up"));
      body.push_back(on_lock(OpKind::Unlock, second, b + ".unlock()", b + ".release()"));
      body.push_back(on_lock(OpKind::Unlock, first, a + ".unlock()", a + ".release()"));
    }
    program.workers.push_back(std::move(body));
  }
  return program;
}

// A ring of cells: in phase p worker i reads its neighbour's cell (which that neighbour wrote in
// phase p - 1, if it got there) and writes its own. Without a barrier, a fast worker reads a cell
// still unwritten: a stale read.
ExploreProgram barrier_program(const ExploreOptions& options) {
  ExploreProgram program;
  const bool barrier = options.barrier_sync == BarrierSync::Barrier;
  program.title = "barrier: " + std::to_string(options.workers) + " workers x " + std::to_string(options.phases) +
                  " phases, sync " + (barrier ? "barrier" : "none");
  for (std::uint64_t i = 0; i < options.workers; ++i) program.variables.push_back("cell[" + std::to_string(i) + "]");
  const auto python_cell = [](std::uint64_t i) { return "cells[" + std::to_string(i) + "]"; };
  const auto arrived = static_cast<std::uint8_t>(options.workers);
  const auto stale = static_cast<std::uint8_t>(options.workers + 1);
  program.variables.push_back("arrived");
  program.variables.push_back("stale_reads");
  for (std::uint64_t i = 0; i < options.workers; ++i) {
    const auto neighbour = static_cast<std::uint8_t>((i + 1) % options.workers);
    std::vector<ExploreOp> body;
    for (std::uint64_t phase = 1; phase <= options.phases; ++phase) {
      body.push_back(read(0, neighbour, "r0 = " + program.variables[neighbour], "seen = " + python_cell(neighbour)));
      ExploreOp check = op(OpKind::CheckAtLeast, "(stale unless r0 >= " + std::to_string(phase - 1) + ")",
                           "(stale unless seen >= " + std::to_string(phase - 1) + ")");
      check.reg = 0;
      check.var = stale;
      check.value = static_cast<std::int64_t>(phase - 1);
      body.push_back(check);
      // Register 1 is never written: it holds 0, so the write stores the phase number.
      body.push_back(write(static_cast<std::uint8_t>(i), 1, static_cast<std::int64_t>(phase),
                           program.variables[i] + " = " + std::to_string(phase), python_cell(i) + " = " + std::to_string(phase)));
      if (barrier && phase < options.phases) {
        // std::barrier's arrive_and_wait() and Python's barrier.wait() are both of these steps.
        ExploreOp arrive = op(OpKind::Arrive, "auto token = barrier.arrive();", "barrier.wait()  # arrives");
        arrive.var = arrived;
        body.push_back(arrive);
        ExploreOp wait = op(OpKind::WaitAtLeast, "barrier.wait(std::move(token));", "(barrier.wait() returns once all arrived)");
        wait.var = arrived;
        wait.value = static_cast<std::int64_t>(options.workers * phase);
        body.push_back(wait);
      }
    }
    program.workers.push_back(std::move(body));
  }
  return program;
}

}  // namespace

ExploreProgram explore_program(const ExploreOptions& options) {
  switch (options.scenario) {
    case ExploreScenario::Race: return race_program(options);
    case ExploreScenario::AsyncRace: return async_race_program(options);
    case ExploreScenario::Deadlock: return deadlock_program(options);
    case ExploreScenario::Barrier: return barrier_program(options);
  }
  throw std::logic_error("unknown explore scenario");
}

}  // namespace playground

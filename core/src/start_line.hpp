#pragma once
#include <atomic>
#include <cstdint>
#include <thread>

#if defined(__EMSCRIPTEN_PTHREADS__)
#include <climits>
#include <cmath>

#include <emscripten/threading.h>
#endif

namespace playground {

// The start line of one run's threads: each waits there once it runs, and all leave together,
// so that no span begins before the other threads can run (a short race would be over before
// the last thread began).
//
// Natively the threads spin on a flag, yielding the core: a yield lets the thread being started
// run, and sleepers would wake one by one, tens of microseconds apart.
// In WebAssembly sched_yield does nothing, so a spinning thread keeps its core while the thread
// being started (a pool Worker that must first receive its start message) waits for one: on 2
// cores the spans began 4-31 ms late. There the long wait (the threads arriving) sleeps on a
// futex (Atomics.wait), and only the short one (the sleepers waking) spins, briefly.
class StartLine {
 public:
  // Called by each thread of the run once it runs; returns when every thread may go.
  void arrive() {
    arrived_.fetch_add(1);
#if defined(__EMSCRIPTEN_PTHREADS__)
    emscripten_futex_wake(address(arrived_), 1);  // the starting thread may be asleep on the count
    while (phase_.load() == kGathering) emscripten_futex_wait(address(phase_), kGathering, INFINITY);
    // The last one awake lets everyone go; the others spin, since waking takes microseconds,
    // but sleep again should one of them wait for a core for longer.
    if (awake_.fetch_add(1) + 1 == expected_.load()) {
      phase_.store(kGo);
      emscripten_futex_wake(address(phase_), INT_MAX);
      return;
    }
    for (std::uint32_t spins = 0; phase_.load() != kGo; ++spins)
      if (spins >= kSpins) emscripten_futex_wait(address(phase_), kWaking, INFINITY);
#else
    while (phase_.load() != kGo) std::this_thread::yield();
#endif
  }

  // Called by the thread that started them: once `started` threads have arrived, lets them go.
  void release(std::uint32_t started) {
#if defined(__EMSCRIPTEN_PTHREADS__)
    for (std::uint32_t seen = arrived_.load(); seen < started; seen = arrived_.load())
      emscripten_futex_wait(address(arrived_), seen, INFINITY);
    expected_.store(started);
    phase_.store(kWaking);
    emscripten_futex_wake(address(phase_), INT_MAX);
#else
    while (arrived_.load() < started) std::this_thread::yield();
    phase_.store(kGo);
#endif
  }

 private:
  static constexpr std::uint32_t kGathering = 0;
  static constexpr std::uint32_t kWaking = 1;
  static constexpr std::uint32_t kGo = 2;
#if defined(__EMSCRIPTEN_PTHREADS__)
  // About 100 microseconds of spinning before a thread that is still not let go sleeps.
  static constexpr std::uint32_t kSpins = 1u << 16;
  // The futex calls take the 32-bit word of a lock-free std::atomic<std::uint32_t>.
  static volatile void* address(std::atomic<std::uint32_t>& word) { return &word; }
  std::atomic<std::uint32_t> awake_{0};
  std::atomic<std::uint32_t> expected_{0};
#endif
  std::atomic<std::uint32_t> arrived_{0};
  std::atomic<std::uint32_t> phase_{kGathering};
};

}  // namespace playground

#pragma once
// A hang guard for tests, not a measurement: polls `condition` until it holds or a long time has
// passed, so a test waits for a state (a thread blocked, a job running) instead of sleeping and
// hoping. Short sleeps between polls keep a busy machine's other threads moving.
#include <chrono>
#include <thread>

namespace playground::testing {

template <typename Condition>
bool eventually(Condition&& condition, std::chrono::seconds limit = std::chrono::seconds(30)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return true;
}

}  // namespace playground::testing

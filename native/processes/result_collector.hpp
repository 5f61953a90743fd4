#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "processes/cancel_signals.hpp"
#include "processes/child_group.hpp"
#include "playground/run.hpp"

namespace cplay {

struct CollectHooks {
  std::atomic<std::uint64_t>* progress = nullptr;  // children's progress messages add here
  const std::atomic<bool>* cancel = nullptr;       // checked every tick
  double deadline_ms = 0;                          // a now_ms() time: past it, code "timeout"; 0: none
  std::function<void()> on_tick;                   // called about every kTickInterval
  CancelSignals* signals = nullptr;                // SIGINT/SIGTERM arrivals
  // Called once when every child has sent its ready message (or ended): the start line opens.
  std::function<void()> on_all_ready;
};

// The parent's loop: polls every child's result pipe (and the signal pipe), decodes messages
// (results as partials of `demo`), reaps each child when its pipe reaches end of file, and
// returns the outcomes in worker order.
// No threads: everything happens on the calling thread.
// Throws playground::RunError when a child fails (the message names worker, pid and signal or
// exit code), the run is cancelled (code "cancelled") or passes its deadline (code "timeout");
// every child is killed and reaped first.
std::vector<playground::ShardOutcome> collect_outcomes(ChildGroup& children, playground::Demo demo,
                                                      const CollectHooks& hooks);

}  // namespace cplay

#include "deadlock/deadlock_processes.hpp"

#include <chrono>
#include <system_error>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "deadlock/shared_locks.hpp"
#include "playground/deadlock_board.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "processes/cancel_signals.hpp"
#include "processes/child_exit.hpp"
#include "processes/child_group.hpp"
#include "processes/child_launch.hpp"

namespace cplay {
namespace {

using playground::DeadlockReport;
using playground::RunError;

// As for threads: longer than any valid run, so only a stuck run reaches it.
constexpr double kProcessesBudgetMs = 60'000;

// Reaps every child that has ended, without waiting. A child that did not exit with 0 is a failed
// run: its message, or empty.
std::string reap_ended(ChildGroup& children) {
  for (WatchedChild& child : children.children()) {
    if (child.reaped) continue;
    int status = 0;
    const pid_t pid = ::waitpid(child.pid, &status, WNOHANG);
    if (pid != child.pid) continue;
    child.reaped = true;
    child.wait_status = status;
    if (std::string why = describe_abnormal_exit(child.worker, child.pid, status); !why.empty()) return why;
  }
  return {};
}

}  // namespace

DeadlockReport run_deadlock_processes(const playground::DeadlockOptions& options) {
  playground::validate_deadlock_options(options);
  CancelSignals signals;
  SharedLockBoard shared;  // outlives the children: ChildGroup below reaps them first
  playground::DeadlockBoard& board = shared.board();
  ChildGroup children;
  children.reserve(options.workers);
  const double origin = playground::now_ms();
  const pid_t parent = ::getpid();
  for (std::size_t w = 0; w < options.workers; ++w) {
    try {
      const pid_t pid = fork_child({}, [&, w] {
        prepare_child_signals();
        die_with_parent(parent);
        playground::run_lock_worker(w, options, board, shared.locks(), origin);
        return 0;
      });
      children.add(w, pid, UniqueFd());
    } catch (const std::system_error& e) {
      throw RunError(std::string("could not start worker process: ") + e.what());
    }
  }
  board.go.store(true);

  playground::Watchdog watchdog(options.workers);
  std::optional<std::vector<playground::WaitLink>> cycle;
  std::optional<double> detected_ms;
  while (!children.all_reaped()) {
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(playground::kWatchdogSampleMs));
    if (const std::string why = reap_ended(children); !why.empty()) throw RunError(why);  // ChildGroup reaps the rest
    if (signals.received()) throw RunError("cancelled by a signal", "cancelled");
    if (!cycle && (cycle = watchdog.check(board))) {
      detected_ms = playground::now_ms() - origin;
      board.cancel.store(true);  // the stuck children give up within one timed attempt, then exit
    }
    if (playground::now_ms() - origin > kProcessesBudgetMs)
      throw RunError("the deadlock run passed its " + std::to_string(static_cast<int>(kProcessesBudgetMs / 1000)) +
                         " s budget and was cancelled",
                     "timeout");
  }
  return playground::collect_deadlock_report(options, board, std::move(cycle), detected_ms, watchdog.samples(),
                                             playground::now_ms() - origin);
}

}  // namespace cplay

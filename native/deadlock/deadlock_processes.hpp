#pragma once
#include "playground/deadlock.hpp"

namespace cplay {

// The deadlock experiment with one forked child per worker. The locks are robust pthread mutexes
// made PTHREAD_PROCESS_SHARED, in an anonymous shared mapping together with the core's board
// (owners, waits, each worker's log); the parent is the watchdog. Every child is reaped however
// the run ends: done, deadlocked, a child dying (RunError naming it), Ctrl-C or SIGTERM
// ("cancelled"), or past the budget ("timeout").
playground::DeadlockReport run_deadlock_processes(const playground::DeadlockOptions&);

}  // namespace cplay

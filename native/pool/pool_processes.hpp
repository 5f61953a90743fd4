#pragma once
#include <string>

#include "playground/pool.hpp"

namespace cplay {

// The pool experiment with child processes, started by fork or by posix_spawn of `executable`
// (empty: this program; it must hand `__pool-worker` to pool_worker_main, as cplay's main does).
// "pool": W children take task after task through their task pipe; "fresh": a new child per task,
// at most W alive. Every child is reaped however the run ends: done, a child dying (RunError
// naming it), Ctrl-C or SIGTERM ("cancelled"), or past the budget ("timeout").
playground::PoolReport run_pool_processes(const playground::PoolOptions&, const std::string& executable = {});

}  // namespace cplay

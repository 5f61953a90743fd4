#pragma once
#include <functional>
#include <span>

#include <CLI/CLI.hpp>

namespace cplay {

// Adds `cplay barrier [--mode threads|mpi] [--sync barrier|join|none] [--workers N] [--phases P]
// [--work-ms W] [--skew-ms S] [--json]` to `app`; when chosen, `action` is set to run it (mode mpi
// through mpi_barrier_runner(), given the whole command line `argv`). The run exits 1 when its
// answer differs from the sequential reference (after its report), 0 when it matches.
void add_barrier_command(CLI::App& app, std::function<int()>& action, std::span<char* const> argv);

}  // namespace cplay

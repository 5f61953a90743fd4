#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// Adds `cplay async [--scenario gather|cancel|timeout|race|all] [--tasks N] [--latency-ms L]
// [--timeout-ms T] [--sync none|lock] [--increments I] [--json]` to `app`; when chosen, `action`
// is set to run it.
void add_async_command(CLI::App& app, std::function<int()>& action);

}  // namespace cplay

#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// Adds `cplay semaphore [--mode threads|async] [--tasks N] [--limit K] [--latency-ms L] [--sweep]
// [--json]` to `app`; when chosen, `action` is set to run it.
void add_semaphore_command(CLI::App& app, std::function<int()>& action);

}  // namespace cplay

#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// Adds `cplay pool [--mode threads|processes] [--start-method fork|spawn] [--tasks M] [--workers W]
// [--work N] [--json]` to `app`; when chosen, `action` is set to run it.
void add_pool_command(CLI::App& app, std::function<int()>& action);

}  // namespace cplay

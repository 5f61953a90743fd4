#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// Adds `cplay start-methods [--workers N] [--json]` to `app`; when it is chosen, `action` is set
// to run it (cli_main runs the action after parsing, inside its error handling).
void add_start_methods_command(CLI::App& app, std::function<int()>& action);

}  // namespace cplay

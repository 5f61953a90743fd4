#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// Adds `cplay deadlock [--mode M] [--workers N] [--order O] [--strategy S] [--rounds R]
// [--hold-ms H] [--json]` to `app`; when chosen, `action` is set to run it. The run exits 1 when
// it deadlocked (after its report), 0 when every worker finished.
void add_deadlock_command(CLI::App& app, std::function<int()>& action);

}  // namespace cplay

#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// Adds `cplay explore race|deadlock|async-race|barrier [flags] [--schedule 0,1,1,0] [--json]`:
// every schedule of the scenario grouped by outcome, or one schedule replayed step by step.
// Exit 0 (whatever the outcome: finding a lost update is the point), 2 for bad input.
void add_explore_command(CLI::App& app, std::function<int()>& action);

}  // namespace cplay

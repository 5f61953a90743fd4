#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// `cplay compare <experiment>`: one experiment run once per row (a mode, a start method, the
// barrier's sync), with the same other inputs in every row, and one table of wall times, ratios
// and results (or one JSON report per line).
void add_experiment_comparisons(CLI::App& compare, std::function<int()>& action);

}  // namespace cplay

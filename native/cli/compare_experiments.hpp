#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// `cplay compare queue|deadlock|barrier|semaphore`: one experiment run once per value of the
// input that tells its ways apart (its mode, or the barrier's sync), with the same other inputs,
// and one table of wall times, ratios and results (or one JSON report per line).
void add_experiment_comparisons(CLI::App& compare, std::function<int()>& action);

}  // namespace cplay

#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "playground/report.hpp"

namespace cplay {

// One line that says what the run computed, e.g. "9592 primes up to 100000 (largest 99991)".
std::string describe_result(const playground::Report&);

// The whole human-readable report: what ran, the result, wall time, and one row per worker.
void print_report(std::ostream&, const playground::Report&);

// Summary of repeated race runs: lost updates per run, min/mean/max.
void print_race_summary(std::ostream&, const std::vector<playground::Report>&);

// Milliseconds in a readable unit ("850.2 ms", "3.41 s").
std::string format_duration(double ms);

}  // namespace cplay

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
// One run of a demo as the CLI prints it: its JSON line, "run i: ..." when there are several, or
// the whole report. `index` counts from 0.
void print_run(std::ostream&, const playground::Report&, bool json, std::uint64_t index, std::uint64_t runs);

void print_race_summary(std::ostream&, const std::vector<playground::Report>&);

// Milliseconds in a readable unit ("850.2 ms", "3.41 s").
std::string format_duration(double ms);

// Milliseconds with one decimal, for tables whose column stays in ms ("12.3 ms").
std::string ms_text(double ms);

// Like ms_text, with microseconds shown below 10 ms, where start and hand-off costs live ("0.042 ms").
std::string fine_ms_text(double ms);

}  // namespace cplay

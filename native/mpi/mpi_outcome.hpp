#pragma once
// What one rank sends rank 0 at the end of a run, and the report rank 0 makes of them all.
#include <string>
#include <vector>

#include "playground/report.hpp"

namespace cplay::mpi {

struct RankOutcome {
  playground::DemoPartial partial;
  playground::Span span;  // worker = the rank; host set
  std::vector<playground::Event> events;
  bool events_truncated = false;
  bool stopped = false;  // cancelled or past its deadline before its work was done
};

std::string outcome_to_text(const RankOutcome&);
RankOutcome outcome_from_text(playground::Demo, const std::string&);

struct JobFacts {
  std::string library;
  std::uint64_t chunks = 0;
  double wall_ms = 0;
};

// The report of the whole job: every rank's partial absorbed, one span per rank with its host,
// and every rank's events. `race_result` replaces the merged result (the race's counter lives in a
// window, not in the partials).
playground::Report assemble_job(const playground::Request&, const std::vector<RankOutcome>&, const JobFacts&);

}  // namespace cplay::mpi

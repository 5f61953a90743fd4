#include "mpi/mpi_outcome.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "playground/report_json.hpp"
#include "playground/workload.hpp"

namespace cplay::mpi {

using nlohmann::json;
using playground::WorkerState;

namespace {
int state_code(WorkerState state) { return static_cast<int>(state); }
}  // namespace

std::string outcome_to_text(const RankOutcome& outcome) {
  const playground::Span& s = outcome.span;
  json events = json::array();
  for (const playground::Event& e : outcome.events) events.push_back({state_code(e.state), e.start_ms, e.end_ms});
  return json{{"partial", playground::partial_to_json(outcome.partial)},
              {"span", {s.worker, s.pid, s.tid, s.start_ms, s.end_ms, s.items, s.host}},
              {"events", std::move(events)},
              {"truncated", outcome.events_truncated},
              {"stopped", outcome.stopped}}
      .dump();
}

RankOutcome outcome_from_text(playground::Demo demo, const std::string& text) {
  const json in = json::parse(text);
  RankOutcome outcome;
  outcome.partial = playground::partial_from_json(demo, in.at("partial"));
  const json& s = in.at("span");
  outcome.span = {s.at(0).get<std::uint64_t>(), s.at(1).get<std::int64_t>(), s.at(2).get<std::int64_t>(),
                  s.at(3).get<double>(),        s.at(4).get<double>(),       s.at(5).get<std::uint64_t>(),
                  s.at(6).get<std::string>()};
  for (const json& e : in.at("events"))
    outcome.events.push_back({outcome.span.worker, static_cast<WorkerState>(e.at(0).get<int>()), e.at(1).get<double>(),
                              e.at(2).get<double>()});
  outcome.events_truncated = in.at("truncated").get<bool>();
  outcome.stopped = in.at("stopped").get<bool>();
  return outcome;
}

playground::Report assemble_job(const playground::Request& request, const std::vector<RankOutcome>& outcomes,
                                const JobFacts& facts) {
  auto workload = playground::make_workload(request, 1);
  playground::Report report;
  report.request = request;
  playground::MpiFacts mpi{facts.library, {}, facts.chunks};
  for (const RankOutcome& outcome : outcomes) {
    workload->absorb(outcome.partial);
    report.spans.push_back(outcome.span);
    report.events.insert(report.events.end(), outcome.events.begin(), outcome.events.end());
    report.events_truncated = report.events_truncated || outcome.events_truncated;
    if (std::find(mpi.hosts.begin(), mpi.hosts.end(), outcome.span.host) == mpi.hosts.end())
      mpi.hosts.push_back(outcome.span.host);
  }
  std::stable_sort(report.events.begin(), report.events.end(),
                   [](const playground::Event& a, const playground::Event& b) { return a.start_ms < b.start_ms; });
  report.result = workload->result();
  // Each rank times its span from its own clock, started as it left the start barrier; ranks leave
  // it a little apart, so the job lasted at least as long as any rank's span says.
  report.wall_ms = facts.wall_ms;
  for (const RankOutcome& outcome : outcomes) report.wall_ms = std::max(report.wall_ms, outcome.span.end_ms);
  report.mpi = std::move(mpi);
  return report;
}

}  // namespace cplay::mpi

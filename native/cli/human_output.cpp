#include "cli/human_output.hpp"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace cplay {

using playground::Demo;
using playground::Report;

std::string format_duration(double ms) {
  char text[32];
  if (ms < 1000) std::snprintf(text, sizeof text, "%.1f ms", ms);
  else std::snprintf(text, sizeof text, "%.2f s", ms / 1000.0);
  return text;
}

std::string describe_result(const Report& report) {
  const auto& r = report.result;
  std::ostringstream out;
  switch (report.request.demo) {
    case Demo::Primes:
      out << r.at("count").get<std::uint64_t>() << " primes up to " << report.request.params.limit;
      if (r.at("count").get<std::uint64_t>() > 0) out << " (largest " << r.at("largest").get<std::uint64_t>() << ")";
      break;
    case Demo::Factorial:
      out << r.at("count").get<std::uint64_t>() << " x " << r.at("n").get<std::uint64_t>() << "! = "
          << r.at("leading").get<std::string>() << (r.at("digits").get<std::uint64_t>() > 20 ? "..." : "") << " ("
          << r.at("digits").get<std::uint64_t>() << " digits, " << r.at("trailing_zeros").get<std::uint64_t>()
          << " trailing zeros, " << r.at("bits").get<std::uint64_t>() << " bits)";
      break;
    case Demo::Race:
      if (r.contains("child_finals")) {
        out << "nothing shared, nothing lost: each child counted its own copy to";
        for (const auto& value : r.at("child_finals")) out << " " << value.get<std::int64_t>();
        out << "; the parent's counter stayed " << r.at("final").get<std::int64_t>();
      } else {
        out << "counter " << r.at("final").get<std::int64_t>() << " of " << r.at("expected").get<std::int64_t>() << ": "
            << r.at("lost").get<std::int64_t>() << " updates lost (sync " << r.at("sync").get<std::string>() << ")";
      }
      break;
    case Demo::Io:
      out << r.at("completed").get<std::uint64_t>() << " of " << r.at("tasks").get<std::uint64_t>() << " tasks completed";
      break;
  }
  return out.str();
}

void print_report(std::ostream& out, const Report& report) {
  const auto& request = report.request;
  out << playground::to_string(request.demo) << " " << playground::params_to_json(request).dump() << "\n";
  out << "mode " << playground::to_string(request.mode);
  if (request.start_method) out << " (" << playground::to_string(*request.start_method) << ")";
  out << ", " << request.workers << (request.workers == 1 ? " worker" : " workers") << "\n";
  out << "result: " << describe_result(report) << "\n";
  out << "wall time: " << format_duration(report.wall_ms) << "\n";
  if (report.extra.contains("gil"))
    out << "GIL hand-overs: " << report.extra.at("gil").at("switches").get<std::uint64_t>() << "\n";
  out << std::left << std::setw(8) << "worker" << std::setw(10) << "pid" << std::setw(10) << "tid" << std::setw(12)
      << "items" << std::setw(12) << "start ms" << "end ms\n";
  out << std::fixed << std::setprecision(1);
  for (const auto& span : report.spans)
    out << std::setw(8) << span.worker << std::setw(10) << span.pid << std::setw(10) << span.tid << std::setw(12)
        << span.items << std::setw(12) << span.start_ms << span.end_ms << "\n";
  out << std::defaultfloat;
  if (request.demo == Demo::Factorial && report.result.contains("decimal"))
    out << "decimal:\n" << report.result.at("decimal").get<std::string>() << "\n";
}

void print_race_summary(std::ostream& out, const std::vector<Report>& runs) {
  if (runs.size() < 2) return;
  if (!runs.front().result.contains("lost")) {
    out << "over " << runs.size() << " runs: no counter was shared (no --shared-memory), so none could lose an update\n";
    return;
  }
  std::vector<std::int64_t> lost;
  for (const auto& run : runs) lost.push_back(run.result.at("lost").get<std::int64_t>());
  const auto [min, max] = std::minmax_element(lost.begin(), lost.end());
  double mean = 0;
  for (auto l : lost) mean += static_cast<double>(l);
  mean /= static_cast<double>(lost.size());
  const auto with_losses = std::count_if(lost.begin(), lost.end(), [](std::int64_t l) { return l > 0; });
  out << "over " << runs.size() << " runs: updates lost min " << *min << ", mean " << std::fixed << std::setprecision(1)
      << mean << std::defaultfloat << ", max " << *max << "; " << with_losses << " of " << runs.size()
      << " runs lost updates\n";
}

}  // namespace cplay

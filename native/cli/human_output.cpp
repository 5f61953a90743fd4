#include "cli/human_output.hpp"

#include "playground/report_json.hpp"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>
#include <variant>

#include <nlohmann/json.hpp>

namespace cplay {

using playground::Report;

std::string format_duration(double ms) {
  char text[32];
  if (ms < 1000) std::snprintf(text, sizeof text, "%.1f ms", ms);
  else std::snprintf(text, sizeof text, "%.2f s", ms / 1000.0);
  return text;
}

std::string ms_text(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f ms", ms);
  return text;
}

std::string fine_ms_text(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, ms < 10 ? "%.3f ms" : "%.1f ms", ms);
  return text;
}

namespace {

// Each demo's line, from its result's fields.
struct ResultLine {
  const playground::Request& request;
  std::ostringstream& out;

  void operator()(const playground::PrimesResult& r) const {
    out << r.count << " primes up to " << request.params.limit;
    if (r.count > 0) out << " (largest " << r.largest << ")";
  }
  void operator()(const playground::FactorialResult& r) const {
    out << r.count << " x " << r.n << "! = " << r.leading << (r.digits > 20 ? "..." : "") << " (" << r.digits
        << " digits, " << r.trailing_zeros << " trailing zeros, " << r.bits << " bits)";
  }
  void operator()(const playground::RaceResult& r) const {
    if (r.lost) {
      out << "counter " << r.final_value << " of " << r.expected << ": " << *r.lost << " updates lost (sync "
          << playground::to_string(r.sync) << ")";
      return;
    }
    // No `lost`: processes without shared memory, where each child counted its own copy.
    out << "nothing shared, nothing lost: each child counted its own copy to";
    if (r.child_finals)
      for (const std::int64_t value : *r.child_finals) out << " " << value;
    out << "; the parent's counter stayed " << r.final_value;
  }
  void operator()(const playground::IoResult& r) const {
    out << r.completed << " of " << r.tasks << " tasks completed";
    if (r.total_bytes)
      out << ", " << *r.total_bytes << " bytes received in all, "
          << (r.intact.value_or(false) ? "every body exact and intact" : "SOME BODY SHORT OR WRONG");
  }
};

// io --source http: each task's download, as measured on its socket.
void print_fetches(std::ostream& out, const Report& report) {
  const auto* io = std::get_if<playground::IoResult>(&report.result);
  if (io == nullptr || !io->fetches) return;
  out << std::left << std::setw(8) << "task" << std::setw(10) << "bytes" << std::setw(8) << "intact" << std::setw(12)
      << "start ms" << std::setw(16) << "first byte ms" << "end ms\n";
  out << std::fixed << std::setprecision(1);
  for (const auto& fetch : *io->fetches)
    out << std::setw(8) << fetch.task << std::setw(10) << fetch.bytes << std::setw(8) << (fetch.intact ? "yes" : "NO")
        << std::setw(12) << fetch.start_ms << std::setw(16) << fetch.first_byte_ms << fetch.end_ms << "\n";
  out << std::defaultfloat;
}

}  // namespace

std::string describe_result(const Report& report) {
  std::ostringstream out;
  std::visit(ResultLine{report.request, out}, report.result);
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
  if (report.gil) out << "GIL hand-overs: " << report.gil->switches << "\n";
  if (report.mpi) {
    out << "MPI: " << report.mpi->library << "; " << report.spans.size() << " ranks on " << report.mpi->hosts.size()
        << (report.mpi->hosts.size() == 1 ? " host" : " hosts");
    if (report.mpi->chunks > 0) out << "; rank 0 handed out " << report.mpi->chunks << " chunks of work";
    out << "\n";
  }
  out << std::left << std::setw(8) << (report.mpi ? "rank" : "worker") << std::setw(10) << "pid" << std::setw(10) << "tid" << std::setw(12)
      << "items" << std::setw(12) << "start ms" << "end ms" << (report.mpi ? "    host" : "") << "\n";
  out << std::fixed << std::setprecision(1);
  for (const auto& span : report.spans)
    out << std::setw(8) << span.worker << std::setw(10) << span.pid << std::setw(10) << span.tid << std::setw(12)
        << span.items << std::setw(12) << span.start_ms << span.end_ms << (span.host.empty() ? "" : "  " + span.host) << "\n";
  out << std::defaultfloat;
  print_fetches(out, report);
  if (const auto* factorial = std::get_if<playground::FactorialResult>(&report.result); factorial && factorial->decimal)
    out << "decimal:\n" << *factorial->decimal << "\n";
}

void print_run(std::ostream& out, const Report& report, bool json, std::uint64_t index, std::uint64_t runs) {
  if (json) out << playground::report_to_json(report).dump() << std::endl;
  else if (runs > 1) out << "run " << (index + 1) << ": " << describe_result(report) << " in " << format_duration(report.wall_ms) << std::endl;
  else print_report(out, report);
}

void print_race_summary(std::ostream& out, const std::vector<Report>& runs) {
  if (runs.size() < 2) return;
  std::vector<std::int64_t> lost;
  for (const auto& run : runs) {
    const auto* race = std::get_if<playground::RaceResult>(&run.result);
    if (race == nullptr) return;
    if (!race->lost) {
      out << "over " << runs.size() << " runs: no counter was shared (no --shared-memory), so none could lose an update\n";
      return;
    }
    lost.push_back(*race->lost);
  }
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

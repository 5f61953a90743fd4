#include "cli/compare.hpp"

#include <cstdio>
#include <iomanip>
#include <optional>
#include <vector>

#include "common/execute.hpp"
#include "cli/human_output.hpp"
#include "playground/platform.hpp"
#include "playground/report_json.hpp"

namespace cplay {

using nlohmann::json;

namespace {

struct Row {
  const char* mode;
  const char* start_method;  // processes only
};

constexpr Row kRows[] = {{"sequential", nullptr}, {"threads", nullptr},   {"gil-threads", nullptr},
                         {"async", nullptr},      {"processes", "fork"}, {"processes", "spawn"}};

json row_request(json request, const Row& row) {
  request["mode"] = row.mode;
  if (row.start_method) {
    request["start_method"] = row.start_method;
  } else {
    // Threads always share memory: the flag belongs to the process rows only.
    request["params"].erase("shared_memory");
  }
  if (std::string(row.mode) != "gil-threads") request["params"].erase("switch_interval_ms");
  return request;
}

std::string row_label(const playground::Request& request) {
  std::string label(playground::to_string(request.mode));
  if (request.start_method) label += " (" + std::string(playground::to_string(*request.start_method)) + ")";
  return label;
}

}  // namespace

int run_compare(const json& base_request, std::uint64_t repeat, bool json_output, std::ostream& out) {
  std::vector<playground::Request> requests;
  for (const Row& row : kRows) requests.push_back(parse_native_request(row_request(base_request, row)));

  if (!json_output) {
    out << "compare " << playground::to_string(requests.front().demo) << " "
        << playground::params_to_json(requests.front()).dump() << " on " << playground::hardware_cores()
        << " cores" << (repeat > 1 ? ", fastest of " + std::to_string(repeat) + " runs per mode" : "") << "\n";
    out << std::left << std::setw(20) << "mode" << std::setw(9) << "workers" << std::setw(12) << "wall time"
        << std::setw(10) << "speedup" << "result\n";
  }
  // Rounds visit every mode in turn, so that a slow spell of a shared machine hits all modes
  // alike instead of whichever mode happened to be repeating then.
  std::vector<std::optional<playground::Report>> fastest(requests.size());
  for (std::uint64_t round = 0; round < repeat; ++round) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      playground::Report report = execute(requests[i], {.show_progress = !json_output});
      if (!fastest[i] || report.wall_ms < fastest[i]->wall_ms) fastest[i] = std::move(report);
    }
  }
  const double sequential_ms = fastest.front()->wall_ms;
  for (const auto& report : fastest) {
    if (json_output) {
      out << playground::report_to_json(*report).dump() << std::endl;
      continue;
    }
    char speedup[32];
    std::snprintf(speedup, sizeof speedup, "%.2fx", report->wall_ms > 0 ? sequential_ms / report->wall_ms : 0.0);
    out << std::setw(20) << row_label(report->request) << std::setw(9) << report->request.workers << std::setw(12)
        << format_duration(report->wall_ms) << std::setw(10) << speedup << describe_result(*report) << std::endl;
  }
  return 0;
}

}  // namespace cplay

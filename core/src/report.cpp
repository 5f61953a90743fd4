#include "playground/report_json.hpp"

#include <cmath>

#include "playground/errors.hpp"
#include "playground/platform.hpp"

namespace playground {

using json = nlohmann::json;

namespace {
// Three decimals keep reports readable without hiding sub-millisecond spans.
double rounded(double ms) { return std::round(ms * 1000.0) / 1000.0; }
}  // namespace

std::string_view to_string(WorkerState state) {
  switch (state) {
    case WorkerState::Running: return "running";
    case WorkerState::Waiting: return "waiting";
    case WorkerState::GilWait: return "gil-wait";
  }
  return "?";
}

json platform_json() {
  return {{"runtime", runtime_name()},
          {"os", os_name()},
          {"cores", hardware_cores()},
          {"compiler", compiler_name()}};
}

json report_to_json(const Report& report) {
  json out = request_to_json(report.request);
  out["schema"] = 1;
  out["result"] = result_to_json(report.result);
  out["wall_ms"] = rounded(report.wall_ms);
  json spans = json::array();
  for (const Span& s : report.spans) {
    json& span = spans.emplace_back(json{{"worker", s.worker},
                                         {"pid", s.pid},
                                         {"tid", s.tid},
                                         {"start_ms", rounded(s.start_ms)},
                                         {"end_ms", rounded(s.end_ms)},
                                         {"items", s.items}});
    if (!s.host.empty()) span["host"] = s.host;
  }
  out["spans"] = std::move(spans);
  json events = json::array();
  for (const Event& e : report.events)
    events.push_back({{"worker", e.worker},
                      {"state", to_string(e.state)},
                      {"start_ms", rounded(e.start_ms)},
                      {"end_ms", rounded(e.end_ms)}});
  out["events"] = std::move(events);
  if (report.events_truncated) out["events_truncated"] = true;
  if (report.gil) out["gil"] = *report.gil;
  if (report.mpi)
    out["mpi"] = {{"library", report.mpi->library}, {"hosts", report.mpi->hosts}, {"chunks", report.mpi->chunks}};
  out["platform"] = platform_json();
  return out;
}

json error_to_json(const std::string& code, const std::string& message) {
  return {{"schema", 1}, {"error", {{"code", code}, {"message", message}}}};
}

json error_report_for(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const json::parse_error& e) {
    return error_to_json("invalid-json", std::string("the request is not valid JSON: ") + e.what());
  } catch (const json::out_of_range& e) {
    // 406: the parser met a number beyond a double's range (1e400): bad input, not a fault.
    if (e.id == 406) return error_to_json("invalid-json", std::string("the request is not valid JSON: ") + e.what());
    return error_to_json("internal", e.what());
  } catch (const ArgumentError& e) {
    return error_to_json(e.code(), e.what());
  } catch (const RunError& e) {
    return error_to_json(e.code(), e.what());
  } catch (const std::bad_alloc&) {
    return error_to_json("out-of-memory", "the run needed more memory than is available");
  } catch (const std::exception& e) {
    return error_to_json("internal", e.what());
  } catch (...) {
    return error_to_json("internal", "unknown failure");
  }
}

bool is_bad_request(const json& error_report) {
  const std::string code = error_report.at("error").at("code").get<std::string>();
  return code == "invalid-json" || code == "invalid-argument";
}

}  // namespace playground

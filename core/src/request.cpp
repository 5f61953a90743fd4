#include "playground/request.hpp"

#include <algorithm>
#include <stdexcept>
#include <charconv>
#include <nlohmann/json.hpp>

#include "playground/errors.hpp"
#include "playground/platform.hpp"

namespace playground {
namespace {

// Request text is the client's bytes: classify them as unsigned char, never as a signed char
// passed to <cctype> (undefined for negative values), and only as ASCII.
bool is_ascii_digit(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= '0' && byte <= '9';
}


using json = nlohmann::json;

std::string range_text(const ParamSpec& spec) {
  return "an integer from " + std::to_string(spec.min) + " to " + std::to_string(spec.max);
}

}  // namespace

namespace {

// What the client sent, for a message: short, whatever its size.
std::string shown(const json& value) {
  constexpr std::size_t kShownChars = 60;
  std::string text = value.is_string() ? "'" + value.get<std::string>() + "'"
                                       : value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > kShownChars) text = text.substr(0, kShownChars) + "...";
  return text;
}

}  // namespace

json parse_request_text(std::string_view text) {
  // nlohmann copies and prints values recursively: a deeply nested value in a small body could
  // exhaust a thread's stack later on. A request is three levels deep; refuse more than a few.
  constexpr int kMaxDepth = 8;
  const json::parser_callback_t limit_depth = [](int depth, json::parse_event_t, json&) {
    if (depth > kMaxDepth)
      throw ArgumentError("the request is nested more than " + std::to_string(kMaxDepth) + " levels deep", "invalid-json");
    return true;
  };
  return json::parse(text, limit_depth);
}

std::uint64_t parse_numeric(const json& value, const ParamSpec& spec) {
  auto fail = [&](const std::string& got) -> std::uint64_t {
    throw ArgumentError(std::string(spec.flag) + " must be " + range_text(spec) + " (got " + got + ")");
  };
  std::uint64_t number = 0;
  if (value.is_number_unsigned()) {
    number = value.get<std::uint64_t>();
  } else if (value.is_number_integer()) {
    // Signed storage does not mean negative: JSON built in C++ from an int holds 5 as signed.
    const auto signed_number = value.get<std::int64_t>();
    if (signed_number < 0) return fail(std::to_string(signed_number));
    number = static_cast<std::uint64_t>(signed_number);
  } else if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    const char* first = text.data();
    const char* last = first + text.size();
    auto [end, ec] = std::from_chars(first, last, number);
    if (text.empty() || ec == std::errc::result_out_of_range) {
      if (ec == std::errc::result_out_of_range && std::all_of(first, last, is_ascii_digit))
        return fail(shown(value) + ", too large");
      return fail(shown(value));
    }
    if (ec != std::errc() || end != last) return fail(shown(value));
  } else {
    return fail(shown(value));
  }
  if (number < spec.min || number > spec.max) return fail(std::to_string(number));
  return number;
}

namespace {

template <typename Enum>
Enum parse_name(const json& value, const NameTable<Enum>& names, std::string_view flag) {
  if (value.is_string()) {
    if (auto parsed = names.parse(value.get_ref<const std::string&>())) return *parsed;
  }
  throw ArgumentError(std::string(flag) + " must be one of " + names.list() + " (got " + shown(value) + ")");
}

bool parse_flag(const json& value, std::string_view flag) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
  }
  throw ArgumentError(std::string(flag) + " must be true or false (got " + shown(value) + ")");
}

std::string flag_of(std::string_view key) {
  std::string flag = "--" + std::string(key);
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

// The field of an integer parameter in `p` (a Params or a const Params); null for any other key.
template <typename ParamsRef>
auto* integer_field(ParamsRef& p, std::string_view key) {
  if (key == "limit") return &p.limit;
  if (key == "n") return &p.n;
  if (key == "count") return &p.count;
  if (key == "increments") return &p.increments;
  if (key == "runs") return &p.runs;
  if (key == "tasks") return &p.tasks;
  if (key == "latency_ms") return &p.latency_ms;
  if (key == "bytes") return &p.bytes;
  if (key == "switch_interval_ms") return &p.switch_interval_ms;
  return static_cast<decltype(&p.limit)>(nullptr);
}

void apply_param(Params& p, std::string_view key, const json& value) {
  const ParamSpec& spec = param_spec(key);
  if (key == "algorithm") p.algorithm = parse_name(value, algorithm_names(), spec.flag);
  else if (key == "sync") p.sync = parse_name(value, sync_names(), spec.flag);
  else if (key == "source") p.source = parse_name(value, wait_source_names(), spec.flag);
  else if (key == "print") p.print = parse_flag(value, spec.flag);
  else if (key == "shared_memory") p.shared_memory = parse_flag(value, spec.flag);
  else if (std::uint64_t* field = integer_field(p, key)) *field = parse_numeric(value, spec);
  else throw std::logic_error("no field for parameter " + std::string(key));
}

// How many workers `mode` may have here; sequential and processes runs are bounded elsewhere.
std::uint64_t worker_cap(const Capabilities& caps, Mode mode) {
  if (mode == Mode::Processes) return caps.max_processes;
  if (mode == Mode::Mpi) return caps.max_ranks;
  return mode == Mode::Async ? caps.max_coroutines : caps.max_threads;
}

// io: the http source where this runtime has one, with its own bounds; --bytes only with it.
void check_io_source(const Request& r, const json& params, const Capabilities& caps, const CombinedLimits& limits) {
  if (r.params.source != WaitSource::Http) {
    if (params.contains("bytes")) throw ArgumentError("--bytes applies only to --source http (a sleep has no body)");
    return;
  }
  if (!caps.http_unavailable_reason.empty()) throw ArgumentError("--source http: " + caps.http_unavailable_reason);
  // The payload server is one process on one host; ranks may run on others.
  if (r.mode == Mode::Mpi) throw ArgumentError("--source http is not available in mode mpi (use --source sleep)");
  if (r.params.tasks > limits.max_http_tasks)
    throw ArgumentError("--tasks must be an integer from 1 to " + std::to_string(limits.max_http_tasks) +
                        " with --source http (got " + std::to_string(r.params.tasks) + ")");
}

}  // namespace

std::uint64_t default_workers(Demo demo, const Params& params) {
  const DefaultWorkers& rule = demo_spec(demo).default_workers;
  const std::uint64_t most = combined_limits().max_default_workers;
  switch (rule.rule) {
    case DefaultWorkers::Rule::Cores: return std::clamp<std::uint64_t>(hardware_cores(), 1, most);
    case DefaultWorkers::Rule::Param: return std::clamp<std::uint64_t>(*integer_field(params, rule.param), 1, most);
    case DefaultWorkers::Rule::Fixed: return rule.value;
  }
  return 1;
}

Request parse_request(const json& in, const Capabilities& caps) {
  if (!in.is_object()) throw ArgumentError("a request must be a JSON object");
  for (const auto& [key, value] : in.items()) {
    if (key != "demo" && key != "mode" && key != "workers" && key != "start_method" &&
        key != "params")
      throw ArgumentError("unknown request field '" + key +
                          "' (expected demo, mode, workers, start_method, params)");
  }
  Request r;
  if (!in.contains("demo")) throw ArgumentError("demo is required: one of " + demo_names().list());
  r.demo = parse_name(in.at("demo"), demo_names(), "demo");
  if (in.contains("mode")) r.mode = parse_name(in.at("mode"), mode_names(), param_spec("mode").flag);

  const json params = in.value("params", json::object());
  if (!params.is_object()) throw ArgumentError("params must be a JSON object");
  const auto keys = param_keys(r.demo, r.mode);
  for (const auto& [key, value] : params.items()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string accepted;
      for (auto k : keys) accepted += (accepted.empty() ? "" : ", ") + flag_of(k);
      throw ArgumentError("unknown option " + flag_of(key) + " for " + std::string(to_string(r.demo)) +
                          " in mode " + std::string(to_string(r.mode)) + " (accepted: " + accepted + ")");
    }
    apply_param(r.params, key, value);
  }

  const bool workers_given = in.contains("workers") && !in.at("workers").is_null();
  r.workers = workers_given ? parse_numeric(in.at("workers"), param_spec("workers"))
                            : default_workers(r.demo, r.params);
  if (!workers_given) {
    // A default must fit this runtime: only a count the sender chose may be refused below.
    const std::uint64_t cap = worker_cap(caps, r.mode);
    if (cap > 0) r.workers = std::min(r.workers, cap);
  }
  // One thread runs a sequential run. The race's work is one loop per worker, so there the count
  // stays: its loops run one after another, and its total is the same as in the parallel modes.
  if (r.mode == Mode::Sequential && r.demo != Demo::Race) r.workers = 1;

  if (r.mode == Mode::Mpi && caps.max_ranks == 0) throw ArgumentError("--mode mpi: " + caps.mpi_unavailable_reason);
  if (r.mode == Mode::Processes) {
    if (caps.max_processes == 0) throw ArgumentError("--mode processes: " + caps.processes_unavailable_reason);
    if (r.workers > caps.max_processes)
      throw ArgumentError("--workers must be an integer from 1 to " + std::to_string(caps.max_processes) +
                          " in mode processes (got " + std::to_string(r.workers) + ")");
    r.start_method = caps.start_methods.empty() ? StartMethod::Fork : caps.start_methods.front();
    if (in.contains("start_method") && !in.at("start_method").is_null()) {
      const StartMethod wanted = parse_name(in.at("start_method"), start_method_names(), param_spec("start_method").flag);
      if (std::find(caps.start_methods.begin(), caps.start_methods.end(), wanted) == caps.start_methods.end()) {
        std::string accepted;
        for (auto m : caps.start_methods) accepted += (accepted.empty() ? "" : "|") + std::string(to_string(m));
        throw ArgumentError("--start-method must be one of " + accepted + " here (got '" +
                            std::string(to_string(wanted)) + "')");
      }
      r.start_method = wanted;
    }
  } else {
    if (in.contains("start_method") && !in.at("start_method").is_null())
      throw ArgumentError("--start-method applies only to --mode processes");
    if (r.mode != Mode::Sequential && r.workers > worker_cap(caps, r.mode))
      throw ArgumentError("--workers must be an integer from 1 to " + std::to_string(worker_cap(caps, r.mode)) +
                          " in mode " + std::string(to_string(r.mode)) + " here (got " +
                          std::to_string(r.workers) + ")");
  }

  const CombinedLimits& limits = combined_limits();
  if (r.demo == Demo::Race) {
    if (r.params.shared_memory && r.mode != Mode::Processes)
      throw ArgumentError("--shared-memory applies only to --mode processes (threads always share memory; MPI ranks "
                          "share the counter through a window)");
    if (r.workers * r.params.increments > limits.max_total_increments)
      throw ArgumentError("--workers x --increments must be at most " + std::to_string(limits.max_total_increments) +
                          " (got " + std::to_string(r.workers) + " x " + std::to_string(r.params.increments) + ")");
  }
  if (r.demo == Demo::Io) check_io_source(r, params, caps, limits);
  if (r.demo == Demo::Io && r.params.tasks * r.params.latency_ms > limits.max_total_wait_ms)
    throw ArgumentError("--tasks x --latency-ms must be at most " + std::to_string(limits.max_total_wait_ms) +
                        " ms of waiting in all (got " + std::to_string(r.params.tasks) + " x " +
                        std::to_string(r.params.latency_ms) + ")");
  return r;
}

json params_to_json(const Request& r) {
  const Params& p = r.params;
  json out = json::object();
  for (auto key : param_keys(r.demo, r.mode)) {
    if (key == "limit") out["limit"] = p.limit;
    else if (key == "algorithm") out["algorithm"] = to_string(p.algorithm);
    else if (key == "n") out["n"] = p.n;
    else if (key == "count") out["count"] = p.count;
    else if (key == "print") out["print"] = p.print;
    else if (key == "increments") out["increments"] = p.increments;
    else if (key == "sync") out["sync"] = to_string(p.sync);
    else if (key == "shared_memory") out["shared_memory"] = p.shared_memory;
    else if (key == "runs") out["runs"] = p.runs;
    else if (key == "tasks") out["tasks"] = p.tasks;
    else if (key == "latency_ms") out["latency_ms"] = p.latency_ms;
    // Only an http run names its source: a sleeping run's head stays as it always was.
    else if (key == "source" && p.source == WaitSource::Http) out["source"] = to_string(p.source);
    else if (key == "bytes" && p.source == WaitSource::Http) out["bytes"] = p.bytes;
    else if (key == "switch_interval_ms") out["switch_interval_ms"] = p.switch_interval_ms;
  }
  return out;
}

json request_to_json(const Request& r) {
  json out;
  out["demo"] = to_string(r.demo);
  out["mode"] = to_string(r.mode);
  out["start_method"] = r.start_method ? json(to_string(*r.start_method)) : json(nullptr);
  out["workers"] = r.workers;
  out["params"] = params_to_json(r);
  return out;
}

}  // namespace playground

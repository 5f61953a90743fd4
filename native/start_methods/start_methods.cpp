#include "start_methods/start_methods.hpp"

#include <mutex>

#include "common/machine_info.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "processes/process_runner.hpp"
#include "start_methods/start_costs.hpp"
#include "start_methods/start_parent_state.hpp"
#include "start_methods/start_probes.hpp"

namespace cplay {
namespace {

using nlohmann::json;

constexpr const char* kStartMethodsExperiment = "start-methods";

// The parent changes its global variable for the length of a run, and puts it back after.
class ChangedMarker {
 public:
  ChangedMarker() { set_start_marker(kMarkerChanged); }
  ~ChangedMarker() { set_start_marker(kMarkerAsCompiled); }
  ChangedMarker(const ChangedMarker&) = delete;
  ChangedMarker& operator=(const ChangedMarker&) = delete;
};

// A worker's answer with the table's three facts decided, and its cost.
json kind_row(json answer, double start_join_ms) {
  answer["sees_changed_variable"] = answer.at("variable") == kMarkerChanged;
  answer["sees_open_file"] = answer.at("same_file");
  answer["start_join_ms_per_worker"] = start_join_ms;
  return answer;
}

}  // namespace

json run_start_methods(const StartMethodsOptions& options) {
  static std::mutex one_at_a_time;
  const std::lock_guard lock(one_at_a_time);
  const std::string executable = options.executable.empty() ? self_executable() : options.executable;

  // Before any worker starts: a changed variable, an open file, a running thread.
  const ChangedMarker marker;
  const ScratchFile file;
  json parent;
  json thread;
  json forked;
  json spawned;
  {
    const TickerThread ticker;
    const ProbeQuestion question{file.fd(), file.device(), file.inode(), ticker.tid()};
    parent = probe_here(question);
    thread = probe_in_thread(question);
    forked = probe_in_fork(question);
    spawned = probe_in_spawn(question, executable);
    parent["ticker_tid"] = ticker.tid();
    parent["ticker_ticks"] = ticker.ticks();
  }
  parent["initial_variable"] = kMarkerAsCompiled;
  parent["inode"] = file.inode();

  // The costs come after the ticker stopped: the parent starts them as a plain program would.
  const std::uint64_t n = options.workers;
  const double thread_ms = thread_start_join_ms(n);
  const double fork_ms = fork_start_join_ms(n);
  const double spawn_ms = spawn_start_join_ms(n, executable);

  return {{"schema", 1},
          {"experiment", kStartMethodsExperiment},
          {"workers", n},
          {"pid", playground::current_pid()},
          {"tid", playground::current_tid()},
          {"cores", playground::hardware_cores()},
          {"cpu", cpu_model()},
          {"parent", parent},
          {"kinds", json::array({kind_row(thread, thread_ms), kind_row(forked, fork_ms), kind_row(spawned, spawn_ms)})}};
}

StartMethodsOptions start_methods_options_from_json(const json& body) {
  if (!body.is_object())
    throw playground::ArgumentError("the request is a JSON object such as {\"workers\": 8}");
  StartMethodsOptions options;
  for (const auto& [key, value] : body.items()) {
    if (key != "workers")  // the key is the client's text: quote a short part of it
      throw playground::ArgumentError("unknown field '" + key.substr(0, 40) + "' (expected workers)");
    options.workers = playground::parse_numeric(value, playground::start_methods_workers_spec());
  }
  return options;
}

json start_methods_task(const StartMethodsOptions& options) {
  return {{"experiment", kStartMethodsExperiment}, {"options", {{"workers", options.workers}}}};
}

bool is_start_methods_task(const json& task) {
  return task.is_object() && task.contains("experiment") && task["experiment"] == kStartMethodsExperiment;
}

}  // namespace cplay

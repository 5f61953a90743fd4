#pragma once
// The monitor experiment: the lesson's "process A (2 s) and process B (3 s), checked every
// second: name, pid, alive?". Workers named A, B, C... each wait their duration and report when
// they start and end (pid, tid); the parent samples at a chosen interval who is still alive.
// Every event is handed to a sink the moment it happens, so a CLI or a stream can show the run
// while it goes on; the report holds them all.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/catalog.hpp"

namespace playground {

enum class MonitorMode { Threads, Processes, Async };
const NameTable<MonitorMode>& monitor_mode_names();
// fork or spawn only: the processes mode's two ways to start a child.
const NameTable<StartMethod>& monitor_start_method_names();

struct MonitorOptions {
  MonitorMode mode = MonitorMode::Threads;
  StartMethod start_method = StartMethod::Fork;  // processes mode only
  std::vector<std::uint64_t> durations_ms{2000, 3000};  // one worker each: A, B, C...
  std::uint64_t interval_ms = 1000;                     // how often the parent checks

  bool operator==(const MonitorOptions&) const = default;
};

// The inputs with a single value (mode, start_method, interval_ms), as every experiment lists them.
const std::vector<ParamSpec>& monitor_param_specs();
const ParamSpec& monitor_param_spec(std::string_view key);
// --durations-ms is a list, which no ParamSpec kind expresses: its bounds are here, and the
// catalog lists them under experiments.monitor.lists.
inline constexpr std::uint64_t kMaxMonitorWorkers = 8;
inline constexpr std::uint64_t kMaxMonitorDurationMs = 10'000;
inline constexpr std::string_view kMonitorDurationsFlag = "--durations-ms";
// {"modes", "start_methods", "params", "lists": [durations_ms]}: the catalog's experiments.monitor.
nlohmann::json monitor_catalog_to_json();

// "A", "B", ... for worker 0, 1, ...
std::string monitor_worker_name(std::size_t index);

// Throws ArgumentError naming the flag and its accepted range.
void validate_monitor_options(const MonitorOptions&);

struct MonitorAlive {
  std::string worker;
  std::int64_t pid = 0;
  bool alive = false;
};

enum class MonitorEventKind { Started, Ended, Sample };
std::string_view to_string(MonitorEventKind);

// One thing that happened, in ms from the run's start. Started and Ended name one worker with
// its pid and tid (as it reported them); a Sample lists every worker with alive as the parent
// saw it at that moment.
struct MonitorEvent {
  MonitorEventKind kind = MonitorEventKind::Sample;
  double t_ms = 0;
  std::string worker;  // Started, Ended
  std::int64_t pid = 0;
  std::int64_t tid = 0;
  std::vector<MonitorAlive> workers;  // Sample
};

struct MonitorReport {
  MonitorOptions options;
  std::int64_t parent_pid = 0;
  std::int64_t parent_tid = 0;
  std::vector<MonitorEvent> events;  // in the order the sink received them
  double wall_ms = 0;
};

struct MonitorHooks {
  // Called on the parent's thread for each event, in order, as it happens.
  std::function<void(const MonitorEvent&)> on_event;
  // Polled by the parent between samples (and sooner); true: stop every worker, throw RunError "cancelled".
  std::function<bool()> cancelled;
};

// Collects a run's events in order and hands each to the sink as it is added; every mode's
// parent (the native processes mode too) reports through one.
class MonitorLog {
 public:
  MonitorLog(const MonitorOptions& options, MonitorHooks hooks);
  double origin_ms() const { return origin_ms_; }
  double elapsed_ms() const;  // since origin_ms()
  void add(MonitorEvent event);
  bool cancelled() const { return hooks_.cancelled && hooks_.cancelled(); }
  MonitorReport finish();  // the report, wall_ms measured now

 private:
  MonitorHooks hooks_;
  MonitorReport report_;
  double origin_ms_;
};

// Threads or async in the core (processes mode is the native cplay's: run_monitor_processes).
// Threads: one std::thread per worker; alive is a flag the worker sets when it starts and clears
// when it ends, read under the lock that orders the events. Async: one coroutine per worker on
// the core's event loop; alive is "its task has not finished". Every thread is joined before it
// returns or throws. Validates first.
MonitorReport run_monitor(const MonitorOptions&, const MonitorHooks& = {});

}  // namespace playground

#include <array>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/async_control.hpp"
#include "playground/errors.hpp"

namespace playground {
namespace {

constexpr std::array<Named<AsyncScenario>, 5> kScenarios{{{AsyncScenario::Gather, "gather"},
                                                           {AsyncScenario::Cancel, "cancel"},
                                                           {AsyncScenario::Timeout, "timeout"},
                                                           {AsyncScenario::Race, "race"},
                                                           {AsyncScenario::All, "all"}}};
constexpr NameTable<AsyncScenario> kScenarioNames{kScenarios};
constexpr std::array<Named<AsyncSync>, 2> kSyncs{{{AsyncSync::None, "none"}, {AsyncSync::Lock, "lock"}}};
constexpr NameTable<AsyncSync> kSyncNames{kSyncs};
constexpr std::array<Named<AsyncEventKind>, 8> kKinds{{{AsyncEventKind::Start, "start"},
                                                       {AsyncEventKind::Await, "await"},
                                                       {AsyncEventKind::Resume, "resume"},
                                                       {AsyncEventKind::Cancel, "cancel"},
                                                       {AsyncEventKind::Cancelled, "cancelled"},
                                                       {AsyncEventKind::Cleanup, "cleanup"},
                                                       {AsyncEventKind::Timeout, "timeout"},
                                                       {AsyncEventKind::End, "end"}}};
constexpr NameTable<AsyncEventKind> kKindNames{kKinds};

// Small on purpose: every event of every coroutine is shown on a timeline (the race writes four
// per increment with the lock), and all four scenarios together wait at most about 2 x 2000 ms.
std::vector<ParamSpec> make_async_control_specs() {
  using enum ParamKind;
  const AsyncControlOptions defaults{};
  return {
      {.key = "scenario", .flag = "--scenario", .kind = Choice, .choices = kScenarioNames.names(),
       .default_choice = kScenarioNames.name(defaults.scenario),
       .help = "gather results, cancel a waiting task, a timeout around a slow one, a race across an await, or all four"},
      {.key = "tasks", .flag = "--tasks", .min = 1, .max = 8, .default_number = defaults.tasks,
       .help = "tasks that gather collects and cancel starts; coroutines in the race"},
      {.key = "latency_ms", .flag = "--latency-ms", .min = 0, .max = 2000, .default_number = defaults.latency_ms,
       .help = "ms each task waits (gather: the last given waits least); the timeout scenario's slow task waits this long"},
      {.key = "timeout_ms", .flag = "--timeout-ms", .min = 0, .max = 2000, .default_number = defaults.timeout_ms,
       .help = "the timeout scenario's deadline: below --latency-ms the slow task is cancelled"},
      {.key = "sync", .flag = "--sync", .kind = Choice, .choices = kSyncNames.names(),
       .default_choice = kSyncNames.name(defaults.sync),
       .help = "race: none reads, awaits, writes (loses updates on one thread); lock: an async lock around all three"},
      {.key = "increments", .flag = "--increments", .min = 1, .max = 100, .default_number = defaults.increments,
       .help = "race: increments per coroutine"},
  };
}

void check_range(std::string_view key, std::uint64_t value) {
  const ParamSpec& spec = async_param_spec(key);
  if (value < spec.min || value > spec.max)
    throw ArgumentError(std::string(spec.flag) + " must be an integer from " + std::to_string(spec.min) + " to " +
                        std::to_string(spec.max) + " (got " + std::to_string(value) + ")");
}

}  // namespace

const NameTable<AsyncScenario>& async_scenario_names() { return kScenarioNames; }
const NameTable<AsyncSync>& async_sync_names() { return kSyncNames; }
const NameTable<AsyncEventKind>& async_event_kind_names() { return kKindNames; }

const std::vector<ParamSpec>& async_param_specs() {
  static const std::vector<ParamSpec> specs = make_async_control_specs();
  return specs;
}

const ParamSpec& async_param_spec(std::string_view key) {
  for (const auto& spec : async_param_specs())
    if (spec.key == key) return spec;
  throw std::logic_error("no async parameter " + std::string(key));
}

void validate_async_options(const AsyncControlOptions& options) {
  for (const char* key : {"tasks", "latency_ms", "timeout_ms", "increments"}) {
    const std::uint64_t value = std::string_view(key) == "tasks"        ? options.tasks
                                : std::string_view(key) == "latency_ms" ? options.latency_ms
                                : std::string_view(key) == "timeout_ms" ? options.timeout_ms
                                                                        : options.increments;
    check_range(key, value);
  }
}

nlohmann::json async_catalog_to_json() {
  return {{"scenarios", kScenarioNames.names()},
          {"syncs", kSyncNames.names()},
          {"params", experiment_params_to_json(async_param_specs())}};
}

}  // namespace playground

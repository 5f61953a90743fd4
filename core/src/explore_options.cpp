#include <array>
#include <charconv>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "experiment_json.hpp"
#include "playground/errors.hpp"
#include "playground/explore.hpp"
#include "playground/request.hpp"

namespace playground {
namespace {

using experiment_json::parse_choice;
using experiment_json::shown;

constexpr std::array<Named<ExploreScenario>, 4> kExploreScenarios{{{ExploreScenario::Race, "race"},
                                                                   {ExploreScenario::Deadlock, "deadlock"},
                                                                   {ExploreScenario::AsyncRace, "async-race"},
                                                                   {ExploreScenario::Barrier, "barrier"}}};
constexpr NameTable<ExploreScenario> kExploreScenarioNames{kExploreScenarios};

// The barrier experiment's join is the barrier's order kept by other means: one model covers both.
constexpr std::array<Named<BarrierSync>, 2> kExploreBarrierSyncs{
    {{BarrierSync::Barrier, "barrier"}, {BarrierSync::None, "none"}}};
constexpr NameTable<BarrierSync> kExploreBarrierSyncNames{kExploreBarrierSyncs};

// Sizes stay small: the number of schedules grows like (workers x steps)! / steps!^workers.
std::vector<ParamSpec> make_explore_specs(ExploreScenario scenario) {
  using enum ParamKind;
  const ExploreOptions defaults{};
  const ParamSpec increments{.key = "increments", .flag = "--increments", .min = 1, .max = 4,
                             .default_number = defaults.increments, .help = "increments per worker"};
  switch (scenario) {
    case ExploreScenario::Race:
      return {{.key = "workers", .flag = "--workers", .min = 1, .max = 4, .default_number = defaults.workers,
               .help = "threads incrementing the shared counter"},
              increments,
              {.key = "sync", .flag = "--sync", .kind = Choice, .choices = sync_names().names(),
               .default_choice = sync_names().name(defaults.sync),
               .help = "none: read, then write the value + 1; lock: both under a mutex; atomic: one fetch_add"}};
    case ExploreScenario::AsyncRace:
      return {{.key = "workers", .flag = "--workers", .min = 1, .max = 4, .default_number = defaults.workers,
               .help = "coroutines on one event loop"},
              increments,
              {.key = "sync", .flag = "--sync", .kind = Choice, .choices = async_sync_names().names(),
               .default_choice = async_sync_names().name(defaults.async_sync),
               .help = "none: read, await, write; lock: all three under an asyncio.Lock"}};
    case ExploreScenario::Deadlock:
      return {{.key = "workers", .flag = "--workers", .min = 2, .max = 4, .default_number = defaults.workers,
               .help = "workers, each taking two locks of a ring"},
              {.key = "order", .flag = "--order", .kind = Choice, .choices = lock_order_names().names(),
               .default_choice = lock_order_names().name(defaults.order),
               .help = "opposite: worker i takes lock i, then i + 1; consistent: the lower-numbered first"},
              {.key = "strategy", .flag = "--strategy", .kind = Choice, .choices = lock_strategy_names().names(),
               .default_choice = lock_strategy_names().name(defaults.strategy),
               .help = "block: wait for the second lock; try-lock: give the first back when the second is taken"},
              {.key = "attempts", .flag = "--attempts", .min = 1, .max = 3, .default_number = defaults.attempts,
               .help = "try-lock: tries before a worker gives up"}};
    case ExploreScenario::Barrier:
      return {{.key = "workers", .flag = "--workers", .min = 2, .max = 4, .default_number = defaults.workers,
               .help = "workers of the ring, each reading its neighbour's cell"},
              {.key = "phases", .flag = "--phases", .min = 1, .max = 3, .default_number = defaults.phases,
               .help = "phases; each reads what the one before wrote"},
              {.key = "sync", .flag = "--sync", .kind = Choice, .choices = kExploreBarrierSyncNames.names(),
               .default_choice = kExploreBarrierSyncNames.name(defaults.barrier_sync),
               .help = "barrier: every worker waits for all after each phase; none: no waiting"}};
  }
  throw std::logic_error("unknown explore scenario");
}

// The scenario's input named `key`, or nullptr when it has none.
const ParamSpec* find_explore_spec(ExploreScenario scenario, std::string_view key) {
  for (const auto& spec : explore_param_specs(scenario))
    if (spec.key == key) return &spec;
  return nullptr;
}

std::string expected_keys(ExploreScenario scenario) {
  std::string keys = "scenario, schedule";
  for (const auto& spec : explore_param_specs(scenario)) (keys += ", ") += spec.key;
  return keys;
}

std::uint32_t schedule_entry(const nlohmann::json& value) {
  // Unsigned values past 2^63 read as negative here, and are refused with the rest.
  if (value.is_number_integer() && value.get<std::int64_t>() >= 0 && value.get<std::int64_t>() < 64)
    return static_cast<std::uint32_t>(value.get<std::int64_t>());
  throw ArgumentError("--schedule lists worker numbers such as 0,1,1,0 (got " + shown(value) + ")");
}

}  // namespace

const NameTable<ExploreScenario>& explore_scenario_names() { return kExploreScenarioNames; }

const std::vector<ParamSpec>& explore_param_specs(ExploreScenario scenario) {
  static const std::array<std::vector<ParamSpec>, 4> specs{
      make_explore_specs(ExploreScenario::Race), make_explore_specs(ExploreScenario::Deadlock),
      make_explore_specs(ExploreScenario::AsyncRace), make_explore_specs(ExploreScenario::Barrier)};
  return specs.at(static_cast<std::size_t>(scenario));
}

ExploreOptions explore_options_from_json(const nlohmann::json& request) {
  ExploreOptions options;
  if (request.is_object() && request.contains("scenario"))
    options.scenario = parse_choice(request.at("scenario"), kExploreScenarioNames, "scenario");
  const ExploreScenario scenario = options.scenario;
  experiment_json::read_fields(
      request, R"({"scenario": "race", "workers": 2, "increments": 2, "sync": "none"})", expected_keys(scenario),
      [&](const std::string& key, const nlohmann::json& value) {
        if (key == "scenario" || key == "schedule") return true;  // read above / by explore_schedule_from_json
        const ParamSpec* found = find_explore_spec(scenario, key);
        if (found == nullptr) return false;
        const ParamSpec& spec = *found;
        if (key == "workers") options.workers = parse_numeric(value, spec);
        else if (key == "increments") options.increments = parse_numeric(value, spec);
        else if (key == "attempts") options.attempts = parse_numeric(value, spec);
        else if (key == "phases") options.phases = parse_numeric(value, spec);
        else if (key == "order") options.order = parse_choice(value, lock_order_names(), spec.flag);
        else if (key == "strategy") options.strategy = parse_choice(value, lock_strategy_names(), spec.flag);
        else if (scenario == ExploreScenario::Race) options.sync = parse_choice(value, sync_names(), spec.flag);
        else if (scenario == ExploreScenario::AsyncRace) options.async_sync = parse_choice(value, async_sync_names(), spec.flag);
        else options.barrier_sync = parse_choice(value, kExploreBarrierSyncNames, spec.flag);
        return true;
      });
  return options;
}

nlohmann::json explore_options_to_json(const ExploreOptions& options) {
  nlohmann::json out = {{"scenario", kExploreScenarioNames.name(options.scenario)}, {"workers", options.workers}};
  switch (options.scenario) {
    case ExploreScenario::Race:
      out["increments"] = options.increments;
      out["sync"] = sync_names().name(options.sync);
      break;
    case ExploreScenario::AsyncRace:
      out["increments"] = options.increments;
      out["sync"] = async_sync_names().name(options.async_sync);
      break;
    case ExploreScenario::Deadlock:
      out["order"] = lock_order_names().name(options.order);
      out["strategy"] = lock_strategy_names().name(options.strategy);
      out["attempts"] = options.attempts;
      break;
    case ExploreScenario::Barrier:
      out["phases"] = options.phases;
      out["sync"] = kExploreBarrierSyncNames.name(options.barrier_sync);
      break;
  }
  return out;
}

std::optional<std::vector<std::uint32_t>> explore_schedule_from_json(const nlohmann::json& request) {
  if (!request.is_object() || !request.contains("schedule")) return std::nullopt;
  const nlohmann::json& value = request.at("schedule");
  std::vector<std::uint32_t> schedule;
  if (value.is_array()) {
    for (const auto& entry : value) schedule.push_back(schedule_entry(entry));
  } else if (value.is_string()) {
    // "0,1,1,0" as typed on the command line.
    const std::string& text = value.get_ref<const std::string&>();
    std::size_t at = 0;
    while (at <= text.size() && !text.empty()) {
      const std::size_t comma = std::min(text.find(',', at), text.size());
      std::uint32_t worker = 0;
      const auto [end, error] = std::from_chars(text.data() + at, text.data() + comma, worker);
      if (error != std::errc() || end != text.data() + comma || worker >= 64)
        throw ArgumentError("--schedule lists worker numbers such as 0,1,1,0 (got " + shown(value) + ")");
      schedule.push_back(worker);
      at = comma + 1;
    }
  } else {
    throw ArgumentError("--schedule lists worker numbers such as 0,1,1,0 (got " + shown(value) + ")");
  }
  if (schedule.size() > kMaxScheduleSteps)
    throw ArgumentError("--schedule may have at most " + std::to_string(kMaxScheduleSteps) + " steps (got " +
                        std::to_string(schedule.size()) + ")");
  return schedule;
}

}  // namespace playground

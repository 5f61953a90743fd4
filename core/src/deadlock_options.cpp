#include <array>
#include <stdexcept>
#include <string>

#include "playground/deadlock.hpp"
#include "playground/errors.hpp"

#include <nlohmann/json.hpp>

namespace playground {
namespace {

constexpr std::array<Named<DeadlockMode>, 2> kDeadlockModes{
    {{DeadlockMode::Threads, "threads"}, {DeadlockMode::Processes, "processes"}}};
constexpr std::array<Named<LockOrder>, 2> kOrders{{{LockOrder::Opposite, "opposite"}, {LockOrder::Consistent, "consistent"}}};
constexpr std::array<Named<LockStrategy>, 2> kStrategies{
    {{LockStrategy::Block, "block"}, {LockStrategy::TryLock, "try-lock"}}};

constexpr NameTable<DeadlockMode> kDeadlockModeNames{kDeadlockModes};
constexpr NameTable<LockOrder> kOrderNames{kOrders};
constexpr NameTable<LockStrategy> kStrategyNames{kStrategies};

// The defaults are DeadlockOptions' initializers, written down once.
std::vector<ParamSpec> make_deadlock_specs() {
  using enum ParamKind;
  const DeadlockOptions defaults{};
  return {
      {.key = "mode", .flag = "--mode", .kind = Choice, .choices = kDeadlockModeNames.names(),
       .default_choice = kDeadlockModeNames.name(defaults.mode), .help = "threads, or processes sharing mutexes in shared memory"},
      {.key = "workers", .flag = "--workers", .min = 2, .max = kMaxDeadlockWorkers, .default_number = defaults.workers,
       .help = "workers, and as many locks: worker i takes lock i and lock i+1 (mod N)"},
      {.key = "order", .flag = "--order", .kind = Choice, .choices = kOrderNames.names(),
       .default_choice = kOrderNames.name(defaults.order),
       .help = "opposite: each worker takes its own lock first; consistent: every worker the lower-numbered first"},
      {.key = "strategy", .flag = "--strategy", .kind = Choice, .choices = kStrategyNames.names(),
       .default_choice = kStrategyNames.name(defaults.strategy),
       .help = "block: wait for the second lock; try-lock: if it is taken, let go, back off and retry"},
      {.key = "rounds", .flag = "--rounds", .min = 1, .max = 100, .default_number = defaults.rounds,
       .help = "times each worker takes both locks"},
      {.key = "hold_ms", .flag = "--hold-ms", .min = 0, .max = 1000, .default_number = defaults.hold_ms,
       .help = "ms a worker holds its first lock before taking the second, and then both"},
  };
}

}  // namespace

const NameTable<DeadlockMode>& deadlock_mode_names() { return kDeadlockModeNames; }
const NameTable<LockOrder>& lock_order_names() { return kOrderNames; }
const NameTable<LockStrategy>& lock_strategy_names() { return kStrategyNames; }

const std::vector<ParamSpec>& deadlock_param_specs() {
  static const std::vector<ParamSpec> specs = make_deadlock_specs();
  return specs;
}

const ParamSpec& deadlock_param_spec(std::string_view key) {
  for (const auto& spec : deadlock_param_specs())
    if (spec.key == key) return spec;
  throw std::logic_error("no deadlock parameter " + std::string(key));
}

void validate_deadlock_options(const DeadlockOptions& options) {
  for (const auto& [key, value] : {std::pair<std::string_view, std::uint64_t>{"workers", options.workers},
                                   {"rounds", options.rounds},
                                   {"hold_ms", options.hold_ms}}) {
    const ParamSpec& spec = deadlock_param_spec(key);
    if (value < spec.min || value > spec.max)
      throw ArgumentError(std::string(spec.flag) + " must be an integer from " + std::to_string(spec.min) + " to " +
                          std::to_string(spec.max) + " (got " + std::to_string(value) + ")");
  }
  // Where the locks let one worker through at a time, every hold is in series.
  const std::uint64_t serial_ms = options.workers * options.rounds * 2 * options.hold_ms;
  if (serial_ms > kMaxDeadlockSerialMs)
    throw ArgumentError("--workers x --rounds x 2 x --hold-ms must be at most " + std::to_string(kMaxDeadlockSerialMs) +
                        " ms (got " + std::to_string(serial_ms) + ")");
}

nlohmann::json deadlock_catalog_to_json() {
  nlohmann::json params = experiment_params_to_json(deadlock_param_specs());
  return {{"modes", kDeadlockModeNames.names()}, {"params", std::move(params)}, {"limits", {{"max_serial_ms", kMaxDeadlockSerialMs}}}};
}

}  // namespace playground

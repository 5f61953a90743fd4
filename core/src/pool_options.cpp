#include <array>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/errors.hpp"
#include "playground/pool.hpp"

namespace playground {
namespace {

constexpr std::array<Named<PoolMode>, 2> kPoolModes{{{PoolMode::Threads, "threads"}, {PoolMode::Processes, "processes"}}};
constexpr NameTable<PoolMode> kPoolModeNames{kPoolModes};
// A browser Worker is the page's own side, not one of cplay's start methods.
constexpr std::array<Named<StartMethod>, 2> kPoolStartMethods{{{StartMethod::Fork, "fork"}, {StartMethod::Spawn, "spawn"}}};
constexpr NameTable<StartMethod> kPoolStartMethodNames{kPoolStartMethods};

// The defaults are PoolOptions' initializers, written down once.
std::vector<ParamSpec> make_pool_specs() {
  using enum ParamKind;
  const PoolOptions defaults{};
  return {
      {.key = "mode", .flag = "--mode", .kind = Choice, .choices = kPoolModeNames.names(),
       .default_choice = kPoolModeNames.name(defaults.mode),
       .help = "threads: std::thread workers; processes: child processes fed through pipes (cplay only)"},
      {.key = "start_method", .flag = "--start-method", .kind = Choice, .choices = kPoolStartMethodNames.names(),
       .default_choice = kPoolStartMethodNames.name(defaults.start_method),
       .help = "processes mode: fork this process, or spawn a fresh cplay"},
      {.key = "tasks", .flag = "--tasks", .min = 1, .max = kMaxPoolTasks, .default_number = defaults.tasks,
       .help = "small tasks, M"},
      {.key = "workers", .flag = "--workers", .min = 1, .max = kMaxPoolWorkers, .default_number = defaults.workers,
       .help = "the pool's workers, W, and the most fresh workers alive at once (at most --tasks)"},
      {.key = "work", .flag = "--work", .min = 0, .max = 1'000'000, .default_number = defaults.work,
       .help = "loop steps each task computes (one 64-bit multiply-and-shift mix per step)"},
  };
}

void check_range(std::string_view key, std::uint64_t value) {
  const ParamSpec& spec = pool_param_spec(key);
  if (value < spec.min || value > spec.max)
    throw ArgumentError(std::string(spec.flag) + " must be an integer from " + std::to_string(spec.min) + " to " +
                        std::to_string(spec.max) + " (got " + std::to_string(value) + ")");
}

}  // namespace

const NameTable<PoolMode>& pool_mode_names() { return kPoolModeNames; }
const NameTable<StartMethod>& pool_start_method_names() { return kPoolStartMethodNames; }

const std::vector<ParamSpec>& pool_param_specs() {
  static const std::vector<ParamSpec> specs = make_pool_specs();
  return specs;
}

const ParamSpec& pool_param_spec(std::string_view key) {
  for (const auto& spec : pool_param_specs())
    if (spec.key == key) return spec;
  throw std::logic_error("no pool parameter " + std::string(key));
}

void validate_pool_options(const PoolOptions& options) {
  check_range("tasks", options.tasks);
  check_range("workers", options.workers);
  check_range("work", options.work);
  if (options.workers > options.tasks)
    throw ArgumentError("--workers must be an integer from 1 to --tasks (" + std::to_string(options.tasks) + ") (got " +
                        std::to_string(options.workers) + ")");
  if (!kPoolStartMethodNames.parse(kPoolStartMethodNames.name(options.start_method)))
    throw ArgumentError("--start-method must be one of " + kPoolStartMethodNames.list());
  const std::uint64_t total = options.tasks * options.work;  // both at most their range: no overflow
  if (total > kMaxPoolTotalWork)
    throw ArgumentError("--tasks x --work must be at most " + std::to_string(kMaxPoolTotalWork) + " (got " +
                        std::to_string(total) + ")");
}

nlohmann::json pool_catalog_to_json() {
  return {{"modes", kPoolModeNames.names()},
          {"start_methods", kPoolStartMethodNames.names()},
          {"params", experiment_params_to_json(pool_param_specs())},
          {"limits", {{"max_total_work", kMaxPoolTotalWork}}}};
}

}  // namespace playground

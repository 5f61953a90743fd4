#include <array>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/errors.hpp"
#include "playground/semaphore.hpp"

namespace playground {
namespace {

constexpr std::array<Named<SemaphoreMode>, 2> kSemaphoreModes{{{SemaphoreMode::Threads, "threads"}, {SemaphoreMode::Async, "async"}}};
constexpr NameTable<SemaphoreMode> kSemaphoreModeNames{kSemaphoreModes};

// The defaults are SemaphoreOptions' initializers, written down once.
std::vector<ParamSpec> make_semaphore_specs() {
  using enum ParamKind;
  const SemaphoreOptions defaults{};
  return {
      {.key = "mode", .flag = "--mode", .kind = Choice, .choices = kSemaphoreModeNames.names(),
       .default_choice = kSemaphoreModeNames.name(defaults.mode),
       .help = "threads: a thread per task and std::counting_semaphore; async: a coroutine per task on one event loop"},
      {.key = "tasks", .flag = "--tasks", .min = 1, .max = kMaxSemaphoreTasks, .default_number = defaults.tasks,
       .help = "simulated downloads, N"},
      {.key = "limit", .flag = "--limit", .min = 1, .max = kMaxSemaphoreTasks, .default_number = defaults.limit,
       .help = "the semaphore's permits, K: at most this many downloads at once (at most --tasks)"},
      {.key = "latency_ms", .flag = "--latency-ms", .min = 0, .max = 2000, .default_number = defaults.latency_ms,
       .help = "ms each download waits while holding a permit"},
      {.key = "sweep", .flag = "--sweep", .kind = Flag, .help = "also run every K from 1 to --tasks and compare each wall time with the ideal"},
  };
}

void check_range(std::string_view key, std::uint64_t value, std::uint64_t max) {
  const ParamSpec& spec = semaphore_param_spec(key);
  if (value < spec.min || value > max)
    throw ArgumentError(std::string(spec.flag) + " must be an integer from " + std::to_string(spec.min) + " to " +
                        std::to_string(max) + " (got " + std::to_string(value) + ")");
}

}  // namespace

const NameTable<SemaphoreMode>& semaphore_mode_names() { return kSemaphoreModeNames; }

const std::vector<ParamSpec>& semaphore_param_specs() {
  static const std::vector<ParamSpec> specs = make_semaphore_specs();
  return specs;
}

const ParamSpec& semaphore_param_spec(std::string_view key) {
  for (const auto& spec : semaphore_param_specs())
    if (spec.key == key) return spec;
  throw std::logic_error("no semaphore parameter " + std::string(key));
}

std::uint64_t semaphore_ideal_ms(std::uint64_t tasks, std::uint64_t limit, std::uint64_t latency_ms) {
  return (tasks + limit - 1) / limit * latency_ms;
}

std::uint64_t semaphore_sweep_ideal_ms(std::uint64_t tasks, std::uint64_t latency_ms) {
  std::uint64_t total = 0;
  for (std::uint64_t k = 1; k <= tasks; ++k) total += semaphore_ideal_ms(tasks, k, latency_ms);
  return total;
}

void validate_semaphore_options(const SemaphoreOptions& options) {
  check_range("tasks", options.tasks, semaphore_param_spec("tasks").max);
  check_range("latency_ms", options.latency_ms, semaphore_param_spec("latency_ms").max);
  if (options.limit > options.tasks && options.limit <= kMaxSemaphoreTasks)
    throw ArgumentError("--limit must be an integer from 1 to --tasks (" + std::to_string(options.tasks) + ") (got " +
                        std::to_string(options.limit) + ")");
  check_range("limit", options.limit, semaphore_param_spec("limit").max);
  const std::uint64_t ideal = semaphore_ideal_ms(options.tasks, options.limit, options.latency_ms);
  if (ideal > kMaxSemaphoreIdealMs)
    throw ArgumentError("ceil(--tasks / --limit) x --latency-ms must be at most " + std::to_string(kMaxSemaphoreIdealMs) +
                        " ms (got " + std::to_string(ideal) + ")");
  if (options.sweep) {
    const std::uint64_t sweep = semaphore_sweep_ideal_ms(options.tasks, options.latency_ms);
    if (sweep > kMaxSemaphoreIdealMs)
      throw ArgumentError("--sweep runs K = 1 .. --tasks: the sum of ceil(--tasks / K) x --latency-ms must be at most " +
                          std::to_string(kMaxSemaphoreIdealMs) + " ms (got " + std::to_string(sweep) +
                          "); lower --tasks or --latency-ms");
  }
}

nlohmann::json semaphore_catalog_to_json() {
  nlohmann::json params = experiment_params_to_json(semaphore_param_specs());
  return {{"modes", kSemaphoreModeNames.names()}, {"params", std::move(params)}, {"limits", {{"max_ideal_ms", kMaxSemaphoreIdealMs}}}};
}

}  // namespace playground

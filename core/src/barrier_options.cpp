#include <array>
#include <stdexcept>
#include <string>

#include "playground/barrier.hpp"
#include "playground/errors.hpp"

#include <nlohmann/json.hpp>

namespace playground {
namespace {

constexpr std::array<Named<BarrierSync>, 3> kSyncs{
    {{BarrierSync::Barrier, "barrier"}, {BarrierSync::Join, "join"}, {BarrierSync::None, "none"}}};
constexpr NameTable<BarrierSync> kSyncNames{kSyncs};

// The defaults are BarrierOptions' initializers, written down once.
std::vector<ParamSpec> make_barrier_specs() {
  using enum ParamKind;
  const BarrierOptions defaults{};
  return {
      {.key = "sync", .flag = "--sync", .kind = Choice, .choices = kSyncNames.names(),
       .default_choice = kSyncNames.name(defaults.sync),
       .help = "barrier: N threads meet after every phase; join: N new threads per phase, joined; none: no waiting"},
      {.key = "workers", .flag = "--workers", .min = 2, .max = kMaxBarrierWorkers, .default_number = defaults.workers,
       .help = "workers, one cell of the ring each"},
      {.key = "phases", .flag = "--phases", .min = 1, .max = 50, .default_number = defaults.phases,
       .help = "phases; each reads the cells the one before wrote"},
      {.key = "work_ms", .flag = "--work-ms", .min = 0, .max = 1000, .default_number = defaults.work_ms,
       .help = "ms of work per phase for worker 0"},
      {.key = "skew_ms", .flag = "--skew-ms", .min = 0, .max = 1000, .default_number = defaults.skew_ms,
       .help = "ms more per phase for each later worker: worker i works work-ms + i x skew-ms"},
  };
}

}  // namespace

const NameTable<BarrierSync>& barrier_sync_names() { return kSyncNames; }

const std::vector<ParamSpec>& barrier_param_specs() {
  static const std::vector<ParamSpec> specs = make_barrier_specs();
  return specs;
}

const ParamSpec& barrier_param_spec(std::string_view key) {
  for (const auto& spec : barrier_param_specs())
    if (spec.key == key) return spec;
  throw std::logic_error("no barrier parameter " + std::string(key));
}

std::uint64_t barrier_work_ms(const BarrierOptions& options, std::uint64_t worker) {
  return options.work_ms + worker * options.skew_ms;
}

void validate_barrier_options(const BarrierOptions& options) {
  for (const auto& [key, value] : {std::pair<std::string_view, std::uint64_t>{"workers", options.workers},
                                   {"phases", options.phases},
                                   {"work_ms", options.work_ms},
                                   {"skew_ms", options.skew_ms}}) {
    const ParamSpec& spec = barrier_param_spec(key);
    if (value < spec.min || value > spec.max)
      throw ArgumentError(std::string(spec.flag) + " must be an integer from " + std::to_string(spec.min) + " to " +
                          std::to_string(spec.max) + " (got " + std::to_string(value) + ")");
  }
  // The slowest worker's own work: no way of keeping the phases in order is quicker than that.
  const std::uint64_t slowest_ms = options.phases * barrier_work_ms(options, options.workers - 1);
  if (slowest_ms > kMaxBarrierSlowestMs)
    throw ArgumentError("--phases x (--work-ms + (--workers - 1) x --skew-ms) must be at most " +
                        std::to_string(kMaxBarrierSlowestMs) + " ms (got " + std::to_string(slowest_ms) + ")");
}

nlohmann::json barrier_catalog_to_json() {
  nlohmann::json params = experiment_params_to_json(barrier_param_specs());
  return {{"syncs", kSyncNames.names()}, {"params", std::move(params)}, {"limits", {{"max_slowest_ms", kMaxBarrierSlowestMs}}}};
}

}  // namespace playground

#include "barrier_api.hpp"

#include "guarded.hpp"
#include "playground/barrier.hpp"
#include "playground/barrier_json.hpp"
#include "playground/errors.hpp"
#include "playground/request.hpp"
#include "runtime.hpp"

namespace cplay_wasm {

std::string barrier(const std::string& options_json) {
  return guarded([&] {
    const playground::BarrierOptions options =
        playground::barrier_options_from_json(playground::parse_request_text(options_json));
    if (variant() == Variant::Single)
      throw playground::ArgumentError(
          "the barrier experiment needs threads: this is the single-threaded build (the page loads the threads "
          "build where the browser allows SharedArrayBuffer, i.e. when cross-origin isolated)");
    // Every worker runs at once (at the barrier, or within a phase's joins): a thread beyond the
    // pthread pool would wait for one forever.
    if (options.workers > pool_size())
      throw playground::ArgumentError("--workers must be at most " + std::to_string(pool_size()) +
                                      " here, the size of this module's thread pool (got " +
                                      std::to_string(options.workers) + ")");
    nlohmann::json report = playground::barrier_report_to_json(playground::run_barrier_threads(options));
    report["platform"]["variant"] = variant_name();
    report["platform"]["cores"] = machine_cores();
    return report;
  });
}

}  // namespace cplay_wasm

#include "deadlock_api.hpp"

#include "guarded.hpp"
#include "playground/deadlock.hpp"
#include "playground/deadlock_json.hpp"
#include "playground/errors.hpp"
#include "playground/request.hpp"
#include "runtime.hpp"

namespace cplay_wasm {

std::string deadlock(const std::string& options_json) {
  return guarded([&] {
    const playground::DeadlockOptions options =
        playground::deadlock_options_from_json(playground::parse_request_text(options_json));
    if (variant() == Variant::Single)
      throw playground::ArgumentError(
          "the deadlock experiment needs threads: this is the single-threaded build (the page loads the threads "
          "build where the browser allows SharedArrayBuffer, i.e. when cross-origin isolated)");
    if (options.mode == playground::DeadlockMode::Processes)
      throw playground::ArgumentError(
          "--mode processes runs natively only (cplay deadlock, or the page's native side): in the browser the "
          "workers are threads");
    // A thread beyond the pthread pool would wait for one forever.
    if (options.workers > pool_size())
      throw playground::ArgumentError("--workers must be at most " + std::to_string(pool_size()) +
                                      " here, the size of this module's thread pool (got " +
                                      std::to_string(options.workers) + ")");
    nlohmann::json report = playground::deadlock_report_to_json(playground::run_deadlock_threads(options));
    report["platform"]["variant"] = variant_name();
    report["platform"]["cores"] = machine_cores();
    return report;
  });
}

}  // namespace cplay_wasm

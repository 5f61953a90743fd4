#include "semaphore_api.hpp"

#include "guarded.hpp"
#include "playground/errors.hpp"
#include "playground/request.hpp"
#include "playground/semaphore.hpp"
#include "playground/semaphore_json.hpp"
#include "runtime.hpp"

namespace cplay_wasm {

std::string semaphore(const std::string& options_json) {
  return guarded([&] {
    const playground::SemaphoreOptions options =
        playground::semaphore_options_from_json(playground::parse_request_text(options_json));
    if (options.mode == playground::SemaphoreMode::Threads) {
      if (variant() == Variant::Single)
        throw playground::ArgumentError(
            "--mode threads needs threads: this is the single-threaded build (--mode async runs here; the page loads "
            "the threads build where the browser allows SharedArrayBuffer, i.e. when cross-origin isolated)");
      // A thread beyond the pthread pool would wait for one forever.
      if (options.tasks > pool_size())
        throw playground::ArgumentError("--tasks must be at most " + std::to_string(pool_size()) +
                                        " here in --mode threads, the size of this module's thread pool (got " +
                                        std::to_string(options.tasks) + "); --mode async takes up to 64");
    }
    nlohmann::json report = playground::semaphore_report_to_json(playground::run_semaphore(options));
    report["platform"]["variant"] = variant_name();
    report["platform"]["cores"] = machine_cores();
    return report;
  });
}

}  // namespace cplay_wasm

#include "pool_api.hpp"

#include "guarded.hpp"
#include "playground/errors.hpp"
#include "playground/pool.hpp"
#include "playground/pool_json.hpp"
#include "playground/request.hpp"
#include "runtime.hpp"

namespace cplay_wasm {

std::string pool(const std::string& options_json) {
  return guarded([&] {
    const playground::PoolOptions options = playground::pool_options_from_json(playground::parse_request_text(options_json));
    if (options.mode == playground::PoolMode::Processes)
      throw playground::ArgumentError(
          "--mode processes starts child processes, which a browser cannot: cplay runs it (the page's own processes "
          "are Workers)");
    if (variant() == Variant::Single)
      throw playground::ArgumentError(
          "the pool experiment needs threads: this is the single-threaded build (the page loads the threads build "
          "where the browser allows SharedArrayBuffer, i.e. when cross-origin isolated)");
    // W threads run at once in either strategy: a thread beyond the pthread pool would wait for one forever.
    if (options.workers > pool_size())
      throw playground::ArgumentError("--workers must be at most " + std::to_string(pool_size()) +
                                      " here, the size of this module's thread pool (got " +
                                      std::to_string(options.workers) + ")");
    nlohmann::json report = playground::pool_report_to_json(playground::run_pool_threads(options));
    report["platform"]["variant"] = variant_name();
    report["platform"]["cores"] = machine_cores();
    return report;
  });
}

}  // namespace cplay_wasm

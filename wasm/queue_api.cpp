#include "queue_api.hpp"

#include "guarded.hpp"
#include "playground/errors.hpp"
#include "playground/queue.hpp"
#include "playground/queue_json.hpp"
#include "playground/request.hpp"
#include "runtime.hpp"

namespace cplay_wasm {

std::string queue(const std::string& request_json) {
  return guarded([&] {
    const playground::QueueRequest request = playground::parse_queue_request(playground::parse_request_text(request_json));
    if (variant() == Variant::Single)
      throw playground::ArgumentError(
          "the queue experiment needs threads: this is the single-threaded build (the page loads the threads "
          "build where the browser allows SharedArrayBuffer, i.e. when cross-origin isolated)");
    if (request.mode == playground::Mode::Processes)
      throw playground::ArgumentError(
          "--mode processes runs natively only (cplay queue, or the page's native side): a browser has no pipes "
          "between processes");
    // Every producer and consumer is a thread; one beyond the pthread pool would wait for it forever.
    const std::uint64_t threads = request.options.producers + request.options.consumers;
    if (threads > pool_size())
      throw playground::ArgumentError("--producers plus --consumers must be at most " + std::to_string(pool_size()) +
                                      " here, the size of this module's thread pool (got " + std::to_string(threads) +
                                      ")");
    nlohmann::json report = playground::queue_stream_report(request, playground::run_queue_threads(request.options));
    report["platform"]["variant"] = variant_name();
    report["platform"]["cores"] = machine_cores();
    return report;
  });
}

}  // namespace cplay_wasm

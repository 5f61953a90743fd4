#include "async_api.hpp"

#include "guarded.hpp"
#include "playground/async_control.hpp"
#include "playground/async_control_json.hpp"
#include "playground/request.hpp"
#include "runtime.hpp"

namespace cplay_wasm {

std::string async_control(const std::string& options_json) {
  return guarded([&] {
    const playground::AsyncControlOptions options =
        playground::async_options_from_json(playground::parse_request_text(options_json));
    // Lost updates are the lesson, not an error: the report says so (exact false), as cplay's does.
    nlohmann::json report = playground::async_report_to_json(playground::run_async_control(options));
    report["platform"]["variant"] = variant_name();
    report["platform"]["cores"] = machine_cores();
    return report;
  });
}

}  // namespace cplay_wasm

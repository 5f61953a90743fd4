#include "playground/report_json.hpp"

namespace playground {

nlohmann::json run_json(const std::string& request_json, const Capabilities& caps) {
  try {
    return report_to_json(run(parse_request(parse_request_text(request_json), caps)));
  } catch (...) {
    return error_report_for(std::current_exception());
  }
}

}  // namespace playground

#include "explore_api.hpp"

#include "guarded.hpp"
#include "playground/explore.hpp"
#include "playground/request.hpp"

namespace cplay_wasm {

std::string explore(const std::string& request_json) {
  return guarded([&] {
    const nlohmann::json request = playground::parse_request_text(request_json);
    const playground::ExploreOptions options = playground::explore_options_from_json(request);
    if (const auto schedule = playground::explore_schedule_from_json(request))
      return playground::replay_report_to_json(playground::replay(options, *schedule));
    return playground::explore_report_to_json(playground::explore(options));
  });
}

}  // namespace cplay_wasm

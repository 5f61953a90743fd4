#pragma once
#include <string>

namespace cplay_wasm {

// The async control experiment in this module: one event loop on the calling thread, so it runs
// in both builds. Takes the API's options as JSON text and returns the report, or an error report.
std::string async_control(const std::string& options_json);

}  // namespace cplay_wasm

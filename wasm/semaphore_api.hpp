#pragma once
#include <string>

namespace cplay_wasm {

// The semaphore experiment in this module: async mode in both builds, threads mode in the
// threads build only (tasks capped by the pthread pool). Takes the API's options as JSON text and
// returns the report, or an error report.
std::string semaphore(const std::string& options_json);

}  // namespace cplay_wasm

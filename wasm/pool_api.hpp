#pragma once
#include <string>

namespace cplay_wasm {

// The pool experiment in this module: threads mode in the threads build only (workers capped by
// the pthread pool); processes are cplay's. Takes the API's options as JSON text and returns the
// report, or an error report.
std::string pool(const std::string& options_json);

}  // namespace cplay_wasm

#pragma once
#include <string>

namespace cplay_wasm {

// The barrier experiment in this module's threads (threads build; the single build answers an
// error report saying threads are needed). Takes the API's options as JSON text and returns the
// report, or an error report.
std::string barrier(const std::string& options_json);

}  // namespace cplay_wasm

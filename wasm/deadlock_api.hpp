#pragma once
#include <string>

namespace cplay_wasm {

// The deadlock experiment's threads mode in this module (threads build; the single build answers
// an error report saying threads are needed). Takes the API's options as JSON text and returns
// the report, or an error report.
std::string deadlock(const std::string& options_json);

}  // namespace cplay_wasm

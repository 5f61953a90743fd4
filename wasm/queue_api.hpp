#pragma once
#include <string>

namespace cplay_wasm {

// The queue experiment's threads mode in this module (threads build; the single build answers an
// error report saying threads are needed, and --mode processes is native only). Takes the
// request as JSON text, as POST /api/queue does, and returns the report or an error report.
std::string queue(const std::string& request_json);

}  // namespace cplay_wasm

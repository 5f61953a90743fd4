#pragma once
#include <string>

namespace cplay_wasm {

// The schedule explorer, in both builds (it runs one thread: no pthreads needed). Takes
// {"scenario": "race", "workers": 2, ...} as JSON text and returns the exploration report, or the
// replay report when the request has "schedule", or an error report for bad input.
std::string explore(const std::string& request_json);

}  // namespace cplay_wasm

#pragma once
#include <exception>
#include <string>

#include <nlohmann/json.hpp>

namespace cplay_wasm {

// The error report for an exception, with the codes core's run_json uses.
nlohmann::json error_report(std::exception_ptr error);

// Runs `body` (which returns a JSON value) and serializes its result, or the error report of
// whatever it threw: an Embind call must never let a C++ exception reach JS.
template <typename Body>
std::string guarded(Body&& body) {
  try {
    return body().dump();
  } catch (...) {
    return error_report(std::current_exception()).dump();
  }
}

}  // namespace cplay_wasm

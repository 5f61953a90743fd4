#pragma once
#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/report_json.hpp"

namespace cplay_wasm {

// Runs `body` (which returns a JSON value) and serializes its result, or the error report of
// whatever it threw: an Embind call must never let a C++ exception reach JS.
template <typename Body>
std::string guarded(Body&& body) {
  try {
    return body().dump();
  } catch (...) {
    return playground::error_report_for(std::current_exception()).dump();
  }
}

}  // namespace cplay_wasm

#pragma once
#include <nlohmann/json.hpp>

#include "playground/request.hpp"

// Request validation as this module sees it. Every message comes from core's parse_request, so
// the CLI and the module reject the same input with the same words; only the limits differ.
namespace cplay_wasm {

// For run(): the in-process modes. Processes are rejected (the page runs them as Workers).
playground::Request parse_in_process(const nlohmann::json& request);

// For validate(), runShard() and assemble(): processes allowed, with start method "worker".
playground::Request parse_for_workers(const nlohmann::json& request);

}  // namespace cplay_wasm

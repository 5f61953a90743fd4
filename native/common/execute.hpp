#pragma once
#include <atomic>

#include <nlohmann/json.hpp>

#include "playground/report.hpp"
#include "playground/request.hpp"

namespace cplay {

// What this machine can run: every mode, fork and spawn.
playground::Capabilities native_capabilities();

// Validates a request (JSON values may be raw flag text); throws playground::ArgumentError.
playground::Request parse_native_request(const nlohmann::json& request);

struct ExecuteOptions {
  bool show_progress = false;  // a progress line on stderr for runs longer than a second
  const std::atomic<bool>* cancel = nullptr;
  double timeout_ms = 0;  // wall-clock budget from the start of execute(); past it, code "timeout"; 0: none
};

// Runs any mode natively, the processes mode through real child processes.
playground::Report execute(const playground::Request&, const ExecuteOptions& = {});

}  // namespace cplay

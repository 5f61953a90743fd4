#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>

namespace cplay {

// Runs the request's workload in every mode (processes with fork and with spawn) and prints one
// table, the seed's comparison tables measured here, or one JSON report per line.
// Each row runs `repeat` times and shows its fastest run. All rows are validated before any
// runs. Returns the exit code.
int run_compare(const nlohmann::json& base_request, std::uint64_t repeat, bool json_output, std::ostream& out);

}  // namespace cplay

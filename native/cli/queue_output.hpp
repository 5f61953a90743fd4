#pragma once
#include <ostream>

#include <nlohmann/json.hpp>

namespace cplay {

// The queue report as text: totals, who waited how often, and the processes mode's pipe and hand-off.
void print_queue(std::ostream& out, const nlohmann::json& report);

}  // namespace cplay

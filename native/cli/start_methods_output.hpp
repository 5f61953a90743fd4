#pragma once
#include <ostream>

#include <nlohmann/json.hpp>

namespace cplay {

// The report of run_start_methods as a short text and one table for people.
void print_start_methods(std::ostream& out, const nlohmann::json& report);

}  // namespace cplay

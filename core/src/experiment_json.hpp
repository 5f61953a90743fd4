#pragma once
// What every experiment's JSON edge needs: times as reports show them, a client's value quoted
// briefly in a message, and a choice read through the catalog's name table.
#include <cmath>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "playground/catalog.hpp"
#include "playground/errors.hpp"

namespace playground::experiment_json {

// Microsecond resolution: what a timer on a busy machine can honestly claim.
inline double rounded_ms(double ms) { return std::round(ms * 1000.0) / 1000.0; }

// A client's value for a message: strings in quotes, anything cut at 60 characters.
inline std::string shown(const nlohmann::json& value) {
  std::string text = value.is_string() ? "'" + value.get_ref<const std::string&>() + "'"
                                       : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return text.size() > 60 ? text.substr(0, 60) + "..." : text;
}

// One of `names`, or ArgumentError naming `flag` and every accepted name.
template <typename Enum>
Enum parse_choice(const nlohmann::json& value, const NameTable<Enum>& names, std::string_view flag) {
  if (value.is_string())
    if (auto parsed = names.parse(value.get_ref<const std::string&>())) return *parsed;
  throw ArgumentError(std::string(flag) + " must be one of " + names.list() + " (got " + shown(value) + ")");
}

}  // namespace playground::experiment_json

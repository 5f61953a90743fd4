#pragma once
// What every experiment's JSON edge needs: times as reports show them, a client's value quoted
// briefly in a message, a choice read through the catalog's name table, a request read field by
// field, and the fields a report starts with.
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

// Reads a request object field by field: `read_field(key, value)` takes the fields it knows and
// returns false for any other. Anything but an object is refused with `example`, an object of the
// right shape, and an unknown key with the list of `expected` keys.
template <typename ReadField>
void read_fields(const nlohmann::json& request, std::string_view example, std::string_view expected,
                 ReadField&& read_field) {
  if (!request.is_object()) throw ArgumentError("the request is a JSON object such as " + std::string(example));
  for (const auto& [key, value] : request.items())
    if (!read_field(key, value))  // the key is the client's text: quote a short part of it
      throw ArgumentError("unknown field '" + key.substr(0, 40) + "' (expected " + std::string(expected) + ")");
}

// A report's first fields: the schema's version, which experiment, then the options it ran with.
inline nlohmann::json report_head(std::string_view experiment, const nlohmann::json& options) {
  nlohmann::json out = {{"schema", 1}, {"experiment", experiment}};
  out.update(options);
  return out;
}

}  // namespace playground::experiment_json

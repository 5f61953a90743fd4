#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace playground {

// A value as a complaint quotes it: at most 60 characters, invalid UTF-8 replaced.
inline std::string json_excerpt(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).substr(0, 60);
}

// An integer field of a message from another process or a browser Worker. get<Integer>() would
// cast a JSON float (1e300, -1.5) with static_cast, undefined behaviour outside Integer's range,
// and wrap a negative into an unsigned. Throws std::runtime_error naming the field instead.
template <typename Integer>
Integer integer_of(const nlohmann::json& value, const char* field) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (std::in_range<Integer>(number)) return static_cast<Integer>(number);
  } else if (value.is_number_integer()) {
    const auto number = value.get<std::int64_t>();
    if (std::in_range<Integer>(number)) return static_cast<Integer>(number);
  }
  throw std::runtime_error(std::string(field) + " must be an integer in range, not " + json_excerpt(value));
}

}  // namespace playground

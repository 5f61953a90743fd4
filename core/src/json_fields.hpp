#pragma once
#include <stdexcept>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "playground/json_integer.hpp"

namespace playground {

// Reads the fields of one JSON object that came from another process or a browser Worker.
// Every complaint is a std::runtime_error naming the object and the field, e.g.
// "primes partial: 'count' is missing"; keys it is not asked for are ignored.
class JsonFields {
 public:
  JsonFields(const nlohmann::json& object, std::string what) : object_(object), what_(std::move(what)) {
    if (!object_.is_object()) throw std::runtime_error(what_ + " must be a JSON object, not " + json_excerpt(object_));
  }

  bool has(const char* key) const { return object_.contains(key); }

  const nlohmann::json& at(const char* key) const {
    const auto found = object_.find(key);
    if (found == object_.end()) throw std::runtime_error(name(key) + " is missing");
    return *found;
  }

  template <typename Integer>
  Integer integer(const char* key) const {
    return integer_of<Integer>(at(key), name(key).c_str());
  }

  double number(const char* key) const {
    const nlohmann::json& value = at(key);
    if (!value.is_number()) wrong(key, "a number", value);
    return value.get<double>();
  }

  std::string text(const char* key) const {
    const nlohmann::json& value = at(key);
    if (!value.is_string()) wrong(key, "a string", value);
    return value.get<std::string>();
  }

  bool boolean(const char* key) const {
    const nlohmann::json& value = at(key);
    if (!value.is_boolean()) wrong(key, "true or false", value);
    return value.get<bool>();
  }

  // A field `key` whose value is not what it must be: `expected` says what is.
  [[noreturn]] void wrong(const char* key, const std::string& expected, const nlohmann::json& value) const {
    throw std::runtime_error(name(key) + " must be " + expected + ", not " + json_excerpt(value));
  }

  std::string name(const char* key) const { return what_ + ": '" + key + "'"; }

 private:
  const nlohmann::json& object_;
  std::string what_;
};

}  // namespace playground

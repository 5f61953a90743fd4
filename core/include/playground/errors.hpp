#pragma once
#include <stdexcept>
#include <string>

namespace playground {

// Bad input: the CLI exits 2, the server answers 400, wasm returns an error report.
// `code` is stable for programs; `message` names the flag and the accepted range for people.
class ArgumentError : public std::invalid_argument {
 public:
  explicit ArgumentError(const std::string& message, std::string code = "invalid-argument")
      : std::invalid_argument(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// A run that was valid but failed while executing (a child died, a resource ran out): exit 1.
class RunError : public std::runtime_error {
 public:
  explicit RunError(const std::string& message, std::string code = "run-failed")
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

}  // namespace playground

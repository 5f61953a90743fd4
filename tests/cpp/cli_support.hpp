#pragma once
// Runs the real `cplay` executable (CPLAY_EXECUTABLE, set by tests/cpp/CMakeLists.txt) as a user
// would, for the CLI tests.
#include <array>
#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace cplay::testing {

struct Outcome {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs cplay with `args` (already shell-quoted), stdin closed, and captures its output and exit code.
inline Outcome run_cplay(const std::string& args) {
  const std::string command = std::string(CPLAY_EXECUTABLE) + " " + args + " 2>&1 </dev/null";
  Outcome outcome;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return outcome;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) outcome.out += buffer.data();
  const int status = ::pclose(pipe);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return outcome;
}

}  // namespace cplay::testing

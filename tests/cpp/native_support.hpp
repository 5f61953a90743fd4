#pragma once
// Helpers shared by the native_*_test.cpp files: what a run leaves behind, from /proc.
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cplay::testing {

// Children of this process, from /proc (zombies included): none may remain after a run.
inline std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> children;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream status(entry.path() / "status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("PPid:", 0) == 0) {
        if (std::stol(line.substr(5)) == parent) children.push_back(static_cast<pid_t>(std::stol(name)));
        break;
      }
    }
  }
  return children;
}

inline void expect_no_children_left() {
  EXPECT_TRUE(children_of(::getpid()).empty()) << "a child of this process is still there";
  errno = 0;
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1) << "an unreaped child exists";
  EXPECT_EQ(errno, ECHILD);
}

}  // namespace cplay::testing

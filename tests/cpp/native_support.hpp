#pragma once
// Helpers shared by the native_*_test.cpp files: what a run leaves behind, from /proc.
#include <cerrno>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cplay::testing {

// A /proc file's text, or "" once its process has gone. Reading the file of a process that exits
// meanwhile fails with ESRCH, which std::ifstream would turn into an exception mid-test.
inline std::string proc_text(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  return text;
}

// Children of this process, from /proc (zombies included): none may remain after a run.
inline std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> children;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::istringstream status(proc_text(entry.path() / "status"));
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

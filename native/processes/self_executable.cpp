#include <cerrno>
#include <string>
#include <system_error>

#include <unistd.h>

#include "processes/process_runner.hpp"

namespace cplay {

std::string self_executable() {
  // readlink neither terminates nor tells the full length: grow until the answer fits.
  std::string path(256, '\0');
  for (;;) {
    const ssize_t length = ::readlink("/proc/self/exe", path.data(), path.size());
    if (length < 0) throw std::system_error(errno, std::generic_category(), "readlink(/proc/self/exe)");
    if (static_cast<std::size_t>(length) < path.size()) {
      path.resize(static_cast<std::size_t>(length));
      return path;
    }
    path.resize(path.size() * 2);
  }
}

std::string sibling_executable(const std::string& name) {
  const std::string self = self_executable();
  const std::size_t slash = self.rfind('/');
  return self.substr(0, slash == std::string::npos ? 0 : slash + 1) + name;
}

std::string spawn_worker_executable() {
  const std::string sibling = sibling_executable(kWorkerExecutableName);
  const std::string self = self_executable();
  // Without the lean program (cplay copied alone), cplay itself answers `__worker`, only slower.
  return ::access(sibling.c_str(), X_OK) == 0 ? sibling : self;
}

}  // namespace cplay

#pragma once
#include <cstddef>
#include <cstdint>

#include <sys/types.h>

#include "processes/unique_fd.hpp"

namespace cplay {

// The loopback payload server in a child process of its own, for io --source http in processes
// mode. The parent forks its workers later, and a child forked from a multithreaded parent
// inherits locks in unknown states; so the server's threads live in this child, forked while
// the parent still has one thread, and the parent stays single-threaded.
// The child stops when the parent closes the stop pipe (the destructor, or the parent's death)
// and is reaped by the destructor.
class PayloadServerProcess {
 public:
  explicit PayloadServerProcess(std::size_t concurrent);  // throws RunError when it cannot start
  ~PayloadServerProcess();
  PayloadServerProcess(const PayloadServerProcess&) = delete;
  PayloadServerProcess& operator=(const PayloadServerProcess&) = delete;

  std::uint16_t port() const { return port_; }

 private:
  pid_t pid_ = -1;
  UniqueFd stop_;  // the write end: closing it tells the child to stop
  std::uint16_t port_ = 0;
};

}  // namespace cplay

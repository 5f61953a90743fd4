#include "io_http/payload_server_process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "io_http/loopback_server.hpp"
#include "playground/errors.hpp"
#include "processes/child_exit.hpp"
#include "processes/child_launch.hpp"

namespace cplay {

namespace {

constexpr int kPortFd = 3;  // fork_child numbers the kept descriptors from 3
constexpr int kStopFd = 4;

bool read_exactly(int fd, void* buffer, std::size_t size) {
  auto* bytes = static_cast<unsigned char*>(buffer);
  for (std::size_t done = 0; done < size;) {
    const ssize_t got = ::read(fd, bytes + done, size - done);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<std::size_t>(got);
  }
  return true;
}

int serve_until_stopped(std::size_t concurrent) {
  LoopbackPayloadServer server(concurrent);
  const std::uint16_t port = server.port();
  if (::write(kPortFd, &port, sizeof port) != static_cast<ssize_t>(sizeof port)) return 1;
  ::close(kPortFd);
  char ignored;
  while (::read(kStopFd, &ignored, 1) < 0 && errno == EINTR) {
  }
  return 0;  // EOF: the parent is done (or gone); the server stops and joins here
}

}  // namespace

PayloadServerProcess::PayloadServerProcess(std::size_t concurrent) {
  Pipe port_pipe = make_pipe();
  Pipe stop_pipe = make_pipe();
  pid_ = fork_child({port_pipe.write_end.get(), stop_pipe.read_end.get()},
                    [concurrent] { return serve_until_stopped(concurrent); });
  port_pipe.write_end.reset();
  stop_pipe.read_end.reset();
  stop_ = std::move(stop_pipe.write_end);
  if (!read_exactly(port_pipe.read_end.get(), &port_, sizeof port_)) {
    stop_.reset();
    const int status = reap_child(pid_);
    pid_ = -1;
    throw playground::RunError("the loopback payload server did not start: " +
                                   describe_abnormal_exit("its process", status),
                               "internal");
  }
}

PayloadServerProcess::~PayloadServerProcess() {
  if (pid_ < 0) return;
  stop_.reset();
  // Stopping joins the server's threads: a moment. A child still there after 2 s is killed.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  int status = 0;
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      reap_child(pid_);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

}  // namespace cplay

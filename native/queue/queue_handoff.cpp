#include "queue/queue_handoff.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cmath>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "playground/platform.hpp"
#include "processes/child_exit.hpp"
#include "processes/child_launch.hpp"
#include "processes/pipe_queue.hpp"
#include "processes/unique_fd.hpp"

namespace cplay {
namespace {

using nlohmann::json;

constexpr int kResultFd = 3;  // fork_child's first kept descriptor
constexpr auto kJoinPoll = std::chrono::milliseconds(2);

// A result whose every byte depends on its place, so the parent can check what it read.
std::string make_result(std::uint64_t bytes) {
  std::string result(bytes, '\0');
  for (std::uint64_t i = 0; i < bytes; ++i) result[i] = static_cast<char>('a' + (i * 7 + i / 26) % 26);
  return result;
}

std::uint64_t pipe_capacity(int fd) {
  const int size = ::fcntl(fd, F_GETPIPE_SZ);
  if (size < 0) throw std::system_error(errno, std::generic_category(), "fcntl(F_GETPIPE_SZ)");
  return static_cast<std::uint64_t>(size);
}

std::uint64_t bytes_in_pipe(int fd) {
  int available = 0;
  if (::ioctl(fd, FIONREAD, &available) != 0) throw std::system_error(errno, std::generic_category(), "ioctl(FIONREAD)");
  return static_cast<std::uint64_t>(available);
}

// Owns the one child: whatever leaves this scope, the child is killed (if running) and reaped.
class HandoffChild {
 public:
  explicit HandoffChild(pid_t pid) : pid_(pid) {}
  HandoffChild(const HandoffChild&) = delete;
  HandoffChild& operator=(const HandoffChild&) = delete;
  ~HandoffChild() {
    if (reaped_) return;
    ::kill(pid_, SIGKILL);  // unreaped, so the pid is still ours
    reap_child(pid_);
  }
  pid_t pid() const { return pid_; }
  // waitpid(WNOHANG): true once the child has ended and is reaped.
  bool try_reap() {
    if (reaped_) return true;
    const pid_t got = ::waitpid(pid_, &status_, WNOHANG);
    if (got == pid_ || (got < 0 && errno == ECHILD)) reaped_ = true;
    return reaped_;
  }
  void join() {
    if (!reaped_) status_ = reap_child(pid_);
    reaped_ = true;
  }
  void kill_and_reap() {
    ::kill(pid_, SIGKILL);
    join();
  }
  int status() const { return status_; }

 private:
  pid_t pid_;
  int status_ = 0;
  bool reaped_ = false;
};

std::string child_end_text(int status, bool killed_by_us) {
  if (WIFEXITED(status)) return "exited with code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return "killed by " + signal_name(WTERMSIG(status)) + (killed_by_us ? " (sent by the parent)" : "");
  return "ended";
}

double rounded(double ms) { return std::round(ms * 1000.0) / 1000.0; }

}  // namespace

HandoffOutcome run_handoff(playground::QueueOrder order, std::uint64_t result_bytes, std::uint64_t grace_ms) {
  HandoffOutcome outcome;
  outcome.order = order;
  outcome.result_bytes = result_bytes;
  outcome.frame_bytes = result_bytes + 4;
  const double start = playground::now_ms();

  Pipe pipe = make_pipe();
  outcome.pipe_capacity_bytes = pipe_capacity(pipe.read_end.get());
  const std::string result = make_result(result_bytes);
  // The child's one job: put its result in the pipe and exit. write_message blocks until all of
  // it is in, so a result larger than the pipe keeps the child alive until someone reads.
  HandoffChild child(fork_child({pipe.write_end.get()}, [&result] {
    write_message(kResultFd, result);
    return 0;
  }));
  pipe.write_end.reset();  // the parent's copy: end of file must come when the child's closes
  outcome.child_pid = child.pid();

  if (order == playground::QueueOrder::JoinThenGet) {
    // The lesson's order: wait for the child first. A real join would never return; this one
    // looks every few ms and gives up after the grace.
    const double deadline = playground::now_ms() + static_cast<double>(grace_ms);
    while (!child.try_reap() && playground::now_ms() < deadline) std::this_thread::sleep_for(kJoinPoll);
    if (!child.try_reap()) {
      outcome.deadlock = true;
      outcome.child_alive_after_ms = rounded(playground::now_ms() - (deadline - static_cast<double>(grace_ms)));
      outcome.bytes_in_pipe = bytes_in_pipe(pipe.read_end.get());
      child.kill_and_reap();
      outcome.child_end = child_end_text(child.status(), true);
      outcome.wall_ms = rounded(playground::now_ms() - start);
      return outcome;
    }
  }
  const std::optional<std::string> received = read_message(pipe.read_end.get());
  child.join();
  outcome.bytes_received = received ? received->size() : 0;
  outcome.result_intact = received && *received == result;
  outcome.child_end = child_end_text(child.status(), false);
  outcome.wall_ms = rounded(playground::now_ms() - start);
  return outcome;
}

json handoff_to_json(const HandoffOutcome& outcome) {
  json out = {{"order", playground::to_string(outcome.order)},
              {"result_bytes", outcome.result_bytes},
              {"frame_bytes", outcome.frame_bytes},
              {"pipe_capacity_bytes", outcome.pipe_capacity_bytes},
              {"child_pid", outcome.child_pid},
              {"outcome", outcome.deadlock ? "deadlock" : "completed"},
              {"child_end", outcome.child_end},
              {"wall_ms", outcome.wall_ms}};
  if (outcome.deadlock) {
    out["bytes_in_pipe"] = outcome.bytes_in_pipe;
    out["child_alive_after_ms"] = outcome.child_alive_after_ms;
  } else {
    out["bytes_received"] = outcome.bytes_received;
    out["result_intact"] = outcome.result_intact;
  }
  return out;
}

std::string describe_deadlock(const HandoffOutcome& outcome) {
  return "deadlock: the child (pid " + std::to_string(outcome.child_pid) + ") waits for the pipe, the parent waits " +
         "for the child. Its result is " + std::to_string(outcome.frame_bytes) + " bytes with its length; the pipe " +
         "holds " + std::to_string(outcome.pipe_capacity_bytes) + " and has " + std::to_string(outcome.bytes_in_pipe) +
         " in it, unread. The child was still alive after " +
         std::to_string(static_cast<std::uint64_t>(outcome.child_alive_after_ms)) +
         " ms of join; it was killed and reaped. Read the result before joining (--order get-then-join).";
}

}  // namespace cplay

#include "start_methods/start_probes.hpp"

#include <cerrno>
#include <system_error>
#include <thread>

#include <poll.h>
#include <unistd.h>

#include "processes/child_exit.hpp"
#include "processes/child_group.hpp"
#include "processes/child_launch.hpp"
#include "processes/child_worker.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "processes/unique_fd.hpp"

namespace cplay {
namespace {

using nlohmann::json;
using playground::RunError;

// An answer takes a few milliseconds; this only bounds a child that hangs.
constexpr double kAnswerDeadlineMs = 10'000;

json parse_answer(const std::string& text, const std::string& who) {
  json answer = json::parse(text, nullptr, false);
  for (const char* key : {"kind", "pid", "tid", "variable", "fd_open", "same_file", "threads", "sees_parent_thread"})
    if (!answer.is_object() || !answer.contains(key)) throw RunError(who + " sent a malformed answer: " + text);
  return answer;
}

// Everything the child writes until it closes the pipe (by ending), within the deadline.
std::string read_until_closed(int fd, const std::string& who) {
  set_nonblocking(fd);
  const double deadline = playground::now_ms() + kAnswerDeadlineMs;
  std::string text;
  char buffer[SignalSafeText::kCapacity];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0) return text;
    if (got > 0) {
      text.append(buffer, static_cast<std::size_t>(got));
      if (text.size() > SignalSafeText::kCapacity) throw RunError(who + " sent more than an answer");
      continue;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN) throw std::system_error(errno, std::generic_category(), "read from " + who);
    const double left = deadline - playground::now_ms();
    if (left <= 0) throw RunError(who + " did not answer within " + std::to_string(static_cast<int>(kAnswerDeadlineMs / 1000)) + " s");
    pollfd watched{fd, POLLIN, 0};
    ::poll(&watched, 1, static_cast<int>(left) + 1);
  }
}

// Reads the answer of the group's only child, then reaps it (the group kills it on a throw).
json collect_answer(ChildGroup& group, const std::string& kind) {
  WatchedChild& child = group.children().front();
  const std::string who = "the " + kind + " probe (pid " + std::to_string(child.pid) + ")";
  const std::string text = read_until_closed(child.results.get(), who);
  group.reap(child);
  if (const std::string how = describe_abnormal_exit(who, child.wait_status); !how.empty()) throw RunError(how);
  return parse_answer(text, who);
}

}  // namespace

json probe_here(const ProbeQuestion& question) {
  SignalSafeText answer;
  answer_probe("parent", question, answer);
  return parse_answer(std::string(answer.data(), answer.size()), "the parent");
}

json probe_in_thread(const ProbeQuestion& question) {
  SignalSafeText answer;
  std::thread worker([&] { answer_probe("thread", question, answer); });
  worker.join();
  return parse_answer(std::string(answer.data(), answer.size()), "the thread probe");
}

json probe_in_fork(const ProbeQuestion& question) {
  Pipe pipe = make_pipe();
  ChildGroup group;
  group.reserve(1);  // so that add() below cannot fail once the child exists
  // The child fills its own copy of this buffer: nothing is allocated after fork.
  SignalSafeText answer;
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
  if (pid == 0) {
    // The ticker thread did not come along, but whatever lock it held at the fork (malloc's,
    // stdio's) stays locked here forever: only async-signal-safe calls until _exit.
    prepare_child_signals();
    die_with_parent(parent);
    answer_probe("fork", question, answer);
    ::_exit(write_all(pipe.write_end.get(), answer.data(), answer.size()) ? 0 : 1);
  }
  group.add(0, pid, std::move(pipe.read_end));
  pipe.write_end.reset();  // the child's copy is now the only writer: its exit ends the answer
  return collect_answer(group, "fork");
}

json probe_in_spawn(const ProbeQuestion& question, const std::string& executable) {
  Pipe pipe = make_pipe();
  ChildGroup group;
  group.reserve(1);
  const pid_t pid = spawn_child(executable, start_probe_args(executable, ::getpid(), question),
                                {{pipe.write_end.get(), kSpawnResultFd}});
  group.add(0, pid, std::move(pipe.read_end));
  pipe.write_end.reset();
  return collect_answer(group, "spawn");
}

}  // namespace cplay

#include "start_methods/start_costs.hpp"

#include <cerrno>
#include <chrono>
#include <system_error>
#include <thread>
#include <vector>

#include <unistd.h>

#include "processes/child_exit.hpp"
#include "processes/child_group.hpp"
#include "processes/child_launch.hpp"
#include "processes/child_worker.hpp"
#include "playground/errors.hpp"
#include "start_methods/start_probe.hpp"
#include "processes/unique_fd.hpp"

namespace cplay {
namespace {

using Clock = std::chrono::steady_clock;

double per_worker_ms(Clock::time_point start, std::uint64_t count) {
  const std::chrono::duration<double, std::milli> elapsed = Clock::now() - start;
  return elapsed.count() / static_cast<double>(count);
}

// Reaps every child of the group; the first abnormal end, if any, is thrown afterwards.
void join_all(ChildGroup& group, const char* kind) {
  for (WatchedChild& child : group.children()) group.reap(child);
  for (const WatchedChild& child : group.children()) {
    const std::string how =
        describe_abnormal_exit(std::string("a ") + kind + " child (pid " + std::to_string(child.pid) + ")", child.wait_status);
    if (!how.empty()) throw playground::RunError(how);
  }
}

}  // namespace

double thread_start_join_ms(std::uint64_t count) {
  std::vector<std::jthread> threads;  // a jthread joins itself if a later start throws
  threads.reserve(count);
  const Clock::time_point start = Clock::now();
  for (std::uint64_t i = 0; i < count; ++i) threads.emplace_back([] {});
  for (std::jthread& thread : threads) thread.join();
  return per_worker_ms(start, count);
}

double fork_start_join_ms(std::uint64_t count) {
  ChildGroup group;  // kills and reaps whatever was started if a later fork fails
  group.reserve(count);
  const Clock::time_point start = Clock::now();
  for (std::uint64_t i = 0; i < count; ++i) {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);  // nothing but a system call after fork
    if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
    group.add(i, pid, UniqueFd());
  }
  for (WatchedChild& child : group.children()) group.reap(child);
  const double ms = per_worker_ms(start, count);
  join_all(group, "forked");
  return ms;
}

double spawn_start_join_ms(std::uint64_t count, const std::string& executable) {
  // Every child finds this pipe on kSpawnResultFd, as the probe checks it was started by cplay;
  // it writes nothing.
  Pipe pipe = make_pipe();
  const std::vector<std::string> args = start_probe_noop_args(executable, ::getpid());
  const std::vector<FdMapping> fds{{pipe.write_end.get(), kSpawnResultFd}};
  ChildGroup group;
  group.reserve(count);
  const Clock::time_point start = Clock::now();
  for (std::uint64_t i = 0; i < count; ++i) group.add(i, spawn_child(executable, args, fds), UniqueFd());
  for (WatchedChild& child : group.children()) group.reap(child);
  const double ms = per_worker_ms(start, count);
  join_all(group, "spawned");
  return ms;
}

}  // namespace cplay

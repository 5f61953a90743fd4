#include "processes/child_launch.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <stdexcept>
#include <system_error>

#include <fcntl.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "processes/unique_fd.hpp"

extern char** environ;

namespace cplay {
namespace {

constexpr std::size_t kMaxKeptFds = 4;

[[noreturn]] void fail(int error, const char* what) { throw std::system_error(error, std::generic_category(), what); }

// posix_spawn's dup2 actions run in order: a source numbered like an earlier target would be
// overwritten, so sources are first moved above every target.
UniqueFd duplicate_above(int fd, int minimum) {
  const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, minimum);
  if (copy < 0) fail(errno, "fcntl(F_DUPFD_CLOEXEC)");
  return UniqueFd(copy);
}

class SpawnActions {
 public:
  SpawnActions() {
    if (const int error = ::posix_spawn_file_actions_init(&actions_)) fail(error, "posix_spawn_file_actions_init");
  }
  ~SpawnActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

class SpawnAttributes {
 public:
  SpawnAttributes() {
    if (const int error = ::posix_spawnattr_init(&attributes_)) fail(error, "posix_spawnattr_init");
  }
  ~SpawnAttributes() { ::posix_spawnattr_destroy(&attributes_); }
  SpawnAttributes(const SpawnAttributes&) = delete;
  SpawnAttributes& operator=(const SpawnAttributes&) = delete;
  posix_spawnattr_t* get() { return &attributes_; }

 private:
  posix_spawnattr_t attributes_;
};

}  // namespace

pid_t fork_child(const std::vector<int>& keep_fds, const std::function<int()>& body) {
  // The child sets its descriptors up without allocating (the parent may have other threads).
  if (keep_fds.size() > kMaxKeptFds) throw std::invalid_argument("fork_child keeps at most 4 descriptors");
  const pid_t parent = ::getpid();
  // SIGINT/SIGTERM are blocked around fork so that the parent's handler (which reports to the
  // parent's self-pipe) can never run in the child before the child has reset it. Signals that
  // arrive meanwhile stay pending in the parent; a child starts with none pending.
  sigset_t termination;
  sigset_t previous;
  ::sigemptyset(&termination);
  ::sigaddset(&termination, SIGINT);
  ::sigaddset(&termination, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &termination, &previous);
  const pid_t pid = ::fork();
  if (pid != 0) {
    const int fork_error = errno;
    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    if (pid < 0) fail(fork_error, "fork");
    return pid;
  }
  // The child. Nothing may unwind into the caller's frames from here.
  prepare_child_signals();
  int code = 1;
  try {
    die_with_parent(parent);
    constexpr int kFirstKeptFd = 3;
    const int first_free = kFirstKeptFd + static_cast<int>(keep_fds.size());
    // Copies above every target first: a source numbered like an earlier target would be
    // overwritten by that target's dup2.
    std::array<int, kMaxKeptFds> copies{};
    for (std::size_t i = 0; i < keep_fds.size(); ++i)
      if ((copies[i] = ::fcntl(keep_fds[i], F_DUPFD, first_free)) < 0) ::_exit(1);
    for (std::size_t i = 0; i < keep_fds.size(); ++i)
      if (::dup2(copies[i], kFirstKeptFd + static_cast<int>(i)) < 0) ::_exit(1);
    // Other runs' pipe ends (and the copies) must not stay open here, or their readers would
    // wait for our exit.
    ::close_range(static_cast<unsigned>(first_free), ~0u, 0);
    code = body();
  } catch (...) {
    code = 1;
  }
  ::_exit(code);
}

pid_t spawn_child(const std::string& executable, const std::vector<std::string>& args,
                  const std::vector<FdMapping>& fds) {
  int highest_target = STDERR_FILENO;
  for (const FdMapping& mapping : fds) highest_target = std::max(highest_target, mapping.to);

  std::vector<UniqueFd> sources;
  SpawnActions actions;
  for (const FdMapping& mapping : fds) {
    sources.push_back(duplicate_above(mapping.from, highest_target + 1));
    // dup2 clears close-on-exec on the target only: everything else is closed at exec.
    if (const int error = ::posix_spawn_file_actions_adddup2(actions.get(), sources.back().get(), mapping.to))
      fail(error, "posix_spawn_file_actions_adddup2");
  }
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  // Descriptors someone opened without O_CLOEXEC must not leak into the child either.
  if (const int error = ::posix_spawn_file_actions_addclosefrom_np(actions.get(), highest_target + 1))
    fail(error, "posix_spawn_file_actions_addclosefrom_np");
#endif

  SpawnAttributes attributes;
  sigset_t none;
  sigset_t defaults;
  ::sigemptyset(&none);
  ::sigemptyset(&defaults);
  for (const int signal_number : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD}) ::sigaddset(&defaults, signal_number);
  ::posix_spawnattr_setsigmask(attributes.get(), &none);
  ::posix_spawnattr_setsigdefault(attributes.get(), &defaults);
  ::posix_spawnattr_setflags(attributes.get(), POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);

  pid_t pid = -1;
  if (const int error = ::posix_spawn(&pid, executable.c_str(), actions.get(), attributes.get(), argv.data(), environ))
    fail(error, ("posix_spawn of " + executable).c_str());
  return pid;
}

void die_with_parent(pid_t expected_parent) {
  // PDEATHSIG follows the parent *thread*; run_processes reaps every child before its thread
  // can return, so that thread outlives them.
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) ::_exit(1);
  // The parent may have died before prctl took effect; then nobody would send the signal.
  if (::getppid() != expected_parent) ::_exit(1);
}

void prepare_child_signals() {
  struct sigaction action {};
  ::sigemptyset(&action.sa_mask);
  action.sa_handler = SIG_IGN;
  ::sigaction(SIGINT, &action, nullptr);
  action.sa_handler = SIG_DFL;
  ::sigaction(SIGTERM, &action, nullptr);
  ::sigaction(SIGPIPE, &action, nullptr);
  sigset_t none;
  ::sigemptyset(&none);
  ::pthread_sigmask(SIG_SETMASK, &none, nullptr);
}

}  // namespace cplay

#pragma once
// For the mpi tests (mpi_tests, built only with cplay-mpi): runs cplay or mpirun as a direct child
// with stdout and stderr kept apart, and looks at that child's process tree through /proc, so that
// a test sees only the processes it started itself even while ctest runs other tests beside it.
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace cplay::testing::mpi {

inline const std::string kCplay = CPLAY_EXECUTABLE;
inline const std::string kMpiProgram = CPLAY_MPI_EXECUTABLE;  // what the ranks run
inline const std::string kMpirun = CPLAY_MPIEXEC;

// `mpirun -n ranks` as the issue runs it, with `command` after it.
inline std::vector<std::string> under_mpirun(int ranks, std::vector<std::string> command) {
  std::vector<std::string> argv{kMpirun, "--oversubscribe", "--allow-run-as-root", "-n", std::to_string(ranks)};
  argv.insert(argv.end(), command.begin(), command.end());
  return argv;
}

struct Child {
  pid_t pid = -1;
  int out = -1;  // its stdout
  int err = -1;  // its stderr
};

// Starts argv[0] (a path) with stdin from /dev/null; the child is this process's own.
inline Child start(const std::vector<std::string>& argv) {
  int out[2], err[2];
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  Child child;
  if (::posix_spawn(&child.pid, args[0], &actions, nullptr, args.data(), environ) != 0) child.pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  ::close(err[1]);
  child.out = out[0];
  child.err = err[0];
  return child;
}

struct Finished {
  int exit_code = -1;  // 128 + signal if it was killed; -1 if it did not end in time
  std::string out;
  std::string err;
};

// Reads the child's output until both pipes close, then reaps it. A child that is still running
// after `limit` (a hang guard, not a measurement) is killed and reported as exit_code -1.
inline Finished finish(Child child, std::chrono::seconds limit = std::chrono::seconds(120)) {
  Finished done;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  bool out_open = child.out >= 0, err_open = child.err >= 0;
  bool late = false;
  while (out_open || err_open) {
    if (std::chrono::steady_clock::now() > deadline) {
      late = true;
      ::kill(child.pid, SIGKILL);
      break;
    }
    pollfd fds[2]{{out_open ? child.out : -1, POLLIN, 0}, {err_open ? child.err : -1, POLLIN, 0}};
    if (::poll(fds, 2, 200) < 0 && errno != EINTR) break;
    char buffer[4096];
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) (i == 0 ? done.out : done.err).append(buffer, static_cast<std::size_t>(n));
      else if (n == 0 || errno != EINTR) (i == 0 ? out_open : err_open) = false;
    }
  }
  if (child.out >= 0) ::close(child.out);
  if (child.err >= 0) ::close(child.err);
  int status = 0;
  if (::waitpid(child.pid, &status, 0) != child.pid) return done;
  if (!late) done.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return done;
}

inline Finished run(const std::vector<std::string>& argv) { return finish(start(argv)); }

// For messages: the command line as one string.
inline std::string joined(const std::vector<std::string>& argv) {
  std::string text;
  for (const std::string& a : argv) text += (text.empty() ? "" : " ") + a;
  return text;
}

// ---- process trees ----

struct Process {
  pid_t pid = 0;
  pid_t ppid = 0;
  char state = '?';
  std::string name;  // /proc/PID/comm
};

// Every process on the machine now (those that vanish while being read are skipped).
inline std::vector<Process> all_processes() {
  std::vector<Process> found;
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ignored)) {
    const std::string pid = entry.path().filename();
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split at the last ')'.
    const std::size_t open = line.find('('), close = line.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) continue;
    Process p;
    p.pid = std::atoi(pid.c_str());
    p.name = line.substr(open + 1, close - open - 1);
    std::istringstream rest(line.substr(close + 1));
    rest >> p.state >> p.ppid;
    found.push_back(p);
  }
  return found;
}

// The live (not zombie) processes below `root` in the tree, root excluded.
inline std::vector<Process> live_descendants(pid_t root) {
  const std::vector<Process> everyone = all_processes();
  std::set<pid_t> inside{root};
  std::vector<Process> below;
  for (bool grew = true; grew;) {
    grew = false;
    for (const Process& p : everyone) {
      if (inside.count(p.pid) != 0 || inside.count(p.ppid) == 0) continue;
      inside.insert(p.pid);
      if (p.state != 'Z' && p.state != 'X') below.push_back(p);
      grew = true;
    }
  }
  return below;
}

// CPU time `pid` has used so far (user + system), in seconds; -1 once it is gone.
inline double cpu_seconds(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) return -1;
  std::istringstream rest(line.substr(line.rfind(')') + 1));
  std::string skipped;
  for (int field = 3; field <= 13; ++field) rest >> skipped;  // state .. cmajflt
  long long user = 0, system = 0;
  if (!(rest >> user >> system)) return -1;
  return static_cast<double>(user + system) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// Whether `pid` runs cplay-mpi (this build's, by path: not some other job's).
inline bool runs_mpi_program(pid_t pid) {
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/exe", error);
  return !error && std::filesystem::equivalent(exe, kMpiProgram, error) && !error;
}

// The MPI rank of a process from its environment (Open MPI sets OMPI_COMM_WORLD_RANK); -1 if none.
inline int rank_of(pid_t pid) {
  std::ifstream environ_file("/proc/" + std::to_string(pid) + "/environ", std::ios::binary);
  std::string entry;
  while (std::getline(environ_file, entry, '\0'))
    if (entry.rfind("OMPI_COMM_WORLD_RANK=", 0) == 0) return std::atoi(entry.c_str() + 21);
  return -1;
}

// Makes this test process the subreaper of everything it starts: a rank or mpirun left behind when
// its parent ends is reparented here instead of to init, so "nothing is left" can be checked by
// walking this process's own tree. gtest_discover_tests runs each test in its own process, so
// nothing of another test can arrive here.
inline void adopt_orphans() { ::prctl(PR_SET_CHILD_SUBREAPER, 1); }

// Reaps adopted orphans that have ended (call only once this test's own children are reaped).
inline void reap_ended() {
  while (::waitpid(-1, nullptr, WNOHANG) > 0) {
  }
}

// Waits (bounded) until nothing started by this test process is alive; what is still alive then.
inline std::vector<Process> leftovers(std::chrono::seconds limit = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    reap_ended();
    std::vector<Process> alive = live_descendants(::getpid());
    if (alive.empty() || std::chrono::steady_clock::now() > deadline) return alive;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

inline std::string describe(const std::vector<Process>& processes) {
  std::string text;
  for (const Process& p : processes) text += " " + std::to_string(p.pid) + "(" + p.name + ", parent " + std::to_string(p.ppid) + ")";
  return text;
}

// Kills whatever is still alive below this process (cleanup after a failed test).
inline void kill_leftovers() {
  for (const Process& p : live_descendants(::getpid())) ::kill(p.pid, SIGKILL);
  reap_ended();
}

}  // namespace cplay::testing::mpi

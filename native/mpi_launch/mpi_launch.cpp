#include "mpi_launch/mpi_launch.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <regex>
#include <sstream>
#include <system_error>

#include <poll.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "processes/cancel_signals.hpp"
#include "processes/child_launch.hpp"
#include "processes/process_runner.hpp"
#include "processes/unique_fd.hpp"

namespace cplay {
namespace {

constexpr double kKillGraceMs = 3000;

// The first executable `name` on PATH; empty if there is none.
std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string folders = path ? path : "/usr/bin:/bin";
  std::size_t begin = 0;
  while (begin <= folders.size()) {
    std::size_t end = folders.find(':', begin);
    if (end == std::string::npos) end = folders.size();
    const std::string candidate = folders.substr(begin, end - begin) + "/" + name;
    if (end > begin && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    begin = end + 1;
  }
  return "";
}

// Reads what is there without blocking; false at end of file.
bool drain(int fd, std::string& into, bool forward_to_stderr) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      into.append(buffer, static_cast<std::size_t>(n));
      if (forward_to_stderr) {
        [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, buffer, static_cast<std::size_t>(n));
      }
      continue;
    }
    if (n == 0) return false;
    return errno == EINTR || errno == EAGAIN;
  }
}

// fork and exec rather than posix_spawn: mpirun is not ours, so only the child side of a fork can
// ask the kernel to send it SIGTERM when the thread that started it dies (PR_SET_PDEATHSIG), even
// by SIGKILL; mpirun then stops its ranks. The child makes only async-signal-safe calls before
// exec, since the server forks from one of its threads. `fds` map pipes (above 2) onto 1 and 2.
pid_t start_mpirun(const std::vector<std::string>& args, const std::vector<FdMapping>& fds) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();
  // No handler of ours may run in the child between fork and exec.
  sigset_t all;
  sigset_t previous;
  ::sigfillset(&all);
  ::pthread_sigmask(SIG_SETMASK, &all, &previous);
  const pid_t pid = ::fork();
  if (pid == 0) {
    for (const FdMapping& mapping : fds)
      if (::dup2(mapping.from, mapping.to) < 0) ::_exit(127);
    ::closefrom(STDERR_FILENO + 1);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(127);  // cplay died before the request took effect
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    for (const int signal_number : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD}) ::sigaction(signal_number, &default_action, nullptr);
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  const int fork_error = errno;
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (pid < 0) throw std::system_error(fork_error, std::generic_category(), "fork for mpirun");
  return pid;
}

// The message rank 0 printed when it refused a request ("cplay: error: ..."), without the prefix.
std::string refusal_of(const std::string& errors) {
  std::istringstream lines(errors);
  std::string line;
  while (std::getline(lines, line)) {
    for (const std::string prefix : {"cplay: error: ", "cplay: "})
      if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  }
  return "rank 0 refused the request";
}

}  // namespace

std::vector<std::string> request_to_args(const playground::Request& request) {
  std::vector<std::string> args{std::string(playground::to_string(request.demo)), "--mode", "mpi", "--workers",
                                std::to_string(request.workers)};
  const nlohmann::json params = playground::params_to_json(request);  // kept: items() refers into it
  for (const auto& [key, value] : params.items()) {
    const std::string flag(playground::param_spec(key).flag);
    if (value.is_boolean()) {
      if (value.get<bool>()) args.push_back(flag);
    } else {
      args.push_back(flag);
      args.push_back(value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  return args;
}

std::string killed_rank_summary(const std::string& errors) {
  static const std::regex kNoticed(R"(process rank (\d+) with PID \d+ on node (\S+) exited on signal (\d+)(?: \(([^)]*)\))?)");
  std::smatch match;
  if (!std::regex_search(errors, match, kNoticed)) return "";
  std::string summary = "MPI rank " + match[1].str() + " on host " + match[2].str() + " was killed by signal " + match[3].str();
  if (match[4].matched) summary += " (" + match[4].str() + ")";
  return summary;
}

MpiLaunchOutcome launch_mpi(const std::vector<std::string>& args, const MpiLaunchOptions& options) {
  const std::string program = mpi_program();
  if (program.empty()) throw std::system_error(ENOENT, std::generic_category(), mpi_unavailable_reason());
  const std::string mpirun = find_on_path("mpirun");
  if (mpirun.empty())
    throw std::system_error(ENOENT, std::generic_category(), "mpirun is not on PATH (Debian: apt-get install openmpi-bin)");

  std::vector<std::string> argv{mpirun, "-n", std::to_string(options.ranks), "--oversubscribe", "--bind-to", "none"};
  // Open MPI refuses root unless told; containers and CI often run as root.
  if (::geteuid() == 0) argv.push_back("--allow-run-as-root");
  argv.push_back(program);
  argv.insert(argv.end(), args.begin(), args.end());

  Pipe errors = make_pipe();
  Pipe output;
  std::vector<FdMapping> fds{{errors.write_end.get(), STDERR_FILENO}};
  if (options.capture_stdout) {
    output = make_pipe();
    fds.push_back({output.write_end.get(), STDOUT_FILENO});
  }
  std::optional<CancelSignals> signals;
  if (options.cancel_on_signals) signals.emplace();
  const pid_t pid = start_mpirun(argv, fds);
  errors.write_end.reset();
  output.write_end.reset();
  set_nonblocking(errors.read_end.get());
  if (output.read_end) set_nonblocking(output.read_end.get());

  MpiLaunchOutcome outcome;
  bool errors_open = true;
  bool output_open = static_cast<bool>(output.read_end);
  double terminated_at = 0;
  int stopped_code = 0;
  int status = 0;
  for (;;) {
    pollfd polled[2]{{errors_open ? errors.read_end.get() : -1, POLLIN, 0},
                     {output_open ? output.read_end.get() : -1, POLLIN, 0}};
    ::poll(polled, 2, 100);
    if (errors_open) errors_open = drain(errors.read_end.get(), outcome.errors, options.forward_stderr);
    if (output_open) output_open = drain(output.read_end.get(), outcome.output, false);
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      // What is still in the pipes belongs to the job: read until both close (briefly).
      const double until = playground::now_ms() + 1000;
      while ((errors_open || output_open) && playground::now_ms() < until) {
        polled[0].fd = errors_open ? errors.read_end.get() : -1;
        polled[1].fd = output_open ? output.read_end.get() : -1;
        ::poll(polled, 2, 50);
        if (errors_open) errors_open = drain(errors.read_end.get(), outcome.errors, options.forward_stderr);
        if (output_open) output_open = drain(output.read_end.get(), outcome.output, false);
      }
      break;
    }
    const double now = playground::now_ms();
    if (terminated_at == 0) {
      const bool cancelled = (options.cancel && options.cancel->load()) || (signals && signals->received());
      const bool late = options.deadline_ms > 0 && now >= options.deadline_ms;
      if (cancelled || late) {
        stopped_code = cancelled ? 130 : 124;
        ::kill(pid, SIGTERM);
        terminated_at = now;
      }
    } else if (now - terminated_at > kKillGraceMs) {
      ::kill(pid, SIGKILL);
    }
  }

  if (stopped_code != 0) {
    outcome.exit_code = stopped_code;
    outcome.failure = stopped_code == 130 ? "the MPI job was cancelled" : "the MPI job was stopped at the end of its time budget";
    return outcome;
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  outcome.status = code;
  if (code == 0 || code == 2) {
    outcome.exit_code = code;
    return outcome;
  }
  outcome.exit_code = 1;
  outcome.failure = killed_rank_summary(outcome.errors);
  if (!outcome.failure.empty()) outcome.failure += "; mpirun stopped the other ranks";
  else if (code > 128)
    // Killed before mpirun could name it (a rank still starting), or mpirun itself was.
    outcome.failure = "the MPI job was ended by signal " + std::to_string(code - 128) + " (" + ::strsignal(code - 128) +
                      ") before mpirun could name a rank (mpirun's status " + std::to_string(code) + ")";
  else
    outcome.failure = "mpirun ended with status " + std::to_string(code);
  return outcome;
}

void throw_unless_ended(const MpiLaunchOutcome& outcome) {
  if (outcome.exit_code == 130) throw playground::RunError(outcome.failure, "cancelled");
  if (outcome.exit_code == 124) throw playground::RunError(outcome.failure, "timeout");
  if (outcome.exit_code == 1) throw playground::RunError(outcome.failure);
}

nlohmann::json run_mpi_report(const playground::Request& request) {
  // One run per job, as in the other modes: the page repeats a run by asking again.
  playground::Request once = request;
  once.params.runs = 1;
  std::vector<std::string> args = request_to_args(once);
  args.emplace_back("--json");
  const MpiLaunchOutcome outcome = launch_mpi(
      args, {.ranks = request.workers, .capture_stdout = true, .forward_stderr = false, .cancel_on_signals = true});
  throw_unless_ended(outcome);
  // Validated as rank 0 validates, so a refusal here is rare: pass its words on.
  if (outcome.exit_code == 2) throw playground::ArgumentError(refusal_of(outcome.errors));
  const nlohmann::json printed = nlohmann::json::parse(outcome.output, nullptr, false);
  if (printed.is_discarded() || !printed.is_object())
    throw playground::RunError("the MPI job ended without a report (exit " + std::to_string(outcome.exit_code) + ")");
  return printed;
}

}  // namespace cplay

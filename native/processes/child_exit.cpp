#include "processes/child_exit.hpp"

#include <cerrno>
#include <cstring>

#include <sys/wait.h>

namespace cplay {

std::string signal_name(int signal_number) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
  if (const char* abbreviation = ::sigabbrev_np(signal_number)) return std::string("SIG") + abbreviation;
#endif
  return "signal " + std::to_string(signal_number);
}

int reap_child(pid_t pid) {
  int status = 0;
  for (;;) {
    if (::waitpid(pid, &status, 0) == pid) return status;
    if (errno != EINTR) return -1;
  }
}

std::string worker_label(std::uint64_t worker, pid_t pid) {
  return "worker " + std::to_string(worker) + " (pid " + std::to_string(pid) + ")";
}

std::string describe_abnormal_exit(std::uint64_t worker, pid_t pid, int wait_status) {
  return describe_abnormal_exit(worker_label(worker, pid), wait_status);
}

std::string describe_abnormal_exit(const std::string& who, int wait_status) {
  if (wait_status == -1) return who + " was reaped by someone else; its fate is unknown";
  if (WIFSIGNALED(wait_status)) {
    const int signal_number = WTERMSIG(wait_status);
    return who + " was killed by signal " + std::to_string(signal_number) + " (" + signal_name(signal_number) + ")";
  }
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) != 0)
    return who + " exited with code " + std::to_string(WEXITSTATUS(wait_status));
  return "";
}

}  // namespace cplay

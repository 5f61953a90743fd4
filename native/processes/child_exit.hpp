#pragma once
#include <cstdint>
#include <string>

#include <sys/types.h>

namespace cplay {

// "SIGKILL" for 9; "signal 77" when the number has no name.
std::string signal_name(int signal_number);

// Waits for `pid` to end and reaps it (retrying EINTR). Returns the wait status, or
// -1 when the child is not ours to wait for any more (ECHILD: someone else reaped it).
int reap_child(pid_t pid);

// Why a child ended, for error messages; empty when it exited with code 0.
// e.g. "worker 1 (pid 1234) was killed by signal 9 (SIGKILL)".
std::string describe_abnormal_exit(std::uint64_t worker, pid_t pid, int wait_status);
std::string describe_abnormal_exit(const std::string& who, int wait_status);  // any process

std::string worker_label(std::uint64_t worker, pid_t pid);  // "worker 1 (pid 1234)"

}  // namespace cplay

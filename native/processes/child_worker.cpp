#include "processes/child_worker.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <csignal>
#include <exception>
#include <optional>
#include <string>

#include <unistd.h>

#include "io_http/loopback_fetch.hpp"
#include "processes/pipe_queue.hpp"
#include "playground/errors.hpp"
#include "processes/progress_reporter.hpp"

namespace cplay {
namespace {

// Tests make a child die as a crash would. Sanitizers install their own SIGSEGV/SIGBUS
// handlers (which would exit with a report instead of dying by the signal), so the default
// action is restored first.
void raise_fault(int signal_number) {
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  ::sigemptyset(&action.sa_mask);
  ::sigaction(signal_number, &action, nullptr);
  sigset_t only;
  ::sigemptyset(&only);
  ::sigaddset(&only, signal_number);
  ::pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
  ::raise(signal_number);
}

// Blocks until the parent closes the start line's write end (end of file). Nothing is ever
// written on it: closing wakes every child at once, and a dead parent wakes them too.
void wait_at_start_line(int start_fd) {
  char byte = 0;
  for (;;) {
    const ssize_t got = ::read(start_fd, &byte, 1);
    if (got == 0) break;
    if (got < 0 && errno != EINTR)
      throw playground::RunError(std::string("cannot wait at the start line: ") + std::strerror(errno));
  }
  ::close(start_fd);
}

}  // namespace

void send_error(int fd, std::string_view code, std::string_view text) {
  try {
    write_message(fd, error_message(code, text));
  } catch (...) {
    // If the parent is gone there is nobody left to tell.
  }
}

int run_child_shard(const ShardTask& task, int results_fd, int start_fd, playground::RaceCounter shared) {
  try {
    write_message(results_fd, ready_message());
    wait_at_start_line(start_fd);
    std::atomic<std::uint64_t> done{0};
    playground::RunHooks hooks;
    if (task.report_progress) hooks.progress = &done;
    // io --source http: this child's downloads come from the parent's loopback server.
    std::optional<LoopbackHttpBackend> http;
    if (task.payload_port != 0) hooks.io = &http.emplace(task.payload_port);
    std::optional<ProgressReporter> reporter;
    if (task.report_progress) reporter.emplace(results_fd, done);
    const playground::ShardOutcome outcome =
        playground::run_shard(task.request, task.shard_index, task.shard_count, task.origin_ms, hooks, shared);
    if (reporter) reporter->finish();
    if (task.fault) raise_fault(task.fault->signal);
    write_message(results_fd, result_message(outcome));
    return 0;
  } catch (const playground::RunError& e) {
    send_error(results_fd, e.code(), e.what());
  } catch (const playground::ArgumentError& e) {
    send_error(results_fd, e.code(), e.what());
  } catch (const std::bad_alloc&) {
    send_error(results_fd, "out-of-memory", "the worker ran out of memory");
  } catch (const std::exception& e) {
    send_error(results_fd, "internal", e.what());
  } catch (...) {
    send_error(results_fd, "internal", "unknown exception");
  }
  return 1;
}

}  // namespace cplay

#include "server/job_process.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <optional>
#include <system_error>

#include <poll.h>
#include <unistd.h>

#include "processes/child_exit.hpp"
#include "processes/child_launch.hpp"
#include "processes/child_worker.hpp"
#include "common/execute.hpp"
#include "processes/pipe_queue.hpp"
#include "playground/errors.hpp"
#include "barrier/barrier_experiment.hpp"
#include "deadlock/deadlock_experiment.hpp"
#include "playground/barrier_json.hpp"
#include "playground/deadlock_json.hpp"
#include "playground/pool_json.hpp"
#include "playground/semaphore_json.hpp"
#include "playground/async_control_json.hpp"
#include "async/async_experiment.hpp"
#include "playground/monitor_json.hpp"
#include "monitor/monitor_experiment.hpp"
#include "mpi_launch/mpi_launch.hpp"
#include "pool/pool_experiment.hpp"
#include "semaphore/semaphore_experiment.hpp"
#include "playground/platform.hpp"
#include "playground/report_json.hpp"
#include "processes/spawned_worker.hpp"
#include "queue/queue_experiment.hpp"
#include "start_methods/start_methods.hpp"
#include "processes/unique_fd.hpp"

namespace cplay {
namespace {

using nlohmann::json;
using playground::RunError;

constexpr int kPollMs = 20;                 // how soon a cancel reaches the job process
constexpr double kGraceBeforeKillMs = 2000;  // after SIGTERM, before SIGKILL

// Owns the job process: whatever happens, it is killed (if still running) and reaped.
class JobChild {
 public:
  explicit JobChild(pid_t pid) : pid_(pid) {}
  JobChild(const JobChild&) = delete;
  JobChild& operator=(const JobChild&) = delete;
  ~JobChild() {
    if (reaped_) return;
    ::kill(pid_, SIGKILL);
    reap();
  }
  pid_t pid() const { return pid_; }
  // Until reaped the pid cannot be reused (a zombie keeps it), so signals reach only our child.
  void signal(int number) const {
    if (!reaped_) ::kill(pid_, number);
  }
  int reap() {
    if (!reaped_) status_ = reap_child(pid_);
    reaped_ = true;
    return status_;
  }

 private:
  pid_t pid_;
  bool reaped_ = false;
  int status_ = 0;
};

enum class StopReason { None, Cancel, Timeout };

StopReason stop_reason(const JobProcessControl& control) {
  if (control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed)) return StopReason::Cancel;
  if (control.deadline_ms > 0 && playground::now_ms() >= control.deadline_ms) return StopReason::Timeout;
  return StopReason::None;
}

bool is_error_report(const json& reply) { return reply.is_object() && reply.contains("error"); }

bool is_event_line(const std::string& message) {
  const json parsed = json::parse(message, nullptr, false);
  return parsed.is_object() && parsed.contains("event");
}

}  // namespace

json run_job_process(const json& request, const JobProcessControl& control) {
  std::optional<JobChild> child;
  UniqueFd results;
  try {
    Pipe task_pipe = make_pipe();
    Pipe result_pipe = make_pipe();
    set_nonblocking(result_pipe.read_end.get());
    // The whole request is in the pipe before the process exists, as for spawned workers.
    const std::string payload = request.dump();
    reserve_pipe_room(task_pipe.write_end.get(), payload.size());
    write_message(task_pipe.write_end.get(), payload);
    task_pipe.write_end.reset();
    child.emplace(spawn_child(control.executable,
                              {control.executable, kJobCommand, parent_pid_arg(::getpid())},
                              {{task_pipe.read_end.get(), kSpawnTaskFd}, {result_pipe.write_end.get(), kSpawnResultFd}}));
    results = std::move(result_pipe.read_end);
  } catch (const std::system_error& e) {
    throw RunError(std::string("cannot start the job process: ") + e.what());
  }

  FrameDecoder decoder;
  StopReason stopped = StopReason::None;
  double stop_sent_ms = 0;
  bool killed = false;
  std::optional<std::string> final_message;  // a streaming job's report, after its event lines
  const auto stop = [&](StopReason why) {
    stopped = why;
    child->signal(SIGTERM);
    stop_sent_ms = playground::now_ms();
  };
  // A streaming job's event lines go on as they come; anything else is its report.
  const auto forward_events = [&] {
    if (!control.on_event) return;
    while (auto message = decoder.next()) {
      if (!is_event_line(*message)) final_message = std::move(message);
      else if (!control.on_event(*message) && stopped == StopReason::None) stop(StopReason::Cancel);
    }
  };
  for (;;) {
    pollfd watched{results.get(), POLLIN, 0};
    if (::poll(&watched, 1, kPollMs) < 0 && errno != EINTR)
      throw RunError(std::string("poll failed: ") + std::generic_category().message(errno));
    const DrainResult drained = drain_into(results.get(), decoder);
    forward_events();
    if (drained == DrainResult::Closed) break;
    if (stopped == StopReason::None) {
      if (const StopReason why = stop_reason(control); why != StopReason::None) stop(why);
    } else if (!killed && playground::now_ms() - stop_sent_ms > kGraceBeforeKillMs) {
      child->signal(SIGKILL);
      killed = true;
    }
  }
  const int status = child->reap();

  std::optional<json> reply;
  if (!final_message) final_message = decoder.next();
  if (final_message) reply = json::parse(*final_message, nullptr, false);
  if (reply && reply->is_discarded()) reply.reset();
  // A report that was complete when the stop came still counts; anything else is the stop.
  if (stopped != StopReason::None && (!reply || is_error_report(*reply))) {
    if (stopped == StopReason::Timeout) throw RunError("the job was stopped at the end of its time budget", "timeout");
    throw RunError("the run was cancelled", "cancelled");
  }
  if (reply) return *reply;
  const std::string who = "the job process (pid " + std::to_string(child->pid()) + ")";
  const std::string how = describe_abnormal_exit(who, status);
  throw RunError(how.empty() ? who + " ended without a report" : how);
}

int job_process_main(int argc, char** argv) {
  const std::optional<pid_t> parent = parent_pid_from(argc, argv);
  const std::optional<std::string> payload = parent ? read_task_payload() : std::nullopt;
  if (!payload) {
    std::fputs("cplay: '__job' is internal; cplay serve starts it itself for --mode processes\n", stderr);
    return 2;
  }
  die_with_parent(*parent);
  json reply;
  try {
    const json task = playground::parse_request_text(*payload);
    // The start-methods experiment forks with a thread running, which only a process of its own may do.
    if (is_start_methods_task(task)) reply = run_start_methods(start_methods_options_from_json(task.at("options")));
    else if (is_deadlock_task(task))
      reply = playground::deadlock_report_to_json(run_deadlock(playground::deadlock_options_from_json(task.at("options"))));
    else if (is_barrier_task(task))
      reply = playground::barrier_report_to_json(
          playground::run_barrier_threads(playground::barrier_options_from_json(task.at("options"))));
    else if (is_pool_task(task))
      reply = playground::pool_report_to_json(run_pool_experiment(playground::pool_options_from_json(task.at("options"))));
    else if (is_async_task(task))
      reply = playground::async_report_to_json(playground::run_async_control(playground::async_options_from_json(task.at("options"))));
    else if (is_semaphore_task(task))
      reply = playground::semaphore_report_to_json(playground::run_semaphore(playground::semaphore_options_from_json(task.at("options"))));
    else if (is_monitor_task(task)) {
      // Each event leaves as it happens, ahead of the report: serve streams them on.
      playground::MonitorHooks hooks;
      hooks.on_event = [](const playground::MonitorEvent& event) {
        write_message(kSpawnResultFd, playground::monitor_event_to_json(event).dump());
      };
      reply = playground::monitor_report_to_json(
          run_monitor_native(playground::monitor_options_from_json(task.at("options")), std::move(hooks)));
    }
    else if (is_queue_task(task)) reply = run_queue(playground::parse_queue_request(task.at("options"))).report;
    else if (task.value("mode", "") == "mpi") reply = run_mpi_report(parse_native_request(task));
    else reply = playground::report_to_json(execute(parse_native_request(task)));
  } catch (...) {
    reply = playground::error_report_for(std::current_exception());
  }
  try {
    write_message(kSpawnResultFd, reply.dump(-1, ' ', false, json::error_handler_t::replace));
  } catch (const std::exception&) {
    return 1;  // the server is gone
  }
  return 0;
}

}  // namespace cplay

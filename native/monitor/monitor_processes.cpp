#include "monitor/monitor_processes.hpp"

#include <algorithm>
#include <cerrno>
#include <optional>
#include <system_error>
#include <vector>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "monitor/monitor_child.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "processes/child_exit.hpp"
#include "processes/child_group.hpp"
#include "processes/child_launch.hpp"
#include "processes/child_worker.hpp"
#include "processes/process_runner.hpp"
#include "processes/spawned_worker.hpp"

namespace cplay {
namespace {

using playground::MonitorEvent;
using playground::MonitorEventKind;
using playground::RunError;

constexpr double kPollMs = 20;  // how soon a cancel or an exit is noticed
// A child that has not said it started by then is stuck (a spawn takes milliseconds).
constexpr double kStartBudgetMs = 10'000;

// What the parent learned from one child's pipe.
struct Heard {
  std::optional<MonitorEvent> started;
  bool ended_reported = false;
};

pid_t start_child(const playground::MonitorOptions& options, std::size_t index, const std::string& executable,
                  int write_end) {
  const std::string name = playground::monitor_worker_name(index);
  const std::uint64_t duration = options.durations_ms[index];
  const pid_t parent = ::getpid();
  if (options.start_method == playground::StartMethod::Spawn)
    return spawn_child(executable,
                       {executable, kMonitorWorkerCommand, parent_pid_arg(parent), "--name=" + name,
                        "--duration-ms=" + std::to_string(duration)},
                       {{write_end, kSpawnResultFd}});
  return fork_child({write_end}, [name, duration, parent] {
    prepare_child_signals();
    die_with_parent(parent);
    return monitor_child_body(3, name, duration);  // keep_fds[0] is descriptor 3 in the child
  });
}

// Reads what a child sent; its 'started' goes into the log at once (with the child's own time).
void drain(WatchedChild& child, Heard& heard, playground::MonitorLog& log) {
  if (!child.results) return;
  const DrainResult state = drain_into(child.results.get(), child.decoder);
  while (const auto message = child.decoder.next()) {
    const nlohmann::json report = nlohmann::json::parse(*message, nullptr, false);
    if (report.is_discarded() || !report.is_object() || !report.contains("event"))
      throw RunError(worker_label(child.worker, child.pid) + " sent a malformed report");
    if (report["event"] == "started" && !heard.started) {
      MonitorEvent event;
      event.kind = MonitorEventKind::Started;
      event.t_ms = report.at("at_ms").get<double>() - log.origin_ms();
      event.worker = report.at("worker").get<std::string>();
      event.pid = report.at("pid").get<std::int64_t>();
      event.tid = report.at("tid").get<std::int64_t>();
      heard.started = event;
      log.add(std::move(event));
    } else if (report["event"] == "ended") {
      heard.ended_reported = true;
    }
  }
  if (state == DrainResult::Closed) child.results.reset();
}

// Reaps every child that has exited (waitpid WNOHANG: the real state of the real pid) and emits
// its 'ended'. A child that exited without reporting both its start and its end fails the run.
void reap_exited(ChildGroup& children, std::vector<Heard>& heard, playground::MonitorLog& log) {
  for (std::size_t i = 0; i < children.children().size(); ++i) {
    WatchedChild& child = children.children()[i];
    if (child.reaped) continue;
    int status = 0;
    if (::waitpid(child.pid, &status, WNOHANG) != child.pid) continue;
    child.reaped = true;
    child.wait_status = status;
    if (child.results) {  // what it wrote before exiting is still in the pipe
      set_nonblocking(child.results.get());
      drain(child, heard[i], log);
    }
    if (const std::string why = describe_abnormal_exit(child.worker, child.pid, status); !why.empty())
      throw RunError(why);
    if (!heard[i].started || !heard[i].ended_reported)
      throw RunError(worker_label(child.worker, child.pid) + " exited without reporting its start and end");
    MonitorEvent event;
    event.kind = MonitorEventKind::Ended;
    event.t_ms = log.elapsed_ms();  // when the parent saw it gone
    event.worker = heard[i].started->worker;
    event.pid = heard[i].started->pid;
    event.tid = heard[i].started->tid;
    log.add(std::move(event));
  }
}

MonitorEvent sample(ChildGroup& children, playground::MonitorLog& log) {
  MonitorEvent event;  // kind Sample
  event.t_ms = log.elapsed_ms();
  for (const WatchedChild& child : children.children())
    event.workers.push_back({playground::monitor_worker_name(child.worker), child.pid, !child.reaped});
  return event;
}

}  // namespace

playground::MonitorReport run_monitor_processes(const playground::MonitorOptions& options,
                                                const playground::MonitorHooks& hooks, const std::string& executable) {
  playground::validate_monitor_options(options);
  const std::string program = executable.empty() ? self_executable() : executable;
  playground::MonitorLog log(options, hooks);
  const std::size_t count = options.durations_ms.size();
  ChildGroup children;  // kills and reaps whatever is left, however this ends
  children.reserve(count);
  std::vector<Heard> heard(count);
  for (std::size_t i = 0; i < count; ++i) {
    try {
      Pipe pipe = make_pipe();
      set_nonblocking(pipe.read_end.get());
      const pid_t pid = start_child(options, i, program, pipe.write_end.get());
      pipe.write_end.reset();  // the child's copy is the only writer: end of file when it exits
      children.add(i, pid, std::move(pipe.read_end));
    } catch (const std::system_error& e) {
      throw RunError(std::string("could not start worker process: ") + e.what());
    }
  }

  // snippet-begin: monitor-process-parent
  const auto interval = static_cast<double>(options.interval_ms);
  double next_sample_ms = interval;
  for (;;) {
    std::vector<pollfd> watched;
    for (const WatchedChild& child : children.children())
      if (child.results) watched.push_back({child.results.get(), POLLIN, 0});
    const double wait_ms = std::clamp(next_sample_ms - log.elapsed_ms(), 0.0, kPollMs);
    if (::poll(watched.data(), watched.size(), static_cast<int>(wait_ms)) < 0 && errno != EINTR)
      throw RunError(std::string("poll failed: ") + std::generic_category().message(errno));
    for (std::size_t i = 0; i < count; ++i) drain(children.children()[i], heard[i], log);
    reap_exited(children, heard, log);  // each 'ended' before any sample that shows it gone
    if (children.all_reaped()) {
      log.add(sample(children, log));  // the last check: nobody is alive
      break;
    }
    const bool all_started = std::all_of(heard.begin(), heard.end(), [](const Heard& h) { return h.started; });
    if (!all_started && log.elapsed_ms() > kStartBudgetMs) throw RunError("a worker process did not report its start");
    if (all_started && log.elapsed_ms() >= next_sample_ms) {
      log.add(sample(children, log));  // alive: not yet reaped by waitpid(WNOHANG) just now
      next_sample_ms += interval;
    }
    if (log.cancelled()) throw RunError("cancelled by a signal", "cancelled");  // ChildGroup kills and reaps
  }
  // snippet-end: monitor-process-parent
  return log.finish();
}

}  // namespace cplay

#include "processes/process_runner.hpp"

#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

#include "processes/cancel_signals.hpp"
#include "processes/child_group.hpp"
#include "processes/child_launch.hpp"
#include "processes/child_worker.hpp"
#include "common/execute.hpp"
#include "processes/pipe_queue.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "processes/result_collector.hpp"
#include "processes/shared_counter.hpp"
#include "processes/spawned_worker.hpp"
#include "processes/worker_messages.hpp"

namespace cplay {
namespace {

using playground::ArgumentError;
using playground::Request;
using playground::RunError;
using playground::StartMethod;

void check_request(const Request& request, const ProcessOptions& options) {
  if (request.mode != playground::Mode::Processes)
    throw ArgumentError("run_processes runs --mode processes requests only");
  const std::uint64_t max_processes = native_capabilities().max_processes;
  if (request.workers < 1 || request.workers > max_processes)
    throw ArgumentError("--workers must be an integer from 1 to " + std::to_string(max_processes) +
                        " in mode processes (got " + std::to_string(request.workers) + ")");
  if (request.start_method == StartMethod::Worker)
    throw ArgumentError("--start-method worker exists only in the browser (use fork or spawn)");
  if (options.fault && options.fault->worker >= request.workers)
    throw ArgumentError("the fault injection names worker " + std::to_string(options.fault->worker) + " of " +
                        std::to_string(request.workers));
}

// The forked child inherits the task and the shared mapping with its memory; only the result
// pipe's write end and the start line's read end are kept open in it.
void start_forked(ChildGroup& children, const ShardTask& task, int start_fd, playground::RaceCounter shared) {
  Pipe results = make_pipe();
  set_nonblocking(results.read_end.get());
  const pid_t pid = fork_child({results.write_end.get(), start_fd}, [&] {
    return run_child_shard(task, kForkResultFd, kForkStartFd, shared);
  });
  children.add(task.shard_index, pid, std::move(results.read_end));
  // results.write_end closes here: once the child exits, nobody holds it and we read end of file.
}

void start_spawned(ChildGroup& children, const ShardTask& task, int start_fd, const std::string& executable) {
  Pipe task_pipe = make_pipe();
  Pipe results = make_pipe();
  set_nonblocking(results.read_end.get());
  // The whole task is written before the child exists: the write can neither block on a slow
  // reader nor raise SIGPIPE in the parent if the child dies early.
  const std::string payload = task_to_json(task).dump();
  reserve_pipe_room(task_pipe.write_end.get(), payload.size());
  write_message(task_pipe.write_end.get(), payload);
  task_pipe.write_end.reset();  // the child reads end of file after its task
  const pid_t pid = spawn_child(executable, spawned_worker_args(executable, ::getpid(), task.shard_index, task.shard_count),
                                {{task_pipe.read_end.get(), kSpawnTaskFd},
                                 {results.write_end.get(), kSpawnResultFd},
                                 {start_fd, kSpawnStartFd}});
  children.add(task.shard_index, pid, std::move(results.read_end));
}

std::unique_ptr<SharedRaceCounter> make_shared_counter(const Request& request, StartMethod method) {
  if (request.demo != playground::Demo::Race || !request.params.shared_memory) return nullptr;
  return method == StartMethod::Spawn ? SharedRaceCounter::create_named() : SharedRaceCounter::create_for_fork();
}

}  // namespace

playground::Report run_processes(const Request& request, const playground::RunHooks& hooks,
                                 const ProcessOptions& options) {
  check_request(request, options);
  const StartMethod method = request.start_method.value_or(StartMethod::Fork);
  const std::uint64_t count = request.workers;

  // Declared in this order so that children are reaped before the counter is destroyed and the
  // signal handlers are restored.
  std::unique_ptr<SharedRaceCounter> shared;
  std::unique_ptr<CancelSignals> signals;
  std::string executable;
  // Children wait on its read end until the write end closes, so that they all begin together
  // (a spawned child takes milliseconds to start: its siblings' loops would be over by then).
  Pipe start_line;
  try {
    start_line = make_pipe();
    shared = make_shared_counter(request, method);
    signals = std::make_unique<CancelSignals>();
    if (method == StartMethod::Spawn)
      executable = options.executable.empty() ? spawn_worker_executable() : options.executable;
  } catch (const std::system_error& e) {
    throw RunError(std::string("cannot prepare the processes: ") + e.what());
  }
  const playground::RaceCounter counter = shared ? shared->counter() : playground::RaceCounter{};
  ChildGroup children;
  children.reserve(count);

  const double origin = playground::now_ms();
  for (std::uint64_t index = 0; index < count; ++index) {
    ShardTask task;
    task.request = request;
    task.shard_index = index;
    task.shard_count = count;
    task.origin_ms = origin;
    task.shared_memory_name = shared ? shared->name() : "";
    task.report_progress = hooks.progress != nullptr;
    task.payload_port = options.payload_port;
    if (options.fault && options.fault->worker == index) task.fault = options.fault;
    try {
      if (method == StartMethod::Spawn) start_spawned(children, task, start_line.read_end.get(), executable);
      else start_forked(children, task, start_line.read_end.get(), counter);
    } catch (const std::system_error& e) {
      children.stop_all();
      throw RunError("cannot start worker " + std::to_string(index) + ": " + e.what());
    }
  }

  CollectHooks collect;
  collect.progress = hooks.progress;
  collect.cancel = hooks.cancel;
  collect.deadline_ms = hooks.deadline_ms;
  collect.on_tick = options.on_tick;
  collect.signals = signals.get();
  start_line.read_end.reset();
  collect.on_all_ready = [&] {
    // Every spawned child has mapped the segment by now: its name can go.
    if (shared && method == StartMethod::Spawn) shared->unlink_name();
    start_line.write_end.reset();
  };
  const std::vector<playground::ShardOutcome> outcomes = collect_outcomes(children, request.demo, collect);
  const double wall_ms = playground::now_ms() - origin;
  playground::Report report = playground::assemble_shards(request, outcomes, wall_ms, counter);
  report.request.start_method = method;  // a request built in code may have left it to us
  return report;
}

}  // namespace cplay

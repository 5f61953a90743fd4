#include "pool/pool_processes.hpp"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include <poll.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "playground/errors.hpp"
#include "playground/json_integer.hpp"
#include "playground/platform.hpp"
#include "pool/pool_child.hpp"
#include "processes/cancel_signals.hpp"
#include "processes/child_exit.hpp"
#include "processes/child_group.hpp"
#include "processes/child_launch.hpp"
#include "processes/pipe_queue.hpp"
#include "processes/process_runner.hpp"
#include "processes/unique_fd.hpp"

namespace cplay {
namespace {

using playground::PoolOptions;
using playground::PoolStrategyRun;
using playground::RunError;
using playground::StartMethod;

// Longer than any valid run (at most a few seconds), so only a stuck run reaches it.
constexpr double kBudgetMs = 60'000;

// While it lives, a write to the task pipe of a child that just died fails with EPIPE instead of
// ending this process with SIGPIPE. The signal such a write raises stays pending on this thread
// and is taken back before the old mask returns.
class SigpipeBlocked {
 public:
  SigpipeBlocked() {
    sigset_t pipe;
    ::sigemptyset(&pipe);
    ::sigaddset(&pipe, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipe, &previous_);
  }
  ~SigpipeBlocked() {
    sigset_t pipe;
    ::sigemptyset(&pipe);
    ::sigaddset(&pipe, SIGPIPE);
    const timespec now{};
    while (::sigtimedwait(&pipe, nullptr, &now) == SIGPIPE) {
    }
    ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeBlocked(const SigpipeBlocked&) = delete;
  SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;

 private:
  sigset_t previous_{};
};

// One child the parent is feeding: its task pipe, its start record and the task it is on.
struct Fed {
  std::size_t child = 0;  // index into the ChildGroup
  std::size_t start = 0;  // index into the run's starts
  UniqueFd tasks;         // write end; reset when it gets no more tasks
  std::optional<std::uint64_t> current;
  bool running = false;   // it said so
  bool first_task = true;
  bool ended = false;     // its results pipe reached end of file and it was reaped
};

class ProcessStrategy {
 public:
  ProcessStrategy(const PoolOptions& options, const std::string& executable, CancelSignals& signals, bool fresh)
      : options_(options), executable_(executable), signals_(signals), fresh_(fresh) {
    run_.starts.resize(fresh ? options.tasks : options.workers);
    run_.tasks.resize(options.tasks);
    children_.reserve(run_.starts.size());  // add() never reallocates: references stay valid
    fed_.reserve(run_.starts.size());
    for (std::uint64_t t = 0; t < options.tasks; ++t) queue_.push_back(t);
  }

  PoolStrategyRun run() {
    origin_ = playground::now_ms();
    if (fresh_) {
      for (std::uint64_t lane = 0; lane < options_.workers; ++lane) start_fresh(lane);
    } else {
      for (std::uint64_t lane = 0; lane < options_.workers; ++lane) launch(lane, lane);
    }
    while (!children_.all_reaped()) wait_and_handle();
    run_.wall_ms = playground::now_ms() - origin_;
    return std::move(run_);
  }

 private:
  // Starts one child on `lane`, recorded as start `start`.
  Fed& launch(std::uint64_t lane, std::size_t start) {
    Pipe tasks = make_pipe();
    Pipe results = make_pipe();
    set_nonblocking(results.read_end.get());
    playground::PoolStart& record = run_.starts[start];
    record.worker = lane;
    record.asked_ms = playground::now_ms() - origin_;
    pid_t pid = -1;
    try {
      if (options_.start_method == StartMethod::Spawn) {
        pid = spawn_child(executable_, pool_worker_args(executable_, ::getpid()),
                          {{tasks.read_end.get(), kPoolTaskFd}, {results.write_end.get(), kPoolResultFd}});
      } else {
        pid = fork_child({tasks.read_end.get(), results.write_end.get()},
                         [] { return run_pool_child(kPoolTaskFd, kPoolResultFd, playground::now_ms()); });
      }
    } catch (const std::system_error& e) {
      throw RunError(std::string("could not start a worker process: ") + e.what());
    }
    record.id = pid;
    children_.add(lane, pid, std::move(results.read_end));
    // Our copies of the child's ends close here: its exit then reads as end of file.
    Fed& fed = fed_.emplace_back();
    fed.child = children_.children().size() - 1;
    fed.start = start;
    fed.tasks = std::move(tasks.write_end);
    return fed;
  }

  // Fresh: a child for the next task, which is written into its pipe right away, and the pipe
  // closed: the child runs that one task and ends.
  void start_fresh(std::uint64_t lane) {
    if (queue_.empty()) return;
    const std::uint64_t task = queue_.front();
    queue_.pop_front();
    Fed& fed = launch(lane, static_cast<std::size_t>(task));
    send(fed, task);
    fed.tasks.reset();
  }

  void send(Fed& fed, std::uint64_t task) {
    fed.current = task;
    try {
      write_message(fed.tasks.get(), nlohmann::json{{"task", task}, {"work", options_.work}}.dump());
    } catch (const std::system_error&) {
      // It died: its end of file follows and names how.
    }
  }

  // Pool: an idle worker takes the next task, or is told there are no more.
  void feed(Fed& fed) {
    if (fed.current || !fed.tasks) return;
    if (queue_.empty()) {
      fed.tasks.reset();  // end of file: the worker leaves its loop and exits
      return;
    }
    const std::uint64_t task = queue_.front();
    queue_.pop_front();
    send(fed, task);
  }

  void handle(Fed& fed, const std::string& text) {
    const nlohmann::json message = nlohmann::json::parse(text);
    playground::PoolStart& start = run_.starts[fed.start];
    if (message.contains("running_ms")) {
      start.running_ms = message.at("running_ms").get<double>() - origin_;
      fed.running = true;
    } else {
      const auto number = playground::integer_of<std::uint64_t>(message.at("task"), "task");
      if (!fed.current || number != *fed.current) throw RunError(who(fed) + " answered a task it was not given");
      playground::PoolTask& task = run_.tasks[number];
      task.task = number;
      task.worker = start.worker;
      task.start_wait_ms = fed.first_task ? start.running_ms - start.asked_ms : 0;
      task.started_ms = message.at("started_ms").get<double>() - origin_;
      task.ended_ms = message.at("ended_ms").get<double>() - origin_;
      task.value = std::stoull(message.at("value").get<std::string>());
      ++start.tasks;
      fed.first_task = false;
      fed.current.reset();
    }
    if (!fresh_ && fed.running) feed(fed);
  }

  std::string who(const Fed& fed) { return worker_label(run_.starts[fed.start].worker, children_.children()[fed.child].pid); }

  void end(Fed& fed) {
    WatchedChild& child = children_.children()[fed.child];
    children_.reap(child);
    fed.ended = true;
    fed.tasks.reset();
    if (const std::string why = describe_abnormal_exit(child.worker, child.pid, child.wait_status); !why.empty())
      throw RunError(why);
    if (fed.current || !fed.running) throw RunError(who(fed) + " ended before answering its task");
    if (fresh_) start_fresh(run_.starts[fed.start].worker);  // its lane is free
  }

  void wait_and_handle() {
    std::vector<pollfd> watched;
    std::vector<std::size_t> owners;
    for (std::size_t i = 0; i < fed_.size(); ++i) {
      if (fed_[i].ended) continue;
      watched.push_back({children_.children()[fed_[i].child].results.get(), POLLIN, 0});
      owners.push_back(i);
    }
    if (signals_.fd() >= 0) watched.push_back({signals_.fd(), POLLIN, 0});
    const double left = kBudgetMs - (playground::now_ms() - origin_);
    if (left <= 0)
      throw RunError("the pool run passed its " + std::to_string(static_cast<int>(kBudgetMs / 1000)) +
                         " s budget and was cancelled",
                     "timeout");
    const int ready = ::poll(watched.data(), watched.size(), static_cast<int>(left) + 1);
    if (ready < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
    if (signals_.received()) throw RunError("cancelled by a signal", "cancelled");
    for (std::size_t w = 0; w < owners.size(); ++w) {
      if (watched[w].revents == 0) continue;
      // fed_ may grow inside (a fresh lane's next child): take it by index each time.
      const std::size_t i = owners[w];
      WatchedChild& child = children_.children()[fed_[i].child];
      const DrainResult state = drain_into(child.results.get(), child.decoder);
      try {
        while (const std::optional<std::string> text = child.decoder.next()) handle(fed_[i], *text);
      } catch (const nlohmann::json::exception&) {
        throw RunError(who(fed_[i]) + " sent a malformed message");
      } catch (const std::logic_error&) {  // stoull's invalid_argument and out_of_range
        throw RunError(who(fed_[i]) + " sent a malformed value");
      }
      if (state == DrainResult::Closed) end(fed_[i]);
    }
  }

  const PoolOptions& options_;
  const std::string& executable_;
  CancelSignals& signals_;
  const bool fresh_;
  PoolStrategyRun run_;
  std::deque<std::uint64_t> queue_;
  ChildGroup children_;  // declared after nothing it outlives: kills and reaps whatever is left
  std::vector<Fed> fed_;
  double origin_ = 0;
};

}  // namespace

playground::PoolReport run_pool_processes(const PoolOptions& options, const std::string& executable) {
  playground::validate_pool_options(options);
  if (options.mode != playground::PoolMode::Processes) throw std::logic_error("run_pool_processes: --mode threads");
  const std::string program = executable.empty() ? self_executable() : executable;
  CancelSignals signals;
  SigpipeBlocked no_sigpipe;
  PoolStrategyRun pool = ProcessStrategy(options, program, signals, false).run();
  PoolStrategyRun fresh = ProcessStrategy(options, program, signals, true).run();
  return playground::make_pool_report(options, std::move(pool), std::move(fresh));
}

}  // namespace cplay

#include "common/execute.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "playground/platform.hpp"
#include "playground/run.hpp"
#include "processes/process_runner.hpp"
#include "common/progress.hpp"
#include "io_http/loopback_fetch.hpp"
#include "io_http/loopback_server.hpp"
#include "io_http/payload_server_process.hpp"

namespace cplay {

using playground::Mode;

namespace {

std::string progress_label(const playground::Request& r) {
  return std::string(playground::to_string(r.demo)) + " " + std::string(playground::to_string(r.mode));
}

// Draws the progress line from a helper thread while an in-process run works.
class ProgressThread {
 public:
  ProgressThread(ProgressLine& line) : thread_([this, &line] {
    std::unique_lock lock(mutex_);
    while (!done_) {
      cv_.wait_for(lock, std::chrono::milliseconds(100));
      if (!done_) line.draw();
    }
  }) {}
  ~ProgressThread() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace

playground::Report execute(const playground::Request& request, const ExecuteOptions& options) {
  std::atomic<std::uint64_t> done{0};
  playground::RunHooks hooks{&done, options.cancel};
  if (options.timeout_ms > 0) hooks.deadline_ms = playground::now_ms() + options.timeout_ms;
  const bool show = options.show_progress && stderr_is_terminal();
  std::optional<ProgressLine> line;
  if (show) line.emplace(progress_label(request), playground::total_items(request), done);

  // io --source http: a payload server of this run's own on a loopback port, stopped and joined
  // when the run ends however it ends (declared before the run's helpers, so destroyed after).
  const bool http_source = request.demo == playground::Demo::Io && request.params.source == playground::WaitSource::Http;

  if (request.mode == Mode::Processes) {
    // No helper thread here: children are forked, and a forked child of a multithreaded parent
    // inherits locks in unknown states. The runner's poll loop draws instead, and the payload
    // server's threads live in a process of their own.
    std::optional<PayloadServerProcess> payload_server;
    ProcessOptions process_options;
    if (line) process_options.on_tick = [&line] { line->draw(); };
    // Nobody draws the count: children then start no reporter thread (and send no progress).
    if (!line) hooks.progress = nullptr;
    if (http_source) process_options.payload_port = payload_server.emplace(request.params.tasks).port();
    return run_processes(request, hooks, process_options);
  }
  std::optional<LoopbackPayloadServer> payload_server;
  std::optional<LoopbackHttpBackend> http;
  if (http_source) {
    payload_server.emplace(request.params.tasks);
    hooks.io = &http.emplace(payload_server->port());
  }
  std::optional<ProgressThread> drawer;
  if (line) drawer.emplace(*line);
  return playground::run(request, hooks);
}

}  // namespace cplay

#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/monitor.hpp"
#include "playground/request.hpp"

namespace cplay {

struct ApiResponse {
  int status;
  nlohmann::json body;
  std::string job;  // the job the reply is about (the `Cplay-Job` header); empty for none
};

struct ApiLimits {
  // How long a request waits for the running job before it gets 429: long enough for a page's
  // sweep to queue behind the previous point, short enough to say "busy".
  std::chrono::milliseconds queue_wait{std::chrono::seconds(30)};
  // Past this, more requests get 429 at once: waiting requests hold server threads, and the
  // threads must stay free for /api/cancel.
  std::size_t max_waiting = 4;
  // Every job's wall-clock budget (cplay serve --job-timeout-s).
  std::chrono::milliseconds job_timeout{std::chrono::seconds(120)};
  // Starts the job processes of --mode processes (`cplay __job`); empty: this executable.
  std::string executable;
  // The most ranks a job of mode mpi may have (cplay serve --mpi-ranks); 0: mode mpi is refused.
  std::uint64_t mpi_ranks = 0;
};

// What the server runs: the native capabilities, with mode mpi only up to `mpi_ranks` ranks.
playground::Capabilities server_capabilities(std::uint64_t mpi_ranks);

// The native API behind `cplay serve`, apart from HTTP: validates like the CLI, runs one job at
// a time (others wait in turn, briefly, then get 429), answers reports or error reports, and
// cancels jobs by the id the page gave them.
class ApiHandler {
 public:
  static constexpr std::size_t kMaxRequestBytes = 64 * 1024;
  static constexpr std::size_t kMaxJobIdLength = 64;

  explicit ApiHandler(ApiLimits limits = {});

  // POST /api/run?job=ID: `job_id` empty means the server names the job.
  ApiResponse run(const std::string& body, const std::string& job_id);
  // POST /api/start-methods?job=ID with {} or {"workers": N}: the start-methods experiment, in a
  // process of its own (it forks with a thread running), taking its turn with the demo jobs
  // (which would skew its timings) and bounded by the same budget; cancelled the same way.
  ApiResponse start_methods(const std::string& body, const std::string& job_id);
  // POST /api/queue?job=ID with the queue experiment's request: run like start-methods, in a job
  // process (processes mode forks), in turn, bounded and cancellable. A deadlocked hand-off is a
  // result, not a failure: its report says so.
  ApiResponse queue(const std::string& body, const std::string& job_id);
  // POST /api/deadlock?job=ID with the deadlock experiment's options: run like start-methods.
  // A deadlock is the lesson, not a failure: the report says so, with its cycle.
  ApiResponse deadlock(const std::string& body, const std::string& job_id);
  // POST /api/barrier?job=ID with the barrier experiment's options: run like deadlock. A wrong
  // answer (sync none) is the lesson, not a failure: the report says so, with its stale reads.
  ApiResponse barrier(const std::string& body, const std::string& job_id);
  // POST /api/semaphore?job=ID with the semaphore experiment's options: run like deadlock.
  ApiResponse semaphore(const std::string& body, const std::string& job_id);
  // POST /api/async?job=ID with the async control experiment's options: run like barrier. Lost
  // updates (race, sync none) are the lesson, not a failure: the report says so (exact false).
  ApiResponse async_control(const std::string& body, const std::string& job_id);
  // POST /api/pool?job=ID with the pool experiment's options: run like deadlock (processes mode forks).
  ApiResponse pool(const std::string& body, const std::string& job_id);
  // POST /api/monitor?job=ID with the monitor experiment's options, answered as a stream. First
  // monitor_start validates (a refusal, e.g. 400 naming the range, is answered at once, never
  // streamed); then monitor_stream runs the job in turn in a job process like deadlock, handing
  // `write_line` each event line as it happens and, last, the report or an error report (busy,
  // cancelled, timeout). `write_line` returning false (the client went away) stops the job; its
  // children are killed and reaped either way.
  struct MonitorStart {
    std::optional<ApiResponse> refusal;
    std::string id;
    playground::MonitorOptions options;
  };
  MonitorStart monitor_start(const std::string& body, const std::string& job_id);
  void monitor_stream(const MonitorStart& start, const std::function<bool(const std::string&)>& write_line);
  // POST /api/cancel with {"job": ID}: stops the job if it runs, removes it if it waits; an id
  // not seen yet is refused when it arrives (the page's cancel can overtake its own run).
  ApiResponse cancel(const std::string& body);
  nlohmann::json info() const;
  bool job_running() const;
  std::size_t jobs_waiting() const;
  // Server shutdown: stops the running job, ends the waiting ones, refuses new ones.
  void shut_down();

 private:
  struct Job {
    std::string id;
    std::atomic<bool> cancel{false};
    bool running = false;
  };

  // `id` from the client's job id, or a name the server gives; a response when the id is refused.
  std::optional<ApiResponse> name_job(const std::string& job_id, std::string& id);
  // Runs `work` when the job's turn comes; busy, cancelled or shutting-down answers otherwise.
  ApiResponse in_turn(const std::string& id, const std::function<ApiResponse(Job&)>& work);
  // The report `work` returns, or the error report for what it threw (timeout named with the budget).
  ApiResponse answer_job(const std::string& id, const std::function<nlohmann::json()>& work) const;
  ApiResponse execute_job(const std::string& id, const playground::Request& request, Job& job) const;
  // Runs `task` in a `cplay __job` process, cancelled with the job and bounded by the budget.
  // `on_event`, if set, receives a streaming job's event lines (JobProcessControl::on_event).
  nlohmann::json run_in_job_process(const nlohmann::json& task, Job& job,
                                    std::function<bool(const std::string&)> on_event = {}) const;
  // Under mutex_: the job waits its turn; false when it was cancelled, timed out or shut out.
  bool wait_for_turn(std::unique_lock<std::mutex>& lock, const std::shared_ptr<Job>& job);
  void finish(const std::shared_ptr<Job>& job);  // under mutex_
  static void remember(std::deque<std::string>& ids, const std::string& id);
  static bool forget(std::deque<std::string>& ids, const std::string& id);

  const ApiLimits limits_;
  const playground::Capabilities capabilities_;
  mutable std::mutex mutex_;
  std::condition_variable turn_changed_;
  std::map<std::string, std::shared_ptr<Job>> active_;  // waiting or running
  std::deque<std::shared_ptr<Job>> queue_;              // waiting, in arrival order
  bool job_running_ = false;
  bool shutting_down_ = false;
  std::deque<std::string> finished_;      // recent ids, so a late cancel can say "finished"
  std::deque<std::string> precancelled_;  // cancelled before they arrived
  std::uint64_t jobs_named_ = 0;
};

// The HTTP status for an error report's code (400 bad input, 409 cancelled, 429 busy, ...).
int http_status_for(const nlohmann::json& error_report);

}  // namespace cplay

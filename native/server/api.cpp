#include "server/api.hpp"

#include <algorithm>

#include <malloc.h>

#include "common/execute.hpp"
#include "server/job_process.hpp"
#include "common/machine_info.hpp"
#include "playground/errors.hpp"
#include "barrier/barrier_experiment.hpp"
#include "deadlock/deadlock_experiment.hpp"
#include "playground/barrier_json.hpp"
#include "playground/deadlock_json.hpp"
#include "playground/pool_json.hpp"
#include "playground/semaphore_json.hpp"
#include "playground/async_control_json.hpp"
#include "async/async_experiment.hpp"
#include "pool/pool_experiment.hpp"
#include "semaphore/semaphore_experiment.hpp"
#include "monitor/monitor_experiment.hpp"
#include "playground/monitor_json.hpp"
#include "playground/platform.hpp"
#include "playground/report_json.hpp"
#include "processes/process_runner.hpp"
#include "queue/queue_experiment.hpp"
#include "start_methods/start_methods.hpp"

namespace cplay {

using nlohmann::json;
using playground::error_to_json;

namespace {

constexpr std::size_t kRememberedIds = 64;

bool is_job_id_character(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

// Empty when `id` is acceptable, else the reason.
std::string job_id_problem(const std::string& id) {
  if (id.empty() || id.size() > ApiHandler::kMaxJobIdLength ||
      !std::all_of(id.begin(), id.end(), [](char c) { return is_job_id_character(static_cast<unsigned char>(c)); }))
    return "a job id is 1 to " + std::to_string(ApiHandler::kMaxJobIdLength) +
           " characters from A-Z, a-z, 0-9, '-', '_' and '.'";
  return "";
}

ApiResponse error_response(const std::string& code, const std::string& message, std::string job = {}) {
  json body = error_to_json(code, message);
  return {http_status_for(body), std::move(body), std::move(job)};
}

std::string budget_text(std::chrono::milliseconds budget) {
  const auto ms = budget.count();
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

// The error report for the exception in flight, with its status.
ApiResponse failure_response(const std::string& id) {
  json report = playground::error_report_for(std::current_exception());
  return {http_status_for(report), std::move(report), id};
}

ApiResponse cancelled_response(const std::string& id, const std::string& when) {
  return error_response("cancelled", "job '" + id + "' was cancelled " + when, id);
}

}  // namespace

int http_status_for(const json& error_report) {
  if (playground::is_bad_request(error_report)) return 400;
  const std::string code = error_report.at("error").at("code").get<std::string>();
  if (code == "unknown-job") return 404;
  if (code == "cancelled" || code == "job-id-in-use") return 409;
  // The request was understood but its work did not fit the job's budget: ask for less.
  if (code == "timeout") return 422;
  if (code == "busy") return 429;
  if (code == "shutting-down") return 503;
  return 500;
}

playground::Capabilities server_capabilities(std::uint64_t mpi_ranks) {
  playground::Capabilities caps = native_capabilities();
  if (caps.max_ranks == 0) return caps;  // no cplay-mpi: its reason says how to get one
  if (mpi_ranks == 0) {
    caps.max_ranks = 0;
    caps.mpi_unavailable_reason = "this cplay serve runs no MPI jobs; start it with --mpi-ranks N (1 to " +
                                  std::to_string(native_capabilities().max_ranks) + ") to allow up to N ranks";
  } else {
    caps.max_ranks = std::min(caps.max_ranks, mpi_ranks);
  }
  return caps;
}

ApiHandler::ApiHandler(ApiLimits limits)
    : limits_(std::move(limits)), capabilities_(server_capabilities(limits_.mpi_ranks)) {}

std::optional<ApiResponse> ApiHandler::name_job(const std::string& job_id, std::string& id) {
  id = job_id;
  if (id.empty()) {
    std::lock_guard lock(mutex_);
    id = "server-" + std::to_string(++jobs_named_);
  } else if (const std::string problem = job_id_problem(id); !problem.empty()) {
    return error_response("invalid-argument", problem);
  }
  return std::nullopt;
}

ApiResponse ApiHandler::run(const std::string& body, const std::string& job_id) {
  std::string id;
  if (auto refused = name_job(job_id, id)) return std::move(*refused);
  playground::Request request;
  try {
    request = playground::parse_request(playground::parse_request_text(body), capabilities_);
  } catch (...) {
    return failure_response(id);
  }
  return in_turn(id, [&](Job& job) { return execute_job(id, request, job); });
}

ApiResponse ApiHandler::start_methods(const std::string& body, const std::string& job_id) {
  std::string id;
  if (auto refused = name_job(job_id, id)) return std::move(*refused);
  StartMethodsOptions options;
  try {
    options = start_methods_options_from_json(playground::parse_request_text(body));
  } catch (...) {
    return failure_response(id);
  }
  return in_turn(id, [&](Job& job) {
    return answer_job(id, [&] {
      return run_in_job_process(start_methods_task(options), job);
    });
  });
}

ApiResponse ApiHandler::queue(const std::string& body, const std::string& job_id) {
  std::string id;
  if (auto refused = name_job(job_id, id)) return std::move(*refused);
  playground::QueueRequest request;
  try {
    request = playground::parse_queue_request(playground::parse_request_text(body));
  } catch (...) {
    return failure_response(id);
  }
  return in_turn(id, [&](Job& job) {
    return answer_job(id, [&] { return run_in_job_process(queue_task(request), job); });
  });
}

ApiResponse ApiHandler::deadlock(const std::string& body, const std::string& job_id) {
  std::string id;
  if (auto refused = name_job(job_id, id)) return std::move(*refused);
  playground::DeadlockOptions options;
  try {
    options = playground::deadlock_options_from_json(playground::parse_request_text(body));
  } catch (...) {
    return failure_response(id);
  }
  return in_turn(id, [&](Job& job) {
    return answer_job(id, [&] { return run_in_job_process(deadlock_task(options), job); });
  });
}

ApiResponse ApiHandler::barrier(const std::string& body, const std::string& job_id) {
  std::string id;
  if (auto refused = name_job(job_id, id)) return std::move(*refused);
  playground::BarrierOptions options;
  try {
    options = playground::barrier_options_from_json(playground::parse_request_text(body));
  } catch (...) {
    return failure_response(id);
  }
  return in_turn(id, [&](Job& job) {
    return answer_job(id, [&] { return run_in_job_process(barrier_task(options), job); });
  });
}

ApiResponse ApiHandler::semaphore(const std::string& body, const std::string& job_id) {
  std::string id;
  if (auto refused = name_job(job_id, id)) return std::move(*refused);
  playground::SemaphoreOptions options;
  try {
    options = playground::semaphore_options_from_json(playground::parse_request_text(body));
  } catch (...) {
    return failure_response(id);
  }
  return in_turn(id, [&](Job& job) {
    return answer_job(id, [&] { return run_in_job_process(semaphore_task(options), job); });
  });
}

ApiResponse ApiHandler::pool(const std::string& body, const std::string& job_id) {
  std::string id;
  if (auto refused = name_job(job_id, id)) return std::move(*refused);
  playground::PoolOptions options;
  try {
    options = playground::pool_options_from_json(playground::parse_request_text(body));
  } catch (...) {
    return failure_response(id);
  }
  return in_turn(id, [&](Job& job) {
    return answer_job(id, [&] { return run_in_job_process(pool_task(options), job); });
  });
}

ApiHandler::MonitorStart ApiHandler::monitor_start(const std::string& body, const std::string& job_id) {
  MonitorStart start;
  if (auto refused = name_job(job_id, start.id)) {
    start.refusal = std::move(*refused);
    return start;
  }
  try {
    start.options = playground::monitor_options_from_json(playground::parse_request_text(body));
  } catch (...) {
    start.refusal = failure_response(start.id);
  }
  return start;
}

void ApiHandler::monitor_stream(const MonitorStart& start, const std::function<bool(const std::string&)>& write_line) {
  const ApiResponse answer = in_turn(start.id, [&](Job& job) {
    return answer_job(start.id, [&] { return run_in_job_process(monitor_task(start.options), job, write_line); });
  });
  // The stream's status went out with its first line: the outcome is its last line.
  write_line(answer.body.dump(-1, ' ', false, json::error_handler_t::replace));
}

ApiResponse ApiHandler::async_control(const std::string& body, const std::string& job_id) {
  std::string id;
  if (auto refused = name_job(job_id, id)) return std::move(*refused);
  playground::AsyncControlOptions options;
  try {
    options = playground::async_options_from_json(playground::parse_request_text(body));
  } catch (...) {
    return failure_response(id);
  }
  return in_turn(id, [&](Job& job) {
    return answer_job(id, [&] { return run_in_job_process(async_task(options), job); });
  });
}

ApiResponse ApiHandler::in_turn(const std::string& id, const std::function<ApiResponse(Job&)>& work) {
  auto job = std::make_shared<Job>();
  job->id = id;
  {
    std::unique_lock lock(mutex_);
    if (shutting_down_) return error_response("shutting-down", "the server is stopping", id);
    if (forget(precancelled_, id)) return cancelled_response(id, "before it arrived");
    if (active_.count(id) != 0)
      return error_response("job-id-in-use", "job '" + id + "' is already waiting or running; give each run its own id", id);
    if (job_running_ && queue_.size() >= limits_.max_waiting)
      return error_response("busy", "another native run is in progress and " + std::to_string(queue_.size()) +
                                        " more wait; try again when they end", id);
    active_[id] = job;
    queue_.push_back(job);
    if (!wait_for_turn(lock, job)) {
      const bool cancelled = job->cancel.load();
      finish(job);
      if (shutting_down_) return error_response("shutting-down", "the server is stopping", id);
      if (cancelled) return cancelled_response(id, "while it waited for its turn");
      return error_response("busy", "another native run is in progress; try again when it ends", id);
    }
  }
  ApiResponse answer = work(*job);
  {
    std::lock_guard lock(mutex_);
    finish(job);
  }
  // A job's threads leave freed memory in glibc's arenas (capped by run_server): hand it back to
  // the system between jobs, so an idle server holds only what it uses.
  ::malloc_trim(0);
  return answer;
}

bool ApiHandler::wait_for_turn(std::unique_lock<std::mutex>& lock, const std::shared_ptr<Job>& job) {
  const bool turn = turn_changed_.wait_for(lock, limits_.queue_wait, [&] {
    return shutting_down_ || job->cancel.load() || (!job_running_ && queue_.front() == job);
  });
  queue_.erase(std::find(queue_.begin(), queue_.end(), job));
  if (!turn || shutting_down_ || job->cancel.load()) {
    turn_changed_.notify_all();  // the next in line may now be first
    return false;
  }
  job_running_ = true;
  job->running = true;
  return true;
}

void ApiHandler::finish(const std::shared_ptr<Job>& job) {
  if (job->running) job_running_ = false;
  active_.erase(job->id);
  remember(finished_, job->id);
  turn_changed_.notify_all();
}

ApiResponse ApiHandler::execute_job(const std::string& id, const playground::Request& request, Job& job) const {
  const double budget_ms = static_cast<double>(limits_.job_timeout.count());
  return answer_job(id, [&] {
    // Processes fork or spawn, and an MPI job forks mpirun: neither from this threaded server.
    if (request.mode == playground::Mode::Processes || request.mode == playground::Mode::Mpi) {
      return run_in_job_process(playground::request_to_json(request), job);
    }
    ExecuteOptions options;
    options.cancel = &job.cancel;
    options.timeout_ms = budget_ms;
    return playground::report_to_json(execute(request, options));
  });
}

json ApiHandler::run_in_job_process(const json& task, Job& job,
                                    std::function<bool(const std::string&)> on_event) const {
  JobProcessControl control;
  control.on_event = std::move(on_event);
  control.executable = limits_.executable.empty() ? self_executable() : limits_.executable;
  control.cancel = &job.cancel;
  control.deadline_ms = playground::now_ms() + static_cast<double>(limits_.job_timeout.count());
  return run_job_process(task, control);
}

ApiResponse ApiHandler::answer_job(const std::string& id, const std::function<json()>& work) const {
  try {
    json body = work();
    const int status = body.contains("error") ? http_status_for(body) : 200;
    return {status, std::move(body), id};
  } catch (const playground::RunError& e) {
    if (e.code() != "timeout") return failure_response(id);
    return error_response("timeout",
                          "job '" + id + "' ran past its budget of " + budget_text(limits_.job_timeout) +
                              " (cplay serve --job-timeout-s) and was stopped",
                          id);
  } catch (...) {
    return failure_response(id);
  }
}

ApiResponse ApiHandler::cancel(const std::string& body) {
  const json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object() || parsed.size() != 1 || !parsed.contains("job") ||
      !parsed["job"].is_string())
    return error_response("invalid-argument", "a cancel is a JSON object {\"job\": ID}; " + job_id_problem(""));
  const std::string id = parsed["job"].get<std::string>();
  if (const std::string problem = job_id_problem(id); !problem.empty()) return error_response("invalid-argument", problem);

  std::lock_guard lock(mutex_);
  if (const auto found = active_.find(id); found != active_.end()) {
    found->second->cancel.store(true);
    turn_changed_.notify_all();
    const char* state = found->second->running ? "running" : "waiting";
    return {200, {{"job", id}, {"cancelled", true}, {"state", state}}, id};
  }
  if (std::find(finished_.begin(), finished_.end(), id) != finished_.end())
    return {200, {{"job", id}, {"cancelled", false}, {"state", "finished"}}, id};
  remember(precancelled_, id);
  return error_response("unknown-job",
                        "no job '" + id + "' is waiting or running; if it arrives later it will be refused as cancelled",
                        id);
}

json ApiHandler::info() const { return machine_info(capabilities_); }

bool ApiHandler::job_running() const {
  std::lock_guard lock(mutex_);
  return job_running_;
}

std::size_t ApiHandler::jobs_waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void ApiHandler::shut_down() {
  std::lock_guard lock(mutex_);
  shutting_down_ = true;
  for (auto& [id, job] : active_) job->cancel.store(true);
  turn_changed_.notify_all();
}

void ApiHandler::remember(std::deque<std::string>& ids, const std::string& id) {
  ids.push_back(id);
  if (ids.size() > kRememberedIds) ids.pop_front();
}

bool ApiHandler::forget(std::deque<std::string>& ids, const std::string& id) {
  const auto found = std::find(ids.begin(), ids.end(), id);
  if (found == ids.end()) return false;
  ids.erase(found);
  return true;
}

}  // namespace cplay

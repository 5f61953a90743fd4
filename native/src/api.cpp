#include "api.hpp"

#include <chrono>

#include "execute.hpp"
#include "machine_info.hpp"
#include "playground/report.hpp"

namespace cplay {

using nlohmann::json;

ApiResponse ApiHandler::run(const std::string& body) {
  try {
    const playground::Request parsed = parse_native_request(json::parse(body));
    if (shutting_down_.load())
      return {503, playground::error_to_json("shutting-down", "the server is stopping")};
    if (!claim_slot())
      return {429, playground::error_to_json("busy", "another native run is in progress; try again when it ends")};
    struct SlotRelease {
      ApiHandler& api;
      ~SlotRelease() { api.release_slot(); }
    } release{*this};
    ExecuteOptions options;
    options.cancel = &job_cancel_;
    return {200, playground::report_to_json(execute(parsed, options))};
  } catch (...) {
    json report = playground::error_report_for(std::current_exception());
    const int status = playground::is_bad_request(report) ? 400 : 500;
    return {status, std::move(report)};
  }
}

json ApiHandler::info() const { return machine_info(); }

bool ApiHandler::claim_slot() {
  std::unique_lock lock(slot_mutex_);
  if (!slot_freed_.wait_for(lock, queue_wait_, [this] { return !job_running_; })) return false;
  job_running_ = true;
  job_cancel_.store(false);  // a cancel meant for the previous job must not stop this one
  return true;
}

void ApiHandler::release_slot() {
  {
    std::lock_guard lock(slot_mutex_);
    job_running_ = false;
  }
  slot_freed_.notify_one();
}

bool ApiHandler::job_running() const {
  std::lock_guard lock(slot_mutex_);
  return job_running_;
}

bool ApiHandler::cancel_job() {
  job_cancel_.store(true);
  return job_running();
}

void ApiHandler::shut_down() {
  shutting_down_.store(true);
  job_cancel_.store(true);
}

}  // namespace cplay

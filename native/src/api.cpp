#include "api.hpp"

#include <chrono>

#include "execute.hpp"
#include "machine_info.hpp"
#include "playground/errors.hpp"
#include "playground/report.hpp"

namespace cplay {

using nlohmann::json;

ApiResponse ApiHandler::run(const std::string& body) {
  json request;
  try {
    request = json::parse(body);
  } catch (const json::parse_error& e) {
    return {400, playground::error_to_json("invalid-json", std::string("the request is not valid JSON: ") + e.what())};
  }
  try {
    const playground::Request parsed = parse_native_request(request);
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
  } catch (const playground::ArgumentError& e) {
    return {400, playground::error_to_json(e.code(), e.what())};
  } catch (const playground::RunError& e) {
    return {500, playground::error_to_json(e.code(), e.what())};
  } catch (const std::bad_alloc&) {
    return {500, playground::error_to_json("out-of-memory", "the run needed more memory than is available")};
  } catch (const std::exception& e) {
    return {500, playground::error_to_json("internal", e.what())};
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

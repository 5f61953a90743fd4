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
    std::unique_lock slot(job_, std::defer_lock);
    if (!slot.try_lock_for(queue_wait_))
      return {429, playground::error_to_json("busy", "another native run is in progress; try again when it ends")};
    if (shutting_down_.load())
      return {503, playground::error_to_json("shutting-down", "the server is stopping")};
    job_cancel_.store(false);
    job_running_.store(true);
    struct Finished {
      std::atomic<bool>& running;
      ~Finished() { running.store(false); }
    } finished{job_running_};
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

bool ApiHandler::cancel_job() {
  job_cancel_.store(true);
  return job_running_.load();
}

void ApiHandler::shut_down() {
  shutting_down_.store(true);
  job_cancel_.store(true);
}

}  // namespace cplay

#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace cplay {

struct ApiResponse {
  int status;
  nlohmann::json body;
};

// The native API behind `cplay serve`, apart from HTTP: validates like the CLI, runs one job at
// a time (a second one waits briefly, then gets 429), answers reports or error reports.
class ApiHandler {
 public:
  static constexpr std::size_t kMaxRequestBytes = 64 * 1024;

  // `queue_wait`: how long a request waits for the running job before it gets 429. Long enough
  // for a page's sweep to queue behind the previous point, short enough to say "busy".
  explicit ApiHandler(std::chrono::milliseconds queue_wait = std::chrono::seconds(30)) : queue_wait_(queue_wait) {}

  ApiResponse run(const std::string& body);
  nlohmann::json info() const;
  // Stops the running job at its next slice, or its children at once (the page's Cancel button).
  // Returns whether a job was running.
  bool cancel_job();
  bool job_running() const;
  // Server shutdown: stops the running job and refuses new ones.
  void shut_down();

 private:
  // One job at a time: a flag and a condition variable (std::timed_mutex would do, but GCC 12's
  // ThreadSanitizer does not see its timed lock and reports every unlock as wrong).
  bool claim_slot();
  void release_slot();

  std::chrono::milliseconds queue_wait_;
  mutable std::mutex slot_mutex_;
  std::condition_variable slot_freed_;
  bool job_running_ = false;
  std::atomic<bool> job_cancel_{false};
  std::atomic<bool> shutting_down_{false};
};

}  // namespace cplay

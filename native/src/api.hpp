#pragma once
#include <atomic>
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

  ApiResponse run(const std::string& body);
  nlohmann::json info() const;
  // Stops a running in-process job at its next slice (server shutdown).
  void cancel() { cancel_.store(true); }

 private:
  std::timed_mutex job_;
  std::atomic<bool> cancel_{false};
};

}  // namespace cplay

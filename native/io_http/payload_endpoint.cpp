#include "io_http/payload_endpoint.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "playground/catalog.hpp"
#include "playground/errors.hpp"
#include "playground/io_backend.hpp"
#include "playground/platform.hpp"
#include "playground/report_json.hpp"
#include "playground/request.hpp"

namespace cplay {

namespace {

// The query names its values as the request does (latency_ms, bytes), with the catalog's ranges.
std::uint64_t query_number(const std::optional<std::string>& text, const char* key) {
  playground::ParamSpec spec = playground::param_spec(key);
  spec.flag = key;
  if (!text) throw playground::ArgumentError(std::string(key) + " is required: an integer from " + std::to_string(spec.min) +
                                             " to " + std::to_string(spec.max));
  return playground::parse_numeric(*text, spec);
}

}  // namespace

PayloadQuery parse_payload_query(const std::optional<std::string>& latency_ms, const std::optional<std::string>& bytes) {
  return {query_number(latency_ms, "latency_ms"), query_number(bytes, "bytes")};
}

bool PayloadGate::try_enter() {
  std::size_t now = inside_.load();
  do {
    if (now >= limit_) return false;
  } while (!inside_.compare_exchange_weak(now, now + 1));
  return true;
}

void PayloadGate::leave() { inside_.fetch_sub(1); }

PayloadAnswer payload_after_latency(const PayloadQuery& query, const std::atomic<bool>& stopping) {
  // Short steps: a stopping server does not sit out a minute-long latency.
  constexpr double kStepMs = 20;
  const double due = playground::now_ms() + static_cast<double>(query.latency_ms);
  for (double now = playground::now_ms(); now < due; now = playground::now_ms()) {
    if (stopping.load()) return payload_refusal(503, "shutting-down", "the server is stopping");
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(std::min(due - now, kStepMs)));
  }
  PayloadAnswer answer;
  answer.is_payload = true;
  answer.body.resize(query.bytes);
  for (std::uint64_t i = 0; i < query.bytes; ++i) answer.body[i] = playground::payload_byte(i);
  return answer;
}

PayloadAnswer payload_refusal(int status, const std::string& code, const std::string& message) {
  return {status, playground::error_to_json(code, message).dump(), false};
}

}  // namespace cplay

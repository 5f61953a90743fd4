#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace cplay {

// GET /api/payload?latency_ms=L&bytes=B: a response that comes after L ms with B bytes of
// playground::payload_byte(), the io demo's "web page". Both ranges are the catalog's
// (--latency-ms, --bytes). cplay serve answers it for the page's browser side, and the loopback
// server of an io run with --source http for the native side.

struct PayloadQuery {
  std::uint64_t latency_ms = 0;
  std::uint64_t bytes = 0;
};

// The query's values; playground::ArgumentError naming the parameter and its range otherwise.
// `latency_ms` and `bytes` are each given once (nullopt: missing); nothing else is taken.
PayloadQuery parse_payload_query(const std::optional<std::string>& latency_ms, const std::optional<std::string>& bytes);

// Admits at most `limit` payload requests at once: each holds a server thread while it waits,
// and the server's other requests must keep theirs.
class PayloadGate {
 public:
  explicit PayloadGate(std::size_t limit) : limit_(limit) {}
  bool try_enter();
  void leave();
  std::size_t limit() const { return limit_; }
  std::size_t inside() const { return inside_.load(); }

 private:
  const std::size_t limit_;
  std::atomic<std::size_t> inside_{0};
};

struct PayloadAnswer {
  int status = 200;
  std::string body;          // the payload, or an error report's JSON
  bool is_payload = false;   // true: application/octet-stream; false: application/json
};

// Waits `query.latency_ms` (in short steps, returning early once `stopping` is set) and builds
// the body. The caller holds the gate.
PayloadAnswer payload_after_latency(const PayloadQuery& query, const std::atomic<bool>& stopping);

// The error report of a refused payload request (400 bad range, 429 busy, 503 stopping).
PayloadAnswer payload_refusal(int status, const std::string& code, const std::string& message);

}  // namespace cplay

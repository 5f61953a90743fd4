#pragma once
#include <cstdint>
#include <memory>

#include "playground/io_backend.hpp"

namespace cplay {

// The io demo's downloads natively: HTTP/1.1 GET /api/payload of a payload server on
// 127.0.0.1:`port` over a real TCP socket, the whole body read and checked byte by byte.
// Every fetch has its own connection (Connection: close) and a deadline of its latency plus
// kSlackMs, so a server that never answers cannot hold a run for ever.
class LoopbackHttpBackend final : public playground::IoBackend {
 public:
  static constexpr double kSlackMs = 30'000;

  explicit LoopbackHttpBackend(std::uint16_t port) : port_(port) {}

  // The calling thread blocks in poll(2) on its one socket, looking up every few ms to see
  // whether the run is stopping.
  playground::FetchOutcome fetch(std::uint64_t latency_ms, std::uint64_t bytes,
                                 const std::function<bool()>& stopping) override;
  std::unique_ptr<playground::PendingFetch> start(std::uint64_t latency_ms, std::uint64_t bytes) override;
  void poll(std::span<playground::FdWait> waits, double timeout_ms) override;

 private:
  std::uint16_t port_;
};

}  // namespace cplay

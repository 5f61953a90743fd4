#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <thread>

#include <httplib.h>

#include "io_http/payload_endpoint.hpp"

namespace cplay {

// The payload endpoint alone, on 127.0.0.1 at a port the system picks, for one io run with
// --source http (`cplay io` without cplay serve). A thread per task it may serve at once, so that
// concurrent fetches are answered concurrently, and one spare, so that a request past the gate is
// told so (429) instead of waiting in line. The destructor stops it and joins its threads.
class LoopbackPayloadServer {
 public:
  explicit LoopbackPayloadServer(std::size_t concurrent);
  ~LoopbackPayloadServer();
  LoopbackPayloadServer(const LoopbackPayloadServer&) = delete;
  LoopbackPayloadServer& operator=(const LoopbackPayloadServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::size_t answering() const { return gate_.inside(); }  // payload requests inside the gate now

 private:
  std::atomic<bool> stopping_{false};
  PayloadGate gate_;
  httplib::Server server_;
  std::uint16_t port_ = 0;
  std::thread listener_;
};

}  // namespace cplay

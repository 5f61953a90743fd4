#pragma once
// The io demo's real I/O, seen from the core. The core opens no socket (it also builds to
// WebAssembly): a runtime that can fetch over HTTP hands the run an IoBackend, and the modes
// wait on it instead of sleeping. Natively it is a loopback HTTP/1.1 client (native/io_http).
#include <cstdint>
#include <functional>
#include <memory>
#include <span>

namespace playground {

// One task's fetch as measured by the backend, times on now_ms()'s clock.
struct FetchOutcome {
  std::uint64_t bytes = 0;  // body bytes received
  bool intact = false;      // every byte matched payload_byte() at its offset
  double start_ms = 0;      // before connecting
  double first_byte_ms = 0;  // the first byte of the response arrived
  double end_ms = 0;        // the whole body arrived
};

// The body the payload endpoint sends: a fixed pattern, so a client can check every byte.
constexpr char payload_byte(std::uint64_t offset) {
  return static_cast<char>('a' + offset % 26);
}

// A descriptor an event loop waits on, and whether it became ready (set by IoBackend::poll).
struct FdWait {
  int fd = -1;
  bool write = false;  // false: wait until readable
  bool ready = false;
};

// A fetch in progress on a non-blocking socket, driven by an event loop.
class PendingFetch {
 public:
  enum class Want { Read, Write, Done };
  virtual ~PendingFetch() = default;
  // Does what it can without blocking; Done once the whole body is in. Throws RunError.
  virtual Want advance() = 0;
  virtual int fd() const = 0;
  virtual FetchOutcome outcome() const = 0;
  // On now_ms()'s clock: after it, advance() throws. A loop waiting on fd() wakes by then.
  virtual double deadline_ms() const = 0;
};

class IoBackend {
 public:
  virtual ~IoBackend() = default;
  // Fetches `bytes` from a response that comes after `latency_ms`, blocking the calling thread.
  // Returns early (an incomplete outcome) once `stopping` says true. Throws RunError.
  virtual FetchOutcome fetch(std::uint64_t latency_ms, std::uint64_t bytes,
                             const std::function<bool()>& stopping) = 0;
  // The same fetch, started for an event loop: nothing here blocks.
  virtual std::unique_ptr<PendingFetch> start(std::uint64_t latency_ms, std::uint64_t bytes) = 0;
  // Waits at most `timeout_ms` until one of `waits` is ready, and marks those that are.
  virtual void poll(std::span<FdWait> waits, double timeout_ms) = 0;
};

}  // namespace playground

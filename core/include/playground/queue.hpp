#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "playground/report.hpp"

// The queue experiment's threads side: producers and consumers meet at a bounded queue guarded by
// a mutex and two condition variables. The same code runs natively and in wasm's threads build.
namespace playground {

struct QueueMessage {
  std::uint64_t producer = 0;
  std::uint64_t sequence = 0;  // per producer: 0, 1, 2, ...
  std::string payload;
};

// A wait at the queue, on the monotonic clock of now_ms().
struct QueueWait {
  double start_ms = 0;
  double end_ms = 0;
};

// At most `capacity` messages; push blocks while full, pop while empty. close() ends the queue:
// pushes are refused from then on (a blocked producer wakes and gives up), and pop drains what is
// left before answering nullopt, so consumers learn the producers are done.
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  // Blocks while the queue is full; `wait` receives the wait, if there was one. False: closed,
  // the message was not queued.
  bool push(QueueMessage message, std::optional<QueueWait>& wait);
  // Blocks while the queue is empty and open; `wait` receives the wait, if there was one.
  // nullopt: closed and drained.
  std::optional<QueueMessage> pop(std::optional<QueueWait>& wait);
  void close();
  std::size_t capacity() const { return capacity_; }
  std::size_t max_depth() const;  // the most messages it ever held
  // How many are blocked right now: lets a caller (a test) act once a wait has surely begun.
  std::size_t producers_waiting() const;
  std::size_t consumers_waiting() const;

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<QueueMessage> items_;
  std::size_t max_depth_ = 0;
  std::size_t producers_waiting_ = 0;
  std::size_t consumers_waiting_ = 0;
  bool closed_ = false;
};

struct QueueOptions {
  std::uint64_t producers = 2;
  std::uint64_t consumers = 2;
  std::uint64_t capacity = 4;
  std::uint64_t messages = 50;       // per producer
  std::uint64_t message_bytes = 64;
  std::uint64_t produce_ms = 0;      // each producer sleeps this long before each message
  std::uint64_t consume_ms = 1;      // each consumer sleeps this long after each message
};

// How one producer or consumer did; `worker` numbers producers first, then consumers.
struct QueueRole {
  std::uint64_t worker = 0;
  std::string role;  // "producer" or "consumer"
  std::uint64_t messages = 0;
  std::uint64_t bytes = 0;
  std::uint64_t waits = 0;  // producers: on a full queue; consumers: on an empty one
  double wait_ms = 0;
};

struct QueueStreamResult {
  QueueOptions options;
  std::uint64_t messages_sent = 0;
  std::uint64_t messages_received = 0;
  std::uint64_t bytes_received = 0;
  std::uint64_t duplicates = 0;  // messages received more than once
  std::uint64_t missing = 0;     // messages sent and never received
  std::uint64_t checksum_sent = 0;
  std::uint64_t checksum_received = 0;
  bool exactly_once = false;     // every message arrived once, payloads intact
  std::uint64_t max_depth = 0;   // the fullest the queue was seen, never above capacity
  double wall_ms = 0;
  std::vector<QueueRole> roles;
  std::vector<Span> spans;    // one per thread, producers first
  std::vector<Event> events;  // state "waiting": a producer on a full queue, a consumer on an empty one
  bool events_truncated = false;
};

// The payload a producer sends as its `sequence`th message: deterministic, so a consumer can
// tell a damaged message from a good one.
std::string queue_payload(std::uint64_t producer, std::uint64_t sequence, std::uint64_t bytes);
// FNV-1a over the message's producer, sequence and payload; sums of these make the checksums.
std::uint64_t queue_message_checksum(const QueueMessage& message);

// Validates `options` against the catalog's ranges (ArgumentError naming the flag), then runs.
QueueStreamResult run_queue_threads(const QueueOptions& options);
void validate_queue_options(const QueueOptions& options);

}  // namespace playground

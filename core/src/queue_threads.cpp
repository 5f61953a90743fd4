#include <algorithm>
#include <chrono>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "playground/queue.hpp"
#include "playground/queue_catalog.hpp"
#include "timeline.hpp"

namespace playground {
namespace {

void check_range(std::uint64_t value, std::string_view key) {
  const ParamSpec& spec = queue_param_spec(key);
  if (value < spec.min || value > spec.max)
    throw ArgumentError(std::string(spec.flag) + " must be an integer from " + std::to_string(spec.min) + " to " +
                        std::to_string(spec.max) + " (got " + std::to_string(value) + ")");
}

void pause_ms(std::uint64_t ms) {
  if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// What one consumer saw, kept apart from the others' so that no two threads write one place.
struct ConsumerLog {
  std::vector<std::uint64_t> ids;  // producer * messages + sequence, of each message taken
  std::uint64_t damaged = 0;
  std::uint64_t checksum = 0;
};

// Each thread writes only its own role, log and timeline slot; the queue is the only shared thing.
struct QueueRun {
  const QueueOptions& options;
  BoundedQueue queue;
  Timeline timeline;
  std::vector<QueueRole> roles;
  std::vector<std::uint64_t> producer_checksums;
  std::vector<ConsumerLog> consumer_logs;

  void note_wait(std::size_t worker, const std::optional<QueueWait>& wait) {
    if (!wait) return;
    roles[worker].waits += 1;
    roles[worker].wait_ms += wait->end_ms - wait->start_ms;
    timeline.record(worker, WorkerState::Waiting, wait->start_ms, wait->end_ms);
  }

  void produce(std::size_t producer) {
    timeline.begin(producer);
    for (std::uint64_t sequence = 0; sequence < options.messages; ++sequence) {
      pause_ms(options.produce_ms);
      QueueMessage message{producer, sequence, queue_payload(producer, sequence, options.message_bytes)};
      const std::uint64_t checksum = queue_message_checksum(message);
      std::optional<QueueWait> wait;
      if (!queue.push(std::move(message), wait)) break;  // closed: the run is being abandoned
      note_wait(producer, wait);
      producer_checksums[producer] += checksum;
      roles[producer].messages += 1;
      roles[producer].bytes += options.message_bytes;
      timeline.add_items(producer, 1);
    }
    timeline.end(producer);
  }

  void consume(std::size_t consumer) {
    const std::size_t worker = options.producers + consumer;
    ConsumerLog& log = consumer_logs[consumer];
    timeline.begin(worker);
    for (;;) {
      std::optional<QueueWait> wait;
      std::optional<QueueMessage> message = queue.pop(wait);
      note_wait(worker, wait);
      if (!message) break;
      if (message->payload != queue_payload(message->producer, message->sequence, options.message_bytes))
        log.damaged += 1;
      log.ids.push_back(message->producer * options.messages + message->sequence);
      log.checksum += queue_message_checksum(*message);
      roles[worker].messages += 1;
      roles[worker].bytes += message->payload.size();
      timeline.add_items(worker, 1);
      pause_ms(options.consume_ms);
    }
    timeline.end(worker);
  }
};

// Starts `count` threads running `body(i)` into `threads`; RunError when the system refuses one.
template <typename Body>
void start_threads(std::vector<std::thread>& threads, std::size_t count, const char* what, Body body) {
  for (std::size_t i = 0; i < count; ++i) {
    try {
      threads.emplace_back(body, i);
    } catch (const std::system_error& e) {
      throw RunError(std::string("could not start ") + what + " thread " + std::to_string(i + 1) + " of " +
                     std::to_string(count) + ": " + e.what());
    }
  }
}

void tally(QueueStreamResult& result, const QueueRun& run) {
  const QueueOptions& options = result.options;
  const std::uint64_t total = options.producers * options.messages;
  std::vector<std::uint32_t> seen(total, 0);
  std::uint64_t damaged = 0;
  for (const ConsumerLog& log : run.consumer_logs) {
    for (const std::uint64_t id : log.ids)
      if (id < total) seen[id] += 1;
    damaged += log.damaged;
    result.checksum_received += log.checksum;
  }
  for (const std::uint64_t checksum : run.producer_checksums) result.checksum_sent += checksum;
  for (const std::uint32_t count : seen) {
    if (count == 0) result.missing += 1;
    if (count > 1) result.duplicates += count - 1;
  }
  for (const QueueRole& role : run.roles) {
    if (role.role == "producer") result.messages_sent += role.messages;
    else {
      result.messages_received += role.messages;
      result.bytes_received += role.bytes;
    }
  }
  result.exactly_once = result.missing == 0 && result.duplicates == 0 && damaged == 0 &&
                        result.messages_received == total && result.checksum_sent == result.checksum_received;
}

}  // namespace

std::string queue_payload(std::uint64_t producer, std::uint64_t sequence, std::uint64_t bytes) {
  // Printable text that differs for each message: "p3 m17 " repeated to the length asked for.
  // Built by appending: GCC 12 warns falsely (-Wrestrict) about "literal" + std::string.
  std::string unit = "p";
  unit += std::to_string(producer);
  unit += " m";
  unit += std::to_string(sequence);
  unit += ' ';
  std::string payload;
  payload.reserve(bytes);
  while (payload.size() < bytes) payload.append(unit, 0, std::min<std::size_t>(unit.size(), bytes - payload.size()));
  return payload;
}

std::uint64_t queue_message_checksum(const QueueMessage& message) {
  std::uint64_t hash = 1469598103934665603ull;
  const auto mix = [&hash](unsigned char byte) { hash = (hash ^ byte) * 1099511628211ull; };
  for (int shift = 0; shift < 64; shift += 8) mix(static_cast<unsigned char>(message.producer >> shift));
  for (int shift = 0; shift < 64; shift += 8) mix(static_cast<unsigned char>(message.sequence >> shift));
  for (const char c : message.payload) mix(static_cast<unsigned char>(c));
  return hash;
}

void validate_queue_options(const QueueOptions& options) {
  check_range(options.producers, "producers");
  check_range(options.consumers, "consumers");
  check_range(options.capacity, "capacity");
  check_range(options.messages, "messages");
  check_range(options.message_bytes, "message_bytes");
  check_range(options.produce_ms, "produce_ms");
  check_range(options.consume_ms, "consume_ms");
  const std::uint64_t pacing = options.producers * options.messages * (options.produce_ms + options.consume_ms);
  if (pacing > kMaxQueuePacingMs)
    throw ArgumentError("--producers x --messages x (--produce-ms + --consume-ms) must be at most " +
                        std::to_string(kMaxQueuePacingMs) + " ms of pacing (got " + std::to_string(pacing) + ")");
}

QueueStreamResult run_queue_threads(const QueueOptions& options) {
  validate_queue_options(options);
  const std::size_t producers = options.producers;
  const std::size_t consumers = options.consumers;
  const double origin = now_ms();
  QueueRun run{options, BoundedQueue(options.capacity), Timeline(producers + consumers, origin), {}, {}, {}};
  run.roles.resize(producers + consumers);
  for (std::size_t w = 0; w < run.roles.size(); ++w) {
    run.roles[w].worker = w;
    run.roles[w].role = w < producers ? "producer" : "consumer";
  }
  run.producer_checksums.assign(producers, 0);
  run.consumer_logs.resize(consumers);

  std::vector<std::thread> producer_threads;
  std::vector<std::thread> consumer_threads;
  producer_threads.reserve(producers);
  consumer_threads.reserve(consumers);
  try {
    start_threads(consumer_threads, consumers, "consumer", [&run](std::size_t c) { run.consume(c); });
    start_threads(producer_threads, producers, "producer", [&run](std::size_t p) { run.produce(p); });
  } catch (...) {
    // Whoever started must still end: closing wakes blocked producers and lets consumers drain.
    run.queue.close();
    for (auto& thread : producer_threads) thread.join();
    for (auto& thread : consumer_threads) thread.join();
    throw;
  }
  for (auto& thread : producer_threads) thread.join();
  run.queue.close();  // every message is in: consumers drain the rest and stop
  for (auto& thread : consumer_threads) thread.join();

  QueueStreamResult result;
  result.options = options;
  result.wall_ms = now_ms() - origin;
  result.max_depth = run.queue.max_depth();
  result.roles = run.roles;
  tally(result, run);
  Report timeline_report;
  run.timeline.fill(timeline_report);
  result.spans = std::move(timeline_report.spans);
  result.events = std::move(timeline_report.events);
  result.events_truncated = timeline_report.events_truncated;
  return result;
}

}  // namespace playground

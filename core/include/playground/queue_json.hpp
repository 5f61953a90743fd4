#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

#include "playground/catalog.hpp"
#include "playground/queue.hpp"
#include "playground/queue_catalog.hpp"

// The queue experiment's JSON edge: its request as the CLI, `cplay serve` and wasm receive it, and
// the threads side's report.
namespace playground {

struct QueueRequest {
  Mode mode = Mode::Threads;  // threads or processes
  QueueOptions options;
  // processes mode: the hand-off of one result from a child
  QueueOrder order = QueueOrder::GetThenJoin;
  std::uint64_t result_bytes = 200'000;
  std::uint64_t grace_ms = 300;
};

// {"mode": "threads", "producers": 2, ...}: every key optional, values JSON numbers or digit
// strings (so the CLI hands over its raw text and gets the same messages). ArgumentError naming
// the flag and the accepted range, or the unknown key. In processes mode the parent is the one
// consumer: --consumers defaults to 1 there and any other count is refused.
QueueRequest parse_queue_request(const nlohmann::json& body);
nlohmann::json queue_request_to_json(const QueueRequest&);

// {"schema": 1, "experiment": "queue", "request": {...}, "wall_ms", "result": {...}, "roles",
// "spans", "events", "platform"}. Checksums are hex strings: JSON numbers lose bits past 2^53.
nlohmann::json queue_stream_report(const QueueRequest&, const QueueStreamResult&);

nlohmann::json span_to_json(const Span&);
nlohmann::json event_to_json(const Event&);
std::string checksum_text(std::uint64_t checksum);

}  // namespace playground

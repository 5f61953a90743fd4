// libFuzzer target: the pipe message queue between the process runner and its children.
// Input: one selector byte, then the byte stream a child writes (frames of a 4-byte little-endian
// length and a JSON payload) -- or, when the selector's top bit is set, payloads one per line,
// which are framed here with frame_message (so that mutated payloads keep valid lengths). The
// selector also chooses how the stream is cut. The stream goes through FrameDecoder in those
// pieces; the messages must be exactly the frames a plain reading of the stream finds
// (an oversized frame: std::runtime_error at its place), whatever the cuts. Each payload then
// goes through parse_child_message (as the parent of a run of each demo reads it) and
// task_from_json (as a spawned child reads its task); both may reject it only with the exceptions
// they document, and what they accept must survive the trip back through the writers.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "finding.hpp"

#include "processes/pipe_queue.hpp"
#include "playground/errors.hpp"
#include "playground/report_json.hpp"
#include "processes/worker_messages.hpp"

namespace {

using nlohmann::json;

[[noreturn]] void finding(std::string_view what, std::string_view detail) { report_finding("fuzz_pipe", what, detail); }

// The frames of `stream` read plainly: payloads, then whether an oversized header stops it.
struct Expected {
  std::vector<std::string> payloads;
  bool oversized = false;
  bool ends_at_boundary = true;
};

Expected read_plainly(std::string_view stream) {
  Expected out;
  std::size_t at = 0;
  while (stream.size() - at >= 4) {
    std::uint32_t length = 0;
    for (int i = 0; i < 4; ++i) length |= std::uint32_t{static_cast<unsigned char>(stream[at + i])} << (8 * i);
    if (length > cplay::kMaxMessageBytes) {
      out.oversized = true;
      return out;
    }
    if (stream.size() - at - 4 < length) break;
    out.payloads.emplace_back(stream.substr(at + 4, length));
    at += 4 + length;
  }
  out.ends_at_boundary = at == stream.size();
  return out;
}

// Cuts of 0 to 2^k bytes (k from the selector), varied by a small generator the selector seeds.
class Cutter {
 public:
  explicit Cutter(std::uint8_t selector) : state_(selector * 2654435761u + 1), max_(1u << (selector & 7)) {
    if (state_ == 0) state_ = 1;  // xorshift stays at 0
  }
  std::size_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    return state_ % (max_ + 1);
  }

 private:
  std::uint32_t state_;
  std::uint32_t max_;
};

void check_child_message(const std::string& payload, playground::Demo demo) {
  cplay::ChildMessage message;
  try {
    message = cplay::parse_child_message(payload, demo);
  } catch (const json::exception&) {
    return;
  } catch (const std::runtime_error&) {
    return;
  } catch (const std::exception& e) {
    finding("parse_child_message threw an undocumented exception", e.what());
  }
  using Kind = cplay::ChildMessage::Kind;
  std::string written;
  switch (message.kind) {
    case Kind::Progress: written = cplay::progress_message(message.items); break;
    case Kind::Ready: written = cplay::ready_message(); break;
    case Kind::Result: written = cplay::result_message(message.outcome); break;
    case Kind::Error: written = cplay::error_message(message.error_code, message.error_text); break;
  }
  cplay::ChildMessage again;
  try {
    again = cplay::parse_child_message(written, demo);
  } catch (const std::exception& e) {
    finding("a written child message does not parse", written + ": " + e.what());
  }
  const bool same = again.kind == message.kind && again.items == message.items &&
                    playground::shard_to_json(again.outcome) == playground::shard_to_json(message.outcome) &&
                    again.error_code == message.error_code && again.error_text == message.error_text;
  if (!same) finding("a child message changes on its way back", payload + " -> " + written);
}

void check_task(const std::string& payload) {
  cplay::ShardTask task;
  try {
    task = cplay::task_from_json(json::parse(payload));
  } catch (const json::exception&) {
    return;
  } catch (const playground::ArgumentError&) {
    return;
  } catch (const std::runtime_error&) {
    return;
  } catch (const std::exception& e) {
    finding("task_from_json threw an undocumented exception", e.what());
  }
  const json written = cplay::task_to_json(task);
  try {
    const json again = cplay::task_to_json(cplay::task_from_json(written));
    if (again != written) finding("a task changes on its way back", written.dump() + " -> " + again.dump());
  } catch (const std::exception& e) {
    finding("a written task does not parse", written.dump() + ": " + e.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string framed_lines;
  if (selector & 0x80) {
    for (std::size_t start = 0; start <= input.size();) {
      const std::size_t end = std::min(input.find('\n', start), input.size());
      framed_lines += cplay::frame_message(input.substr(start, end - start));
      start = end + 1;
    }
  }
  const std::string_view stream = selector & 0x80 ? std::string_view(framed_lines) : input;
  Cutter cutter(selector);
  const Expected expected = read_plainly(stream);

  cplay::FrameDecoder decoder;
  std::vector<std::string> payloads;
  bool oversized = false;
  std::size_t at = 0;
  while (!oversized) {
    const std::size_t piece = std::min(cutter.next(), stream.size() - at);
    decoder.feed(stream.data() + at, piece);
    at += piece;
    try {
      while (auto payload = decoder.next()) payloads.push_back(std::move(*payload));
    } catch (const std::runtime_error&) {
      oversized = true;
    }
    if (at == stream.size()) break;
  }
  if (payloads != expected.payloads) finding("the decoder's messages differ from the frames", "");
  if (oversized != expected.oversized) finding("oversized frame", oversized ? "rejected a valid frame" : "accepted");
  if (!oversized && decoder.at_boundary() != expected.ends_at_boundary) finding("at_boundary() is wrong", "");

  for (const std::string& payload : payloads) {
    cplay::FrameDecoder single;
    const std::string framed = cplay::frame_message(payload);
    single.feed(framed.data(), framed.size());
    if (single.next() != payload || !single.at_boundary()) finding("frame_message does not decode to its payload", "");
    for (const auto demo : {playground::Demo::Primes, playground::Demo::Factorial, playground::Demo::Race,
                            playground::Demo::Io})
      check_child_message(payload, demo);
    check_task(payload);
  }
  return 0;
}

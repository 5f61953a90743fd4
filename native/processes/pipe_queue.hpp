#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cplay {

// A queue of messages over a pipe. A pipe is a byte stream, so each message is framed:
// a 4-byte little-endian length, then that many payload bytes (JSON text here).

// Larger frames mean a broken or hostile writer; factorial --print results stay far below.
constexpr std::uint32_t kMaxMessageBytes = 256u << 20;

std::string frame_message(std::string_view payload);

// Writes one whole message, blocking until the reader has taken what does not fit.
// Throws std::system_error (EPIPE when the reader is gone, if SIGPIPE does not end us first).
void write_message(int fd, std::string_view payload);

// Makes sure a message of `payload_bytes` fits into the pipe's buffer at once, so it can be
// written before anyone reads. Throws std::system_error when the pipe cannot grow that much.
void reserve_pipe_room(int fd, std::size_t payload_bytes);

// Reads one whole message, blocking. nullopt: the writer closed the pipe between messages.
// Throws std::runtime_error on a truncated or oversized frame, std::system_error on read errors.
std::optional<std::string> read_message(int fd);

// Cuts a byte stream that arrives in pieces (non-blocking reads) back into messages.
class FrameDecoder {
 public:
  void feed(const char* bytes, std::size_t size);
  // The next complete message, or nullopt until more bytes arrive. Throws std::runtime_error
  // on an oversized frame.
  std::optional<std::string> next();
  // True when no partial message is buffered (a clean place for the stream to end).
  bool at_boundary() const { return consumed_ == buffer_.size(); }

 private:
  std::string buffer_;
  std::size_t consumed_ = 0;
};

enum class DrainResult { StillOpen, Closed };

// Reads everything a non-blocking `fd` has now into `decoder`. Closed: the writer's end is shut
// (end of file). Throws std::system_error on read errors.
DrainResult drain_into(int fd, FrameDecoder& decoder);

}  // namespace cplay

#include "processes/pipe_queue.hpp"

#include <array>
#include <cerrno>
#include <stdexcept>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace cplay {
namespace {

constexpr std::size_t kHeaderBytes = 4;

std::array<char, kHeaderBytes> encode_length(std::uint32_t length) {
  std::array<char, kHeaderBytes> header{};
  for (std::size_t i = 0; i < kHeaderBytes; ++i) header[i] = static_cast<char>((length >> (8 * i)) & 0xffu);
  return header;
}

std::uint32_t decode_length(const char* header) {
  std::uint32_t length = 0;
  for (std::size_t i = 0; i < kHeaderBytes; ++i)
    length |= static_cast<std::uint32_t>(static_cast<unsigned char>(header[i])) << (8 * i);
  return length;
}

void check_length(std::size_t length) {
  if (length > kMaxMessageBytes)
    throw std::runtime_error("pipe message of " + std::to_string(length) + " bytes exceeds the limit of " +
                             std::to_string(kMaxMessageBytes));
}

void write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "write to pipe");
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
}

// Returns the bytes read before end of file (== size unless the writer closed early).
std::size_t read_all(int fd, char* data, std::size_t size) {
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::read(fd, data + got, size - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "read from pipe");
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  return got;
}

}  // namespace

std::string frame_message(std::string_view payload) {
  check_length(payload.size());
  const auto header = encode_length(static_cast<std::uint32_t>(payload.size()));
  std::string framed(header.begin(), header.end());
  framed.append(payload);
  return framed;
}

void write_message(int fd, std::string_view payload) {
  // One write call for the whole frame: small messages (progress) then stay atomic on a pipe.
  const std::string framed = frame_message(payload);
  write_all(fd, framed.data(), framed.size());
}

void reserve_pipe_room(int fd, std::size_t payload_bytes) {
  const std::size_t needed = payload_bytes + kHeaderBytes;
  const int capacity = ::fcntl(fd, F_GETPIPE_SZ);
  if (capacity < 0) throw std::system_error(errno, std::generic_category(), "fcntl(F_GETPIPE_SZ)");
  if (needed <= static_cast<std::size_t>(capacity)) return;
  if (needed > static_cast<std::size_t>(kMaxMessageBytes))
    throw std::system_error(EMSGSIZE, std::generic_category(), "message larger than any pipe buffer");
  // Fails with EPERM beyond /proc/sys/fs/pipe-max-size (1 MiB by default).
  if (::fcntl(fd, F_SETPIPE_SZ, static_cast<int>(needed)) < 0)
    throw std::system_error(errno, std::generic_category(), "fcntl(F_SETPIPE_SZ)");
}

std::optional<std::string> read_message(int fd) {
  char header[kHeaderBytes];
  const std::size_t got = read_all(fd, header, kHeaderBytes);
  if (got == 0) return std::nullopt;
  if (got < kHeaderBytes) throw std::runtime_error("pipe closed inside a message header");
  const std::uint32_t length = decode_length(header);
  check_length(length);
  std::string payload(length, '\0');
  if (read_all(fd, payload.data(), length) < length) throw std::runtime_error("pipe closed inside a message");
  return payload;
}

void FrameDecoder::feed(const char* bytes, std::size_t size) {
  // Drop what was handed out before growing, so a long stream does not accumulate.
  if (consumed_ > 0 && consumed_ >= buffer_.size() / 2) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  buffer_.append(bytes, size);
}

std::optional<std::string> FrameDecoder::next() {
  const std::size_t available = buffer_.size() - consumed_;
  if (available < kHeaderBytes) return std::nullopt;
  const std::uint32_t length = decode_length(buffer_.data() + consumed_);
  check_length(length);
  if (available - kHeaderBytes < length) return std::nullopt;
  std::string payload = buffer_.substr(consumed_ + kHeaderBytes, length);
  consumed_ += kHeaderBytes + length;
  return payload;
}

DrainResult drain_into(int fd, FrameDecoder& decoder) {
  char chunk[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n > 0) {
      decoder.feed(chunk, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) return DrainResult::Closed;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return DrainResult::StillOpen;
    throw std::system_error(errno, std::generic_category(), "read from pipe");
  }
}

}  // namespace cplay

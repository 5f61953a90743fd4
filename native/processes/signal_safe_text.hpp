#pragma once
#include <cstddef>
#include <cstdint>

namespace cplay {

// Builds text in a fixed buffer without allocating or locking, so a child forked from a
// multi-threaded parent may use it before _exit: another thread may have held malloc's lock at
// the fork, and std::string or snprintf could wait for it forever. Text that does not fit is
// cut off and `overflowed()` says so.
class SignalSafeText {
 public:
  static constexpr std::size_t kCapacity = 512;

  void append(const char* text) {
    while (*text != '\0') put(*text++);
  }
  void append_number(std::int64_t value) {
    if (value < 0) put('-');
    // Through the unsigned type, so the most negative value negates without overflow.
    std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    char digits[20];
    std::size_t count = 0;
    do {
      digits[count++] = static_cast<char>('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude != 0);
    while (count > 0) put(digits[--count]);
  }
  void append_bool(bool value) { append(value ? "true" : "false"); }
  // A JSON string literal: quotes, backslashes and control characters escaped.
  void append_json_string(const char* text) {
    put('"');
    for (; *text != '\0'; ++text) {
      const auto byte = static_cast<unsigned char>(*text);
      if (byte == '"' || byte == '\\') {
        put('\\');
        put(*text);
      } else if (byte < 0x20) {
        constexpr char kHex[] = "0123456789abcdef";
        append("\\u00");
        put(kHex[byte >> 4]);
        put(kHex[byte & 0xf]);
      } else {
        put(*text);
      }
    }
    put('"');
  }

  const char* data() const { return bytes_; }
  std::size_t size() const { return size_; }
  bool overflowed() const { return overflowed_; }

 private:
  void put(char c) {
    if (size_ < kCapacity) bytes_[size_++] = c;
    else overflowed_ = true;
  }

  char bytes_[kCapacity] = {};
  std::size_t size_ = 0;
  bool overflowed_ = false;
};

}  // namespace cplay

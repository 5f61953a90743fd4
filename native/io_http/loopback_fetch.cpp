#include "io_http/loopback_fetch.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "processes/unique_fd.hpp"

namespace cplay {

using playground::FetchOutcome;
using playground::PendingFetch;
using playground::RunError;

namespace {

constexpr std::size_t kMaxHeadBytes = 16 * 1024;   // a response head larger than this is refused
constexpr std::size_t kMaxErrorBytes = 4 * 1024;    // of an error answer's body, for the message
constexpr std::uint64_t kMaxExtraBytes = 64 * 1024;  // past the bytes asked for: the server is wrong

[[noreturn]] void fail(const std::string& what) {
  throw RunError("--source http: " + what + (errno != 0 ? std::string(": ") + std::strerror(errno) : ""));
}

// One GET on a non-blocking socket: connect, send the request, read the response to its end.
class HttpFetch final : public PendingFetch {
 public:
  HttpFetch(std::uint16_t port, std::uint64_t latency_ms, std::uint64_t bytes)
      : bytes_(bytes), deadline_ms_(playground::now_ms() + static_cast<double>(latency_ms) + LoopbackHttpBackend::kSlackMs) {
    outcome_.start_ms = playground::now_ms();
    request_ = "GET /api/payload?latency_ms=" + std::to_string(latency_ms) + "&bytes=" + std::to_string(bytes) +
               " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n\r\n";
    errno = 0;
    socket_ = UniqueFd(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (socket_.get() < 0) fail("cannot open a socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket_.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 &&
        errno != EINPROGRESS)
      fail("cannot connect to 127.0.0.1:" + std::to_string(port));
  }

  int fd() const override { return socket_.get(); }
  FetchOutcome outcome() const override { return outcome_; }
  double deadline_ms() const override { return deadline_ms_; }

  Want advance() override {
    if (playground::now_ms() > deadline_ms_) {
      errno = 0;
      fail("no whole answer within the latency plus " + std::to_string(static_cast<int>(LoopbackHttpBackend::kSlackMs / 1000)) + " s");
    }
    if (state_ == State::Sending && !send_some()) return Want::Write;
    if (state_ == State::Receiving && !receive_some()) return Want::Read;
    return Want::Done;
  }

 private:
  enum class State { Sending, Receiving, Done };

  // False while some of the request is still to go (the socket is not writable yet).
  bool send_some() {
    while (sent_ < request_.size()) {
      const ssize_t n = ::send(socket_.get(), request_.data() + sent_, request_.size() - sent_, MSG_NOSIGNAL);
      if (n < 0) {
        // A connect in progress shows as ENOTCONN or EAGAIN until the socket is writable.
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOTCONN || errno == EINTR) return false;
        fail("cannot send the request");
      }
      sent_ += static_cast<std::size_t>(n);
    }
    state_ = State::Receiving;
    return true;
  }

  // False until the server has closed the connection after the whole response.
  bool receive_some() {
    char chunk[16 * 1024];
    for (;;) {
      const ssize_t n = ::recv(socket_.get(), chunk, sizeof chunk, 0);
      if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return false;
        fail("cannot read the response");
      }
      if (n == 0) return finish();
      if (outcome_.first_byte_ms == 0) outcome_.first_byte_ms = playground::now_ms();
      take(chunk, static_cast<std::size_t>(n));
    }
  }

  void take(const char* data, std::size_t size) {
    if (!head_done_) {
      head_.append(data, size);
      const auto end = head_.find("\r\n\r\n");
      if (end == std::string::npos) {
        if (head_.size() > kMaxHeadBytes) {
          errno = 0;
          fail("the response head is larger than " + std::to_string(kMaxHeadBytes) + " bytes");
        }
        return;
      }
      head_done_ = true;
      status_ = status_of(head_.substr(0, end));
      const std::string rest = head_.substr(end + 4);
      head_.resize(end);
      take_body(rest.data(), rest.size());
      return;
    }
    take_body(data, size);
  }

  void take_body(const char* data, std::size_t size) {
    if (status_ != 200) {
      error_body_.append(data, std::min(size, kMaxErrorBytes - std::min(kMaxErrorBytes, error_body_.size())));
      return;
    }
    for (std::size_t i = 0; i < size; ++i) {
      if (data[i] != playground::payload_byte(outcome_.bytes + i)) pattern_ok_ = false;
    }
    outcome_.bytes += size;
    if (outcome_.bytes > bytes_ + kMaxExtraBytes) {
      errno = 0;
      fail("the server sent more than the " + std::to_string(bytes_) + " bytes asked for");
    }
  }

  bool finish() {
    errno = 0;
    if (!head_done_) fail("the connection closed before a whole response head");
    if (status_ != 200) fail("the payload server answered HTTP " + std::to_string(status_) + ": " + error_body_);
    outcome_.end_ms = playground::now_ms();
    if (outcome_.first_byte_ms == 0) outcome_.first_byte_ms = outcome_.end_ms;
    outcome_.intact = pattern_ok_ && outcome_.bytes == bytes_;
    state_ = State::Done;
    return true;
  }

  static int status_of(const std::string& head) {
    // "HTTP/1.1 200 OK": the three digits after the first space.
    const auto space = head.find(' ');
    if (head.rfind("HTTP/1.", 0) != 0 || space == std::string::npos || head.size() < space + 4) {
      errno = 0;
      fail("not an HTTP response");
    }
    int status = 0;
    for (std::size_t i = space + 1; i < space + 4; ++i) {
      const char c = head[i];
      if (c < '0' || c > '9') {
        errno = 0;
        fail("not an HTTP status");
      }
      status = status * 10 + (c - '0');
    }
    return status;
  }

  std::uint64_t bytes_;
  double deadline_ms_;
  UniqueFd socket_;
  std::string request_;
  std::size_t sent_ = 0;
  State state_ = State::Sending;
  std::string head_;
  bool head_done_ = false;
  int status_ = 0;
  std::string error_body_;
  bool pattern_ok_ = true;
  FetchOutcome outcome_;
};

short events_of(bool write) { return write ? POLLOUT : POLLIN; }

}  // namespace

std::unique_ptr<PendingFetch> LoopbackHttpBackend::start(std::uint64_t latency_ms, std::uint64_t bytes) {
  return std::make_unique<HttpFetch>(port_, latency_ms, bytes);
}

FetchOutcome LoopbackHttpBackend::fetch(std::uint64_t latency_ms, std::uint64_t bytes,
                                        const std::function<bool()>& stopping) {
  constexpr int kStopCheckMs = 20;
  HttpFetch fetch(port_, latency_ms, bytes);
  for (auto want = fetch.advance(); want != PendingFetch::Want::Done; want = fetch.advance()) {
    if (stopping()) break;
    pollfd one{fetch.fd(), events_of(want == PendingFetch::Want::Write), 0};
    if (::poll(&one, 1, kStopCheckMs) < 0 && errno != EINTR) fail("cannot wait for the socket");
  }
  return fetch.outcome();
}

void LoopbackHttpBackend::poll(std::span<playground::FdWait> waits, double timeout_ms) {
  std::vector<pollfd> fds;
  fds.reserve(waits.size());
  for (const auto& wait : waits) fds.push_back({wait.fd, events_of(wait.write), 0});
  const int timeout = static_cast<int>(std::ceil(std::max(timeout_ms, 0.0)));
  if (::poll(fds.data(), fds.size(), timeout) < 0) {
    if (errno == EINTR) return;
    fail("cannot wait for the sockets");
  }
  // An error or hang-up counts as ready: the next advance() reads it and says what happened.
  for (std::size_t i = 0; i < fds.size(); ++i) waits[i].ready = fds[i].revents != 0;
}

}  // namespace cplay

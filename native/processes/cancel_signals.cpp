#include "processes/cancel_signals.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <mutex>
#include <system_error>

#include <unistd.h>

namespace cplay {
namespace {

constexpr std::array<int, 2> kWatched{SIGINT, SIGTERM};
constexpr std::size_t kSlots = 16;

// The handler may only touch lock-free atomics: one write end per active run, stored as fd + 1
// so that the zero-initialised array means "all empty" before any constructor has run.
std::array<std::atomic<int>, kSlots> g_write_ends_plus_one{};
static_assert(std::atomic<int>::is_always_lock_free);

std::mutex g_install_mutex;  // guards the fields below (never touched by the handler)
std::size_t g_active = 0;
std::array<struct sigaction, kWatched.size()> g_previous{};

void on_termination_signal(int signal_number) {
  const int saved_errno = errno;
  const auto byte = static_cast<unsigned char>(signal_number);
  for (auto& slot : g_write_ends_plus_one) {
    const int fd = slot.load(std::memory_order_acquire) - 1;
    if (fd >= 0) {
      // Non-blocking: a full pipe already says "cancel", so a lost byte changes nothing.
      [[maybe_unused]] const ssize_t ignored = ::write(fd, &byte, 1);
    }
  }
  errno = saved_errno;
}

}  // namespace

CancelSignals::CancelSignals() {
  Pipe pipe = make_pipe();
  set_nonblocking(pipe.read_end.get());
  set_nonblocking(pipe.write_end.get());

  std::lock_guard guard(g_install_mutex);
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (g_write_ends_plus_one[i].compare_exchange_strong(expected, pipe.write_end.get() + 1)) {
      slot_ = static_cast<int>(i);
      break;
    }
  }
  if (slot_ < 0) return;  // no slot: run without signal watching
  pipe.write_end.release();  // now owned by the slot; closed in the destructor
  read_end_ = std::move(pipe.read_end);

  if (g_active++ == 0) {
    struct sigaction action {};
    action.sa_handler = on_termination_signal;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < kWatched.size(); ++i) ::sigaction(kWatched[i], &action, &g_previous[i]);
  }
}

CancelSignals::~CancelSignals() {
  if (slot_ < 0) return;
  std::lock_guard guard(g_install_mutex);
  if (--g_active == 0)
    for (std::size_t i = 0; i < kWatched.size(); ++i) ::sigaction(kWatched[i], &g_previous[i], nullptr);
  // Taken out of the slot before closing, so a later handler never writes to a reused number.
  const int write_end = g_write_ends_plus_one[static_cast<std::size_t>(slot_)].exchange(0) - 1;
  ::close(write_end);
}

std::optional<int> CancelSignals::received() {
  if (received_ || !read_end_) return received_;
  unsigned char byte = 0;
  const ssize_t n = ::read(read_end_.get(), &byte, 1);
  if (n == 1) received_ = static_cast<int>(byte);
  return received_;
}

}  // namespace cplay

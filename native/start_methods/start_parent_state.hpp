#pragma once
#include <atomic>
#include <cstdint>
#include <thread>

#include <sys/types.h>

#include "processes/unique_fd.hpp"

namespace cplay {

// The parent's state that `cplay start-methods` asks its workers about, besides the global
// variable (start_probe.hpp).

// A background thread that keeps running (and counting) until destroyed, so that the parent is
// genuinely multi-threaded when it forks.
class TickerThread {
 public:
  TickerThread();  // returns once the thread runs and its tid is known; throws std::system_error
  ~TickerThread();  // stops and joins it
  TickerThread(const TickerThread&) = delete;
  TickerThread& operator=(const TickerThread&) = delete;

  pid_t tid() const { return tid_; }
  std::uint64_t ticks() const { return ticks_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<std::uint64_t> ticks_{0};
  std::atomic<pid_t> running_tid_{0};
  pid_t tid_ = 0;
  std::thread thread_;
};

// A temporary file with one line in it, kept open and already unlinked: only the descriptor
// reaches it, and nothing is left on disk whatever happens. Opened close-on-exec, the default
// for files a program opens itself (Python's too, PEP 446).
class ScratchFile {
 public:
  ScratchFile();  // throws std::system_error
  int fd() const { return fd_.get(); }
  std::uint64_t device() const { return device_; }
  std::uint64_t inode() const { return inode_; }

 private:
  UniqueFd fd_;
  std::uint64_t device_ = 0;
  std::uint64_t inode_ = 0;
};

}  // namespace cplay

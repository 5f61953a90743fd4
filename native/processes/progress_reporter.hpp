#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace cplay {

// In a child: sends the parent how many items were finished since the last message, at most
// every `interval`, from a thread of its own (run_shard gives no callback, only a counter).
// The thread is the only writer to `fd` until finish() returns; then the caller writes again.
class ProgressReporter {
 public:
  static constexpr std::chrono::milliseconds kInterval{100};

  ProgressReporter(int fd, const std::atomic<std::uint64_t>& done);
  ~ProgressReporter();  // finish()
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  // Stops the thread and sends what is left, so the parent's total ends exact. Idempotent.
  void finish();

 private:
  void loop();
  void send_new_items();  // after a failed write (parent gone) later sends are skipped

  int fd_;
  const std::atomic<std::uint64_t>& done_;
  std::uint64_t sent_ = 0;
  bool broken_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace cplay

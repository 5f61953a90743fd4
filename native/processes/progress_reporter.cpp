#include "processes/progress_reporter.hpp"

#include <exception>

#include "processes/pipe_queue.hpp"
#include "processes/worker_messages.hpp"

namespace cplay {

ProgressReporter::ProgressReporter(int fd, const std::atomic<std::uint64_t>& done)
    : fd_(fd), done_(done), thread_([this] { loop(); }) {}

ProgressReporter::~ProgressReporter() { finish(); }

void ProgressReporter::loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kInterval, [this] { return stopping_; })) send_new_items();
}

void ProgressReporter::send_new_items() {
  if (broken_) return;
  const std::uint64_t done = done_.load(std::memory_order_relaxed);
  if (done == sent_) return;
  try {
    write_message(fd_, progress_message(done - sent_));
    sent_ = done;
  } catch (const std::exception&) {
    // The parent is gone or stopped listening; the result write will report it, not us.
    broken_ = true;
  }
}

void ProgressReporter::finish() {
  {
    std::lock_guard guard(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  send_new_items();
}

}  // namespace cplay

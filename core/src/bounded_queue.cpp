#include "playground/platform.hpp"
#include "playground/queue.hpp"

namespace playground {

// snippet-begin: queue-push
bool BoundedQueue::push(QueueMessage message, std::optional<QueueWait>& wait) {
  std::unique_lock lock(mutex_);
  if (items_.size() == capacity_ && !closed_) {
    // Back-pressure: a full queue holds its producer here until a consumer takes a message.
    wait = QueueWait{now_ms(), 0};
    ++producers_waiting_;
    not_full_.wait(lock, [this] { return items_.size() < capacity_ || closed_; });
    --producers_waiting_;
    wait->end_ms = now_ms();
  }
  if (closed_) return false;
  items_.push_back(std::move(message));
  max_depth_ = std::max(max_depth_, items_.size());
  not_empty_.notify_one();
  return true;
}
// snippet-end: queue-push

// snippet-begin: queue-pop
std::optional<QueueMessage> BoundedQueue::pop(std::optional<QueueWait>& wait) {
  std::unique_lock lock(mutex_);
  if (items_.empty() && !closed_) {
    // Nothing to do: the consumer sleeps until a producer puts a message or the queue closes.
    wait = QueueWait{now_ms(), 0};
    ++consumers_waiting_;
    not_empty_.wait(lock, [this] { return !items_.empty() || closed_; });
    --consumers_waiting_;
    wait->end_ms = now_ms();
  }
  if (items_.empty()) return std::nullopt;  // closed and drained
  QueueMessage message = std::move(items_.front());
  items_.pop_front();
  not_full_.notify_one();
  return message;
}
// snippet-end: queue-pop

void BoundedQueue::close() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  // Everyone blocked must look again: producers give up, consumers drain and leave.
  not_full_.notify_all();
  not_empty_.notify_all();
}

std::size_t BoundedQueue::max_depth() const {
  const std::lock_guard lock(mutex_);
  return max_depth_;
}

std::size_t BoundedQueue::producers_waiting() const {
  const std::lock_guard lock(mutex_);
  return producers_waiting_;
}

std::size_t BoundedQueue::consumers_waiting() const {
  const std::lock_guard lock(mutex_);
  return consumers_waiting_;
}

}  // namespace playground

#pragma once
// asyncio.Lock for coroutines on one EventLoop: a semaphore of one permit, handed to the longest
// waiter (FIFO), so a coroutine that awaits while holding it keeps the others out.
#include "async_semaphore.hpp"

namespace playground {

class AsyncLock {
 public:
  explicit AsyncLock(EventLoop& loop) : permit_(loop, 1) {}
  AsyncSemaphore::Acquire acquire() { return permit_.acquire(); }
  void release() { permit_.release(); }

 private:
  AsyncSemaphore permit_;
};

}  // namespace playground

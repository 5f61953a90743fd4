#pragma once
#include <array>

#include <pthread.h>

#include "playground/deadlock_board.hpp"

namespace cplay {

// The board and the mutexes in one anonymous MAP_SHARED mapping that forked children inherit.
class SharedLockBoard {
 public:
  SharedLockBoard();  // throws std::system_error
  ~SharedLockBoard();  // after every child is reaped
  SharedLockBoard(const SharedLockBoard&) = delete;
  SharedLockBoard& operator=(const SharedLockBoard&) = delete;

  playground::DeadlockBoard& board() { return block_->board; }
  playground::DeadlockLocks& locks() { return locks_; }

 private:
  struct Block {
    playground::DeadlockBoard board;
    std::array<pthread_mutex_t, playground::kMaxDeadlockWorkers> mutexes;
  };

  // pthread_mutex_timedlock in the given slices. A robust mutex whose owner died
  // (EOWNERDEAD) is made consistent and counts as taken: the parent fails the run anyway.
  class Locks final : public playground::DeadlockLocks {
   public:
    explicit Locks(Block*& block) : block_(block) {}
    bool lock_for(std::size_t lock, double ms) override;
    bool try_lock(std::size_t lock) override;
    void unlock(std::size_t lock) override;

   private:
    Block*& block_;
  };

  void release();  // destroys what the constructor made, unmaps; idempotent

  Block* block_ = nullptr;
  std::size_t initialised_ = 0;  // mutexes made so far
  Locks locks_{block_};
};

}  // namespace cplay

#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include <pthread.h>

#include "playground/workload.hpp"

namespace cplay {

// The race demo's counter in memory that several processes map (--shared-memory).
// An atomic is usable across processes only when it is lock-free (and therefore address-free):
// a lock-based one would hide its lock in each process's private memory.
static_assert(std::atomic<std::int64_t>::is_always_lock_free,
              "the shared race counter needs a lock-free 64-bit atomic");

// A pthread mutex made with PTHREAD_PROCESS_SHARED, living in the shared mapping.
class ProcessSharedLock final : public playground::CounterLock {
 public:
  explicit ProcessSharedLock(pthread_mutex_t* mutex) : mutex_(mutex) {}
  void lock() override;    // throws std::system_error
  void unlock() override;

 private:
  pthread_mutex_t* mutex_;
};

class SharedRaceCounter {
 public:
  // The parent's counter for forked children: an anonymous MAP_SHARED mapping they inherit.
  static std::unique_ptr<SharedRaceCounter> create_for_fork();
  // The parent's counter for spawned children: a shm_open segment under a fresh unique name.
  static std::unique_ptr<SharedRaceCounter> create_named();
  // A spawned child's view of the parent's segment. Throws std::system_error.
  static std::unique_ptr<SharedRaceCounter> attach(const std::string& name);

  SharedRaceCounter(const SharedRaceCounter&) = delete;
  SharedRaceCounter& operator=(const SharedRaceCounter&) = delete;
  // The creator removes the name (if still there) and destroys the mutex; everyone unmaps.
  // The creator must outlive every process using the counter (children are reaped first).
  ~SharedRaceCounter();

  const std::string& name() const { return name_; }  // empty for an anonymous mapping
  // Removes the segment's name: once every child has mapped it, nothing else may open it, and
  // nothing is left in /dev/shm whatever happens later. Idempotent.
  void unlink_name();

  playground::RaceCounter counter() { return {&block_->value, &lock_}; }
  std::int64_t value() const { return block_->value.load(); }

 private:
  struct Block {
    std::atomic<std::int64_t> value{0};
    pthread_mutex_t mutex;
  };

  SharedRaceCounter(Block* block, std::string name, bool creator);
  static Block* construct_block(void* memory);

  Block* block_;
  std::string name_;
  bool creator_;
  bool name_linked_;
  ProcessSharedLock lock_;
};

}  // namespace cplay

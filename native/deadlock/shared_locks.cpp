#include "deadlock/shared_locks.hpp"

#include <cerrno>
#include <ctime>
#include <new>
#include <system_error>

#include <sys/mman.h>

namespace cplay {
namespace {

[[noreturn]] void fail(int error, const char* what) { throw std::system_error(error, std::generic_category(), what); }

// 0 or EOWNERDEAD: the caller holds the mutex.
bool taken(pthread_mutex_t* mutex, int result) {
  if (result == EOWNERDEAD) {
    ::pthread_mutex_consistent(mutex);
    return true;
  }
  return result == 0;
}

}  // namespace

SharedLockBoard::SharedLockBoard() {
  void* memory = ::mmap(nullptr, sizeof(Block), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) fail(errno, "mmap of the deadlock board");
  block_ = new (memory) Block;
  pthread_mutexattr_t attributes;
  ::pthread_mutexattr_init(&attributes);
  ::pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
  ::pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST);
  int error = 0;
  for (; initialised_ < block_->mutexes.size(); ++initialised_)
    if ((error = ::pthread_mutex_init(&block_->mutexes[initialised_], &attributes)) != 0) break;
  ::pthread_mutexattr_destroy(&attributes);
  if (error != 0) {
    release();
    fail(error, "pthread_mutex_init");
  }
}

SharedLockBoard::~SharedLockBoard() { release(); }

void SharedLockBoard::release() {
  if (block_ == nullptr) return;
  for (std::size_t i = 0; i < initialised_; ++i) ::pthread_mutex_destroy(&block_->mutexes[i]);
  block_->~Block();
  ::munmap(block_, sizeof(Block));
  block_ = nullptr;
}

bool SharedLockBoard::Locks::lock_for(std::size_t lock, double ms) {
  // pthread_mutex_timedlock takes a CLOCK_REALTIME deadline.
  timespec deadline{};
  ::clock_gettime(CLOCK_REALTIME, &deadline);
  const auto ns = static_cast<long>(ms * 1e6);
  deadline.tv_sec += (deadline.tv_nsec + ns) / 1'000'000'000L;
  deadline.tv_nsec = (deadline.tv_nsec + ns) % 1'000'000'000L;
  pthread_mutex_t* mutex = &block_->mutexes[lock];
  return taken(mutex, ::pthread_mutex_timedlock(mutex, &deadline));
}

bool SharedLockBoard::Locks::try_lock(std::size_t lock) {
  pthread_mutex_t* mutex = &block_->mutexes[lock];
  return taken(mutex, ::pthread_mutex_trylock(mutex));
}

void SharedLockBoard::Locks::unlock(std::size_t lock) { ::pthread_mutex_unlock(&block_->mutexes[lock]); }

}  // namespace cplay

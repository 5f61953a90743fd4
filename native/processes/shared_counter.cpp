#include "processes/shared_counter.hpp"

#include <atomic>
#include <cerrno>
#include <new>
#include <random>
#include <system_error>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "processes/unique_fd.hpp"

namespace cplay {
namespace {

[[noreturn]] void fail_shared(int error, const char* what) { throw std::system_error(error, std::generic_category(), what); }

void* map_shared(int fd, std::size_t size) {
  const int flags = fd < 0 ? MAP_SHARED | MAP_ANONYMOUS : MAP_SHARED;
  void* memory = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, flags, fd, 0);
  if (memory == MAP_FAILED) fail_shared(errno, "mmap of the shared race counter");
  return memory;
}

std::string fresh_segment_name() {
  // The pid keeps concurrent runs of different processes apart, the sequence those of one
  // process, and the random part a stale segment of a recycled pid.
  static std::atomic<std::uint64_t> sequence{0};
  std::random_device entropy;
  return "/cplay-race-" + std::to_string(::getpid()) + "-" + std::to_string(sequence.fetch_add(1)) + "-" +
         std::to_string(entropy());
}

}  // namespace

void ProcessSharedLock::lock() {
  if (const int error = ::pthread_mutex_lock(mutex_); error != 0) fail_shared(error, "pthread_mutex_lock");
}

void ProcessSharedLock::unlock() { ::pthread_mutex_unlock(mutex_); }

SharedRaceCounter::SharedRaceCounter(Block* block, std::string name, bool creator)
    : block_(block), name_(std::move(name)), creator_(creator), name_linked_(creator && !name_.empty()),
      lock_(&block->mutex) {}

SharedRaceCounter::Block* SharedRaceCounter::construct_block(void* memory) {
  Block* block = new (memory) Block;
  pthread_mutexattr_t attributes;
  ::pthread_mutexattr_init(&attributes);
  ::pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
  const int error = ::pthread_mutex_init(&block->mutex, &attributes);
  ::pthread_mutexattr_destroy(&attributes);
  if (error != 0) {
    block->~Block();
    fail_shared(error, "pthread_mutex_init");
  }
  return block;
}

std::unique_ptr<SharedRaceCounter> SharedRaceCounter::create_for_fork() {
  void* memory = map_shared(-1, sizeof(Block));
  try {
    return std::unique_ptr<SharedRaceCounter>(new SharedRaceCounter(construct_block(memory), "", true));
  } catch (...) {
    ::munmap(memory, sizeof(Block));
    throw;
  }
}

std::unique_ptr<SharedRaceCounter> SharedRaceCounter::create_named() {
  std::string name;
  UniqueFd fd;
  for (int attempt = 0; attempt < 8 && !fd; ++attempt) {
    name = fresh_segment_name();
    // shm_open sets FD_CLOEXEC; O_EXCL: never adopt someone else's segment.
    const int opened = ::shm_open(name.c_str(), O_RDWR | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR);
    if (opened >= 0) fd.reset(opened);
    else if (errno != EEXIST) fail_shared(errno, "shm_open");
  }
  if (!fd) fail_shared(EEXIST, "shm_open (no free name)");
  void* memory = nullptr;
  try {
    if (::ftruncate(fd.get(), sizeof(Block)) != 0) fail_shared(errno, "ftruncate of the shared race counter");
    memory = map_shared(fd.get(), sizeof(Block));
    return std::unique_ptr<SharedRaceCounter>(new SharedRaceCounter(construct_block(memory), name, true));
  } catch (...) {
    if (memory) ::munmap(memory, sizeof(Block));
    ::shm_unlink(name.c_str());
    throw;
  }
}

std::unique_ptr<SharedRaceCounter> SharedRaceCounter::attach(const std::string& name) {
  const UniqueFd fd(::shm_open(name.c_str(), O_RDWR, 0));
  if (!fd) fail_shared(errno, "shm_open of the parent's race counter");
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) fail_shared(errno, "fstat of the shared race counter");
  if (static_cast<std::size_t>(info.st_size) < sizeof(Block)) fail_shared(EINVAL, "the shared race counter is too small");
  void* memory = map_shared(fd.get(), sizeof(Block));
  // The parent constructed the block in this memory; launder makes us treat it as that object.
  Block* block = std::launder(static_cast<Block*>(memory));
  return std::unique_ptr<SharedRaceCounter>(new SharedRaceCounter(block, name, false));
}

void SharedRaceCounter::unlink_name() {
  if (!name_linked_) return;
  ::shm_unlink(name_.c_str());
  name_linked_ = false;
}

SharedRaceCounter::~SharedRaceCounter() {
  if (creator_) {
    unlink_name();
    ::pthread_mutex_destroy(&block_->mutex);
    block_->~Block();
  }
  ::munmap(block_, sizeof(Block));
}

}  // namespace cplay

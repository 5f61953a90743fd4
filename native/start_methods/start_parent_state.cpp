#include "start_methods/start_parent_state.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "start_methods/start_probe.hpp"

namespace cplay {
namespace {

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

std::string temp_folder() {
  const char* folder = std::getenv("TMPDIR");
  return folder != nullptr && *folder != '\0' ? folder : "/tmp";
}

}  // namespace

TickerThread::TickerThread() {
  thread_ = std::thread([this] {
    running_tid_.store(::gettid(), std::memory_order_release);
    while (!stop_.load(std::memory_order_relaxed)) {
      ticks_.fetch_add(1, std::memory_order_relaxed);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  // The workers look for this tid: it must be known before the first one starts.
  while ((tid_ = running_tid_.load(std::memory_order_acquire)) == 0) std::this_thread::yield();
}

TickerThread::~TickerThread() {
  stop_.store(true, std::memory_order_relaxed);
  thread_.join();
}

ScratchFile::ScratchFile() {
  std::string path = temp_folder() + "/cplay-start-methods-XXXXXX";
  fd_ = UniqueFd(::mkostemp(path.data(), O_CLOEXEC));
  if (!fd_) fail("mkostemp");
  ::unlink(path.c_str());
  const std::string line = "written by the parent, pid " + std::to_string(::getpid()) + "\n";
  if (!write_all(fd_.get(), line.data(), line.size())) fail("write to the scratch file");
  struct stat status {};
  if (::fstat(fd_.get(), &status) != 0) fail("fstat of the scratch file");
  device_ = static_cast<std::uint64_t>(status.st_dev);
  inode_ = static_cast<std::uint64_t>(status.st_ino);
}

}  // namespace cplay

#include "start_methods/start_probe.hpp"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string_view>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "processes/child_launch.hpp"
#include "processes/child_worker.hpp"
#include "processes/spawned_worker.hpp"

namespace cplay {
namespace {

// The variable the experiment is about: a plain global, as a Python module's global would be.
// Only the main thread writes it, before any worker starts and after all have ended.
const char* g_start_marker = kMarkerAsCompiled;

constexpr std::string_view kFdFlag = "--fd=";
constexpr std::string_view kDeviceFlag = "--device=";
constexpr std::string_view kInodeFlag = "--inode=";
constexpr std::string_view kTickerFlag = "--ticker-tid=";
constexpr std::string_view kNoopFlag = "--noop";

bool same_text(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) ++a, ++b;
  return *a == *b;
}

struct TaskList {
  std::int64_t threads = -1;  // -1: /proc/self/task could not be read
  bool has_ticker = false;
};

// Counts /proc/self/task with raw getdents64 (opendir would allocate).
TaskList read_task_list(pid_t ticker_tid) {
  TaskList list;
  SignalSafeText ticker_name;
  ticker_name.append_number(ticker_tid);
  char name[24] = {};
  for (std::size_t i = 0; i < ticker_name.size() && i + 1 < sizeof name; ++i) name[i] = ticker_name.data()[i];

  const int dir = ::open("/proc/self/task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return list;
  alignas(dirent64) char buffer[2048];
  std::int64_t count = 0;
  for (;;) {
    const ssize_t got = ::getdents64(dir, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) count = -1;
    if (got <= 0) break;
    for (ssize_t offset = 0; offset < got;) {
      const auto* entry = reinterpret_cast<const dirent64*>(buffer + offset);
      offset += entry->d_reclen;
      if (entry->d_name[0] == '.') continue;  // "." and ".."
      ++count;
      if (ticker_tid > 0 && same_text(entry->d_name, name)) list.has_ticker = true;
    }
  }
  ::close(dir);
  list.threads = count;
  return list;
}

std::optional<std::uint64_t> number_after(std::string_view arg, std::string_view flag) {
  if (!arg.starts_with(flag)) return std::nullopt;
  const std::string_view digits = arg.substr(flag.size());
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || digits.empty()) return std::nullopt;
  return value;
}

int refuse_by_hand() {
  std::fputs("cplay: '__start-probe' is internal; cplay start-methods starts it itself\n", stderr);
  return 2;
}

}  // namespace

const char* start_marker() { return g_start_marker; }
void set_start_marker(const char* value) { g_start_marker = value; }

bool write_all(int fd, const char* text, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, text, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    text += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

void answer_probe(const char* kind, const ProbeQuestion& question, SignalSafeText& answer) {
  // F_GETFD fails with EBADF for a closed descriptor; an open one may still be another file
  // that got the same number, hence the identity check.
  const bool fd_open = question.fd >= 0 && ::fcntl(question.fd, F_GETFD) >= 0;
  struct stat status {};
  const bool same_file = fd_open && ::fstat(question.fd, &status) == 0 &&
                         static_cast<std::uint64_t>(status.st_dev) == question.device &&
                         static_cast<std::uint64_t>(status.st_ino) == question.inode;
  const TaskList tasks = read_task_list(question.ticker_tid);

  answer.append("{\"kind\":");
  answer.append_json_string(kind);
  answer.append(",\"pid\":");
  answer.append_number(::getpid());
  answer.append(",\"tid\":");
  answer.append_number(::gettid());
  answer.append(",\"variable\":");
  answer.append_json_string(start_marker());
  answer.append(",\"fd\":");
  answer.append_number(question.fd);
  answer.append(",\"fd_open\":");
  answer.append_bool(fd_open);
  answer.append(",\"same_file\":");
  answer.append_bool(same_file);
  answer.append(",\"threads\":");
  answer.append_number(tasks.threads);
  answer.append(",\"sees_parent_thread\":");
  answer.append_bool(tasks.has_ticker);
  answer.append("}");
}

std::vector<std::string> start_probe_args(const std::string& executable, pid_t parent, const ProbeQuestion& question) {
  return {executable,
          kStartProbeCommand,
          parent_pid_arg(parent),
          std::string(kFdFlag) + std::to_string(question.fd),
          std::string(kDeviceFlag) + std::to_string(question.device),
          std::string(kInodeFlag) + std::to_string(question.inode),
          std::string(kTickerFlag) + std::to_string(question.ticker_tid)};
}

std::vector<std::string> start_probe_noop_args(const std::string& executable, pid_t parent) {
  return {executable, kStartProbeCommand, parent_pid_arg(parent), std::string(kNoopFlag)};
}

int start_probe_main(int argc, char** argv) {
  const std::optional<pid_t> parent = parent_pid_from(argc, argv);
  // Started by cplay means: the parent named is ours, and a pipe waits on kSpawnResultFd.
  struct stat result_fd {};
  if (!parent || *parent != ::getppid() || ::fstat(kSpawnResultFd, &result_fd) != 0 || !S_ISFIFO(result_fd.st_mode))
    return refuse_by_hand();
  die_with_parent(*parent);

  ProbeQuestion question;
  bool noop = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == kNoopFlag) noop = true;
    if (const auto fd = number_after(arg, kFdFlag)) question.fd = static_cast<int>(*fd);
    if (const auto device = number_after(arg, kDeviceFlag)) question.device = *device;
    if (const auto inode = number_after(arg, kInodeFlag)) question.inode = *inode;
    if (const auto tid = number_after(arg, kTickerFlag)) question.ticker_tid = static_cast<pid_t>(*tid);
  }
  if (noop) return 0;
  SignalSafeText answer;
  answer_probe("spawn", question, answer);
  return write_all(kSpawnResultFd, answer.data(), answer.size()) ? 0 : 1;
}

}  // namespace cplay

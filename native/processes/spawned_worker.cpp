// The entry of a child started by `--start-method spawn`: `cplay __worker --parent-pid=P --shard=I/N`.
// Only the parent pid is read from argv (needed before anything else, to die with the parent);
// the shard label is there for `ps`. The task itself arrives on kSpawnTaskFd.
#include <charconv>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>

#include <unistd.h>

#include "processes/child_launch.hpp"
#include "processes/child_worker.hpp"
#include "processes/pipe_queue.hpp"
#include "processes/process_runner.hpp"
#include "processes/shared_counter.hpp"
#include "processes/spawned_worker.hpp"

namespace cplay {
namespace {

constexpr std::string_view kParentPidFlag = "--parent-pid=";

int internal_command_usage() {
  std::fputs("cplay: '__worker' is internal; cplay starts it itself for --start-method spawn\n", stderr);
  return 2;
}

}  // namespace

std::optional<pid_t> parent_pid_from(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (!arg.starts_with(kParentPidFlag)) continue;
    const std::string_view digits = arg.substr(kParentPidFlag.size());
    pid_t pid = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
    if (error == std::errc() && end == digits.data() + digits.size() && pid > 0) return pid;
  }
  return std::nullopt;
}

std::optional<std::string> read_task_payload() {
  std::optional<std::string> payload;
  try {
    payload = read_message(kSpawnTaskFd);
  } catch (const std::exception&) {
    // Not started by cplay (no task pipe), or the parent died while writing.
  }
  ::close(kSpawnTaskFd);
  return payload;
}

std::string parent_pid_arg(pid_t parent) { return std::string(kParentPidFlag) + std::to_string(parent); }

std::vector<std::string> spawned_worker_args(const std::string& executable, pid_t parent, std::uint64_t shard,
                                             std::uint64_t shard_count) {
  return {executable, kWorkerCommand, parent_pid_arg(parent),
          "--shard=" + std::to_string(shard) + "/" + std::to_string(shard_count)};
}

int spawned_worker_main(int argc, char** argv) {
  const std::optional<pid_t> parent = parent_pid_from(argc, argv);
  if (!parent) return internal_command_usage();
  die_with_parent(*parent);
  prepare_child_signals();

  const std::optional<std::string> payload = read_task_payload();
  if (!payload) return internal_command_usage();

  ShardTask task;
  try {
    task = task_from_json(nlohmann::json::parse(*payload));
  } catch (const std::exception& e) {
    send_error(kSpawnResultFd, "internal", std::string("malformed task: ") + e.what());
    return 1;
  }

  std::unique_ptr<SharedRaceCounter> shared;
  if (!task.shared_memory_name.empty()) {
    try {
      shared = SharedRaceCounter::attach(task.shared_memory_name);
    } catch (const std::exception& e) {
      send_error(kSpawnResultFd, "internal", std::string("cannot map the shared counter: ") + e.what());
      return 1;
    }
  }
  return run_child_shard(task, kSpawnResultFd, kSpawnStartFd, shared ? shared->counter() : playground::RaceCounter{});
}

}  // namespace cplay

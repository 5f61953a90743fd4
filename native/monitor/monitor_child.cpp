#include "monitor/monitor_child.hpp"

#include <chrono>
#include <charconv>
#include <cstdio>
#include <exception>
#include <optional>
#include <string_view>
#include <thread>

#include <nlohmann/json.hpp>

#include "monitor/monitor_processes.hpp"
#include "playground/monitor.hpp"
#include "playground/platform.hpp"
#include "processes/child_launch.hpp"
#include "processes/child_worker.hpp"
#include "processes/pipe_queue.hpp"
#include "processes/spawned_worker.hpp"

namespace cplay {
namespace {

void report(int fd, std::string_view event, const std::string& name) {
  const nlohmann::json message = {{"event", event},
                                  {"worker", name},
                                  {"pid", playground::current_pid()},
                                  {"tid", playground::current_tid()},
                                  {"at_ms", playground::now_ms()}};
  write_message(fd, message.dump());
}

std::optional<std::string_view> flag_value(int argc, char** argv, std::string_view flag) {
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with(flag)) return arg.substr(flag.size());
  }
  return std::nullopt;
}

int usage() {
  std::fputs("cplay: '__monitor-worker' is internal; cplay monitor starts it itself for --start-method spawn\n", stderr);
  return 2;
}

}  // namespace

// snippet-begin: monitor-process-child
int monitor_child_body(int fd, const std::string& name, std::uint64_t duration_ms) {
  report(fd, "started", name);  // this process's own pid and tid
  std::this_thread::sleep_for(std::chrono::milliseconds(duration_ms));  // the work
  report(fd, "ended", name);
  return 0;  // the parent sees the exit through waitpid
}
// snippet-end: monitor-process-child

int monitor_worker_main(int argc, char** argv) {
  const std::optional<pid_t> parent = parent_pid_from(argc, argv);
  const auto name = flag_value(argc, argv, "--name=");
  const auto duration_text = flag_value(argc, argv, "--duration-ms=");
  if (!parent || !name || !duration_text) return usage();
  die_with_parent(*parent);
  prepare_child_signals();
  std::uint64_t duration = 0;
  const auto [end, error] = std::from_chars(duration_text->data(), duration_text->data() + duration_text->size(), duration);
  const bool valid_name = name->size() == 1 && (*name)[0] >= 'A' && static_cast<std::uint64_t>((*name)[0] - 'A') < playground::kMaxMonitorWorkers;
  if (error != std::errc() || end != duration_text->data() + duration_text->size() ||
      duration > playground::kMaxMonitorDurationMs || !valid_name)
    return usage();
  try {
    return monitor_child_body(kSpawnResultFd, std::string(*name), duration);
  } catch (const std::exception&) {
    return 1;  // the parent is gone
  }
}

}  // namespace cplay

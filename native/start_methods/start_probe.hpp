#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <sys/types.h>

#include "processes/signal_safe_text.hpp"

namespace cplay {

// What a worker finds of its parent's state, asked the same way of a thread, a forked child and a
// spawned child (`cplay start-methods`).

// A global variable of this program. The parent changes it before starting any worker; whoever
// reads kMarkerChanged shares or copied the parent's memory, kMarkerAsCompiled means a fresh start.
inline constexpr const char* kMarkerAsCompiled = "as compiled";
inline constexpr const char* kMarkerChanged = "changed by the parent";
const char* start_marker();
void set_start_marker(const char* value);  // one of the two constants above

// The parent's state a worker looks for.
struct ProbeQuestion {
  int fd = -1;             // the descriptor number of the parent's open file
  std::uint64_t device = 0;  // and that file's identity (st_dev, st_ino)
  std::uint64_t inode = 0;
  pid_t ticker_tid = 0;    // the parent's running background thread
};

// Looks around from wherever it runs and writes one JSON object: kind, pid, tid, the marker seen,
// whether `question.fd` is open and is the parent's file, how many threads this process has
// (/proc/self/task) and whether the parent's ticker is among them. Async-signal-safe: only system
// calls and SignalSafeText, so a child forked from a multi-threaded parent may call it.
void answer_probe(const char* kind, const ProbeQuestion& question, SignalSafeText& answer);

// Writes all of `text` to `fd`, retrying short writes and EINTR; async-signal-safe. False on error.
bool write_all(int fd, const char* text, std::size_t size);

// The hidden entry of a spawned probe: `cplay __start-probe --parent-pid=P ...`, answering on
// kSpawnResultFd. With --noop it only checks who started it and exits: the start cost alone.
constexpr const char* kStartProbeCommand = "__start-probe";
int start_probe_main(int argc, char** argv);
std::vector<std::string> start_probe_args(const std::string& executable, pid_t parent, const ProbeQuestion& question);
std::vector<std::string> start_probe_noop_args(const std::string& executable, pid_t parent);

}  // namespace cplay

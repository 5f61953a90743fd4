#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <sys/types.h>

#include "processes/pipe_queue.hpp"
#include "playground/run.hpp"
#include "processes/unique_fd.hpp"

namespace cplay {

// The parent's view of one child.
struct WatchedChild {
  std::uint64_t worker = 0;
  pid_t pid = -1;
  UniqueFd results;  // read end, non-blocking; reset at end of file
  FrameDecoder decoder;
  std::optional<playground::ShardOutcome> outcome;
  bool ready = false;       // waiting at the start line
  bool reaped = false;
  int wait_status = 0;      // valid once reaped
};

// Owns the children of one run. Whatever happens (an exception, a cancel), the destructor
// kills and reaps every child still there: no zombie, no orphan outlives the run.
class ChildGroup {
 public:
  ChildGroup() = default;
  ChildGroup(const ChildGroup&) = delete;
  ChildGroup& operator=(const ChildGroup&) = delete;
  ~ChildGroup() { stop_all(); }

  void reserve(std::size_t count) { children_.reserve(count); }
  WatchedChild& add(std::uint64_t worker, pid_t pid, UniqueFd results);
  std::vector<WatchedChild>& children() { return children_; }
  bool all_reaped() const;

  void reap(WatchedChild&);  // blocking; the child has closed its pipe, so it is ending
  // SIGKILL to every child not yet reaped, then reap them all.
  void stop_all();

 private:
  std::vector<WatchedChild> children_;
};

}  // namespace cplay

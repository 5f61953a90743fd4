#include "processes/child_group.hpp"

#include <csignal>

#include "processes/child_exit.hpp"

namespace cplay {

WatchedChild& ChildGroup::add(std::uint64_t worker, pid_t pid, UniqueFd results) {
  WatchedChild& child = children_.emplace_back();
  child.worker = worker;
  child.pid = pid;
  child.results = std::move(results);
  return child;
}

bool ChildGroup::all_reaped() const {
  for (const WatchedChild& child : children_)
    if (!child.reaped) return false;
  return true;
}

void ChildGroup::reap(WatchedChild& child) {
  if (child.reaped) return;
  child.wait_status = reap_child(child.pid);
  child.reaped = true;
  child.results.reset();
}

void ChildGroup::stop_all() {
  // An unreaped child's pid cannot be reused (a zombie keeps it), so kill() hits only our child.
  for (WatchedChild& child : children_)
    if (!child.reaped) ::kill(child.pid, SIGKILL);
  for (WatchedChild& child : children_) reap(child);
}

}  // namespace cplay

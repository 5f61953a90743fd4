#pragma once
#include <functional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace cplay {

// Starting children, and what every child does first.

// Forks a child that keeps only stdin/stdout/stderr and `keep_fds` (at most 4; keep_fds[i]
// becomes descriptor 3 + i), runs `body()` and leaves with _exit(its return value): the parent's
// stack, atexit handlers and stdio buffers are never run twice. Throws std::system_error when
// fork fails.
pid_t fork_child(const std::vector<int>& keep_fds, const std::function<int()>& body);

struct FdMapping {
  int from;  // a descriptor of the parent
  int to;    // the number it gets in the child
};

// posix_spawn of `executable` with `args` (args[0] included) and this environment. The child
// gets exactly stdio plus `fds`, and default signal handling. Throws std::system_error.
pid_t spawn_child(const std::string& executable, const std::vector<std::string>& args,
                  const std::vector<FdMapping>& fds);

// In a child: be killed when the parent dies (PR_SET_PDEATHSIG), and exit at once if it
// already has (our parent is then no longer `expected_parent`).
void die_with_parent(pid_t expected_parent);

// In a child: the parent owns Ctrl-C (it stops every child itself), so SIGINT is ignored;
// SIGTERM and SIGPIPE take their default action, and no signal stays blocked.
void prepare_child_signals();

}  // namespace cplay

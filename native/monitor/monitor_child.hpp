#pragma once
#include <cstdint>
#include <string>

namespace cplay {

// Every monitor child's body, forked or spawned: report 'started' on `fd` (its own pid and tid,
// now_ms()), wait `duration_ms`, report 'ended', return 0. Each report is one framed message.
int monitor_child_body(int fd, const std::string& name, std::uint64_t duration_ms);

}  // namespace cplay

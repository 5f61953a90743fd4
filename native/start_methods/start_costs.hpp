#pragma once
#include <cstdint>
#include <string>

namespace cplay {

// What starting and joining one worker that does nothing costs, in ms per worker: `count`
// workers of one kind are started, then all joined, timed as one batch on a steady clock.
// Every child is reaped before these return or throw (playground::RunError if one failed).
double thread_start_join_ms(std::uint64_t count);  // std::thread, join
double fork_start_join_ms(std::uint64_t count);    // fork, the child _exits at once, waitpid
// posix_spawn of `executable __start-probe --noop` (it starts from main and exits), waitpid
double spawn_start_join_ms(std::uint64_t count, const std::string& executable);

}  // namespace cplay

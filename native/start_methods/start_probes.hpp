#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "start_methods/start_probe.hpp"

namespace cplay {

// One worker of each kind answers `question` (start_probe.hpp) and ends; each returns the
// worker's answer as JSON. A child that does not answer within a few seconds, or dies, is a
// playground::RunError; every child is reaped before these return or throw.

// A std::thread of this process: it reads the answer's memory directly.
nlohmann::json probe_in_thread(const ProbeQuestion& question);
// fork(): the child answers with async-signal-safe calls only (this process may have other
// threads) and writes its answer to a pipe.
nlohmann::json probe_in_fork(const ProbeQuestion& question);
// posix_spawn of `executable` (which must dispatch `__start-probe` to start_probe_main).
nlohmann::json probe_in_spawn(const ProbeQuestion& question, const std::string& executable);

// The same look-around from the calling thread: the parent's own view, for comparison.
nlohmann::json probe_here(const ProbeQuestion& question);

}  // namespace cplay

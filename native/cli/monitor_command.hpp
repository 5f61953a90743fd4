#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// `cplay monitor`: workers A, B, ... report their start and end while the parent checks at an
// interval who is alive; each event is printed (or, with --json, one NDJSON line) as it happens.
void add_monitor_command(CLI::App& app, std::function<int()>& action);

}  // namespace cplay

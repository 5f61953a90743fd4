#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace cplay {

// Adds `cplay queue [--mode threads|processes] [--producers P] ... [--json]` to `app`, its options
// built from the core's queue catalog; when it is chosen, `action` is set to run it.
void add_queue_command(CLI::App& app, std::function<int()>& action);

}  // namespace cplay

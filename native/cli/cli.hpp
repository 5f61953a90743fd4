#pragma once

namespace cplay {

// The `cplay` command line: parses, validates, runs and prints. Returns the exit code
// (0 ok, 1 runtime failure, 2 bad usage).
int cli_main(int argc, char** argv);

}  // namespace cplay

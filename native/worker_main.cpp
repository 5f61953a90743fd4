// cplay-worker: the program `--start-method spawn` starts for each child (`cplay-worker __worker
// --parent-pid=P --shard=I/N`). It links only what a child runs (the shard, its pipes, the io
// demo's loopback client) and not the server's HTTP library, whose loading (libssl, libcrypto,
// brotli, zlib) and static initialisers took most of a spawned child's start. `cplay __worker`
// still works the same way; cplay starts this program when it lies next to it.
#include <cstdio>
#include <string_view>

#include "processes/process_runner.hpp"

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == cplay::kWorkerCommand) return cplay::spawned_worker_main(argc, argv);
  std::fputs("cplay-worker is internal: cplay starts it for --start-method spawn\n", stderr);
  return 2;
}

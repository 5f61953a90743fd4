// Placeholder until the process runner lands.
#include "process_runner.hpp"
#include "playground/errors.hpp"
namespace cplay {
playground::Report run_processes(const playground::Request&, const playground::RunHooks&, const ProcessOptions&) {
  throw playground::RunError("processes mode not built yet");
}
int spawned_worker_main(int, char**) { return 1; }
std::string self_executable() { return "/proc/self/exe"; }
}

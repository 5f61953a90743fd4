#include "requests.hpp"

#include <string>

#include "playground/errors.hpp"
#include "runtime.hpp"

namespace cplay_wasm {
namespace {

using playground::ArgumentError;
using playground::Capabilities;
using playground::Mode;
using playground::Request;

bool uses_pthreads(Mode mode) { return mode == Mode::Threads || mode == Mode::GilThreads; }

Capabilities base_capabilities(bool processes) {
  Capabilities caps;  // async workers are coroutines: core's default cap applies to them
  caps.start_methods = {playground::StartMethod::Worker};
  // The module opens no socket: the page's own io card fetches with fetch() instead.
  caps.http_unavailable_reason =
      "the WebAssembly module cannot open sockets; it works in the native cplay (cplay io --source http, "
      "or cplay serve's page, whose browser side fetches /api/payload itself)";
  caps.max_ranks = 0;
  caps.mpi_unavailable_reason =
      "the browser has no MPI: its Web Workers stand in for ranks (--mode processes); run MPI ranks with the "
      "native cplay under mpirun, or through cplay serve --mpi-ranks N";
  if (processes) {
    caps.max_processes = kMaxProcesses;
  } else {
    caps.max_processes = 0;
    caps.processes_unavailable_reason =
        "in the browser each process is a Web Worker with its own module: validate() the request, "
        "call runShard() in each Worker and assemble() the shards";
  }
  return caps;
}

Request parse(const nlohmann::json& in, bool processes) {
  Capabilities caps = base_capabilities(processes);
  // The pool's size caps threads, so that message is core's own; async keeps core's cap.
  if (variant() == Variant::Threads) caps.max_threads = pool_size();
  Request request = playground::parse_request(in, caps);
  if (uses_pthreads(request.mode) && variant() == Variant::Single)
    throw ArgumentError("--mode " + std::string(playground::to_string(request.mode)) +
                        " needs shared-memory threads, which this single-threaded build has not "
                        "(load the threads build in a cross-origin isolated page)");
  if (request.mode == Mode::Processes && request.demo == playground::Demo::Race && request.params.shared_memory)
    throw ArgumentError("--shared-memory is not available with Workers: each Worker has its own memory");
  return request;
}

}  // namespace

Request parse_in_process(const nlohmann::json& in) { return parse(in, false); }

Request parse_for_workers(const nlohmann::json& in) { return parse(in, true); }

}  // namespace cplay_wasm

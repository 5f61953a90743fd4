#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/catalog.hpp"

namespace playground {

// Every input of every demo, after defaults (the catalog's defaults are these initializers).
// Only the fields of `Request::demo` are meaningful.
struct Params {
  std::uint64_t limit = 100000;  // primes
  PrimeAlgorithm algorithm = PrimeAlgorithm::TrialDivision;
  std::uint64_t n = 100000;  // factorial
  std::uint64_t count = 4;
  bool print = false;
  std::uint64_t increments = 100000;  // race, per worker
  Sync sync = Sync::None;
  bool shared_memory = false;
  std::uint64_t runs = 1;
  std::uint64_t tasks = 3;  // io
  std::uint64_t latency_ms = 1000;
  WaitSource source = WaitSource::Sleep;
  std::uint64_t bytes = 16 * 1024;  // --source http only
  std::uint64_t switch_interval_ms = 5;  // gil-threads
};

struct Request {
  Demo demo = Demo::Primes;
  Mode mode = Mode::Threads;
  std::uint64_t workers = 1;
  std::optional<StartMethod> start_method;  // processes only
  Params params;
};

// What the running side can do; validation reports anything beyond it as bad input.
struct Capabilities {
  std::uint64_t max_threads = 256;    // threads and gil-threads workers
  std::uint64_t max_coroutines = 256;  // async workers: coroutines, not threads, so their own cap
  std::uint64_t max_processes = 64;   // 0: the processes mode is unavailable here
  std::vector<StartMethod> start_methods{StartMethod::Fork, StartMethod::Spawn};
  std::string processes_unavailable_reason = "processes are not available in this runtime";
  std::uint64_t max_ranks = 64;  // mpi: ranks of one job; 0: the mpi mode is unavailable here
  std::string mpi_unavailable_reason = "MPI is not available in this runtime";
  // Empty: io --source http can run here (the runtime hands run() an IoBackend). Else why not.
  std::string http_unavailable_reason;
};

// A number (JSON number or digits) within `spec`'s range; ArgumentError naming the flag otherwise.
std::uint64_t parse_numeric(const nlohmann::json& value, const ParamSpec& spec);

// Parses and validates a request. Values may be JSON numbers or strings holding digits, so the
// CLI (which hands over its raw flag text) and JSON clients get identical messages.
// Throws ArgumentError naming the flag and its accepted range.
Request parse_request(const nlohmann::json& request, const Capabilities& caps = {});
// JSON text from a client, parsed for parse_request: throws nlohmann::json::exception on bad JSON,
// ArgumentError (code "invalid-json") on nesting deeper than a request ever needs.
nlohmann::json parse_request_text(std::string_view text);

// The request head of a report: every input, after defaults.
nlohmann::json request_to_json(const Request&);
nlohmann::json params_to_json(const Request&);

// Worker count used when a request names none: the catalog's rule for the demo.
std::uint64_t default_workers(Demo, const Params&);

}  // namespace playground

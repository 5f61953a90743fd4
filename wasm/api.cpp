#include "api.hpp"

#include <cmath>
#include <vector>

#include "guarded.hpp"
#include "playground/catalog.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "playground/report_json.hpp"
#include "playground/run.hpp"
#include "requests.hpp"
#include "runtime.hpp"

namespace cplay_wasm {
namespace {

using json = nlohmann::json;
using playground::ArgumentError;

// Core's platform block, completed with what only the JS side knows.
json with_platform(json report) {
  report["platform"]["variant"] = variant_name();
  report["platform"]["cores"] = machine_cores();
  return report;
}

playground::Request processes_request(const std::string& request_json, const char* caller) {
  playground::Request request = parse_for_workers(playground::parse_request_text(request_json));
  if (request.mode != playground::Mode::Processes)
    throw ArgumentError(std::string(caller) + " takes a --mode processes request (got --mode " +
                        std::string(playground::to_string(request.mode)) + ")");
  return request;
}

// A JS number as people write it: 2, not 2.0.
std::string number_text(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9e15)
    return std::to_string(static_cast<long long>(value));
  return json(value).dump();
}

// JS numbers arrive as doubles: accept only whole numbers in [0, limit).
std::uint64_t whole_number(double value, std::uint64_t limit, const char* what) {
  if (!(value >= 0) || value != std::floor(value) || value >= static_cast<double>(limit))
    throw ArgumentError(std::string(what) + " must be an integer from 0 to " + std::to_string(limit - 1) +
                        " (got " + number_text(value) + ")");
  return static_cast<std::uint64_t>(value);
}

}  // namespace

std::string run(const std::string& request_json) {
  return guarded([&] {
    const playground::Request request = parse_in_process(playground::parse_request_text(request_json));
    return with_platform(playground::report_to_json(playground::run(request)));
  });
}

std::string validate(const std::string& request_json) {
  return guarded([&] { return playground::request_to_json(parse_for_workers(playground::parse_request_text(request_json))); });
}

std::string run_shard(const std::string& request_json, double index, double count, double origin_ms) {
  return guarded([&] {
    const playground::Request request = processes_request(request_json, "runShard()");
    const std::uint64_t shards = request.workers;
    if (count != static_cast<double>(shards))
      throw ArgumentError("runShard() count must equal the request's workers (" + std::to_string(shards) +
                          "), got " + number_text(count));
    const std::uint64_t shard = whole_number(index, shards, "runShard() index");
    return playground::shard_to_json(playground::run_shard(request, shard, shards, origin_ms));
  });
}

std::string assemble(const std::string& request_json, const std::string& shards_json, double wall_ms) {
  return guarded([&] {
    const playground::Request request = processes_request(request_json, "assemble()");
    const json shards = json::parse(shards_json);
    if (!shards.is_array() || shards.size() != request.workers)
      throw ArgumentError("assemble() needs an array of " + std::to_string(request.workers) +
                          " shards, one per worker");
    std::vector<playground::ShardOutcome> outcomes;
    for (const json& shard : shards) {
      try {
        outcomes.push_back(playground::shard_from_json(shard, request.demo));
      } catch (const std::runtime_error& e) {
        throw ArgumentError("assemble() got a shard that runShard() did not make: " + std::string(e.what()));
      }
    }
    return with_platform(playground::report_to_json(playground::assemble_shards(request, outcomes, wall_ms)));
  });
}

std::string info() {
  return guarded([] {
    // Every mode of the catalog, less those that need shared-memory threads in the single build,
    // and mpi, which only native cplay runs (the capabilities say so: max_ranks 0).
    json modes = json::array();
    for (const auto& [mode, name] : playground::mode_names().entries()) {
      if (mode == playground::Mode::Mpi) continue;
      const bool needs_pthreads = mode == playground::Mode::Threads || mode == playground::Mode::GilThreads;
      if (variant() == Variant::Threads || !needs_pthreads) modes.push_back(name);
    }
    return json{{"runtime", playground::runtime_name()},
                {"variant", variant_name()},
                {"cores", machine_cores()},
                {"max_workers", pool_size()},
                {"max_processes", kMaxProcesses},
                {"modes", std::move(modes)},
                {"catalog", playground::catalog_to_json()},
                {"compiler", playground::compiler_name()},
                {"os", playground::os_name()},
                {"limb_bits", limb_bits()}};
  });
}

double now_ms() { return playground::now_ms(); }

}  // namespace cplay_wasm

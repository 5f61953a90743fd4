#pragma once
#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/report.hpp"
#include "playground/request.hpp"
#include "playground/results.hpp"
#include "playground/run.hpp"

// The JSON edge of the core: reports, results and shard messages as they leave the process (CLI
// output, pipe messages, the HTTP API, the wasm binding) and, for what comes back from another
// process or a browser Worker, as they are read again. Nothing else in the core sees JSON output.
namespace playground {

// Each result and partial as its JSON object (nlohmann's hooks, so json(x) and j.get<T>() work).
// from_json reads what another process or a Worker sent: anything but the right shape is a
// std::runtime_error naming the object and the field ("race partial: 'final' is missing");
// keys it does not know are ignored.
void to_json(nlohmann::json&, const PrimesResult&);
void to_json(nlohmann::json&, const FactorialResult&);
void to_json(nlohmann::json&, const RaceResult&);
void to_json(nlohmann::json&, const FetchRecord&);
void to_json(nlohmann::json&, const IoResult&);
void to_json(nlohmann::json&, const PrimesPartial&);
void to_json(nlohmann::json&, const FactorialPartial&);
void to_json(nlohmann::json&, const RacePartial&);
void to_json(nlohmann::json&, const IoPartial&);
void to_json(nlohmann::json&, const GilFacts&);
void from_json(const nlohmann::json&, PrimesResult&);
void from_json(const nlohmann::json&, FactorialResult&);
void from_json(const nlohmann::json&, RaceResult&);
void from_json(const nlohmann::json&, FetchRecord&);
void from_json(const nlohmann::json&, IoResult&);
void from_json(const nlohmann::json&, PrimesPartial&);
void from_json(const nlohmann::json&, FactorialPartial&);
void from_json(const nlohmann::json&, RacePartial&);
void from_json(const nlohmann::json&, IoPartial&);
void from_json(const nlohmann::json&, GilFacts&);

// Whichever demo's: JSON carries no demo name, so reading needs the demo the caller expects.
nlohmann::json result_to_json(const DemoResult&);
DemoResult result_from_json(Demo, const nlohmann::json&);
nlohmann::json partial_to_json(const DemoPartial&);
DemoPartial partial_from_json(Demo, const nlohmann::json&);

// The message a process (or browser Worker) sends its parent: {"partial": ..., "span": ...}.
// Reading it takes the demo of the run it belongs to; throws std::runtime_error on a bad shape.
nlohmann::json shard_to_json(const ShardOutcome&);
ShardOutcome shard_from_json(const nlohmann::json&, Demo);

nlohmann::json platform_json();
nlohmann::json report_to_json(const Report&);
nlohmann::json error_to_json(const std::string& code, const std::string& message);
// The error report for whatever a request's parsing or run threw: one mapping of exceptions to
// codes (invalid-json, invalid-argument, cancelled, run-failed, out-of-memory, internal) for the
// CLI's server, the wasm binding and run_json.
nlohmann::json error_report_for(std::exception_ptr error);
// Whether an error report blames the request (HTTP 400) rather than the run (500).
bool is_bad_request(const nlohmann::json& error_report);

// Parses, validates and runs a request given as JSON; any failure becomes an error report.
// `caps` tells what the runtime supports.
nlohmann::json run_json(const std::string& request_json, const Capabilities& caps);

}  // namespace playground

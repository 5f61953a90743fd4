#pragma once
// Helpers shared by the core_*_test.cpp files. Everything here goes through the public core API
// only: the same suite is compiled to WebAssembly and run under node, where there is no fork, no
// filesystem and only a small pthread pool.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "playground/errors.hpp"
#include "playground/report.hpp"
#include "playground/report_json.hpp"
#include "playground/request.hpp"
#include "playground/results.hpp"
#include "playground/run.hpp"

namespace playground {

// GoogleTest shows a failed comparison of results and partials as their JSON.
template <typename T>
  requires requires(nlohmann::json& j, const T& value) { to_json(j, value); }
void PrintTo(const T& value, std::ostream* out) {
  nlohmann::json j;
  to_json(j, value);
  *out << j.dump();
}

}  // namespace playground

namespace playground::testing {

using json = nlohmann::json;

// The in-process modes: every one of them must produce the same results.
inline const std::vector<std::string>& in_process_modes() {
  static const std::vector<std::string> modes{"sequential", "threads", "gil-threads", "async"};
  return modes;
}

// The largest thread count a test may ask for: the wasm build has a pool of about four pthreads.
constexpr std::uint64_t kMaxTestWorkers = 4;

// Builds a request the way every client does (through validation), so tests exercise the same
// defaults as the CLI, the server and the wasm binding.
inline Request make_request(const std::string& demo, const std::string& mode, const json& params = json::object(),
                            std::uint64_t workers = 0) {
  json in = {{"demo", demo}, {"mode", mode}, {"params", params}};
  if (workers != 0) in["workers"] = workers;
  return parse_request(in);
}

// Runs a request and returns the report's `result`.
inline DemoResult run_result(const std::string& demo, const std::string& mode, const json& params = json::object(),
                             std::uint64_t workers = 0) {
  return run(make_request(demo, mode, params, workers)).result;
}

// The same as the report's JSON shows it (for golden values written as JSON).
inline json run_result_json(const std::string& demo, const std::string& mode, const json& params = json::object(),
                            std::uint64_t workers = 0) {
  return result_to_json(run_result(demo, mode, params, workers));
}

// `text` contains `part`; on failure the message shows both (gmock's matchers are not linked in).
inline ::testing::AssertionResult has_text(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

// The message of the ArgumentError that parsing `request` throws; fails the test when none is thrown.
inline std::string rejection_of(const json& request, const Capabilities& caps = {}) {
  try {
    parse_request(request, caps);
  } catch (const ArgumentError& e) {
    return e.what();
  }
  ADD_FAILURE() << "request was accepted: " << request.dump();
  return {};
}

// The code of the RunError that `body` throws; empty (and a failure) when it throws none.
template <typename Body>
std::string run_error_code(Body&& body) {
  try {
    body();
  } catch (const RunError& e) {
    return e.code();
  }
  ADD_FAILURE() << "no RunError was thrown";
  return {};
}

// Runs every shard of a processes-style request one after another in this process, the way the
// native runner and the browser Workers split it, and merges the outcomes like their parent does.
inline Report run_as_shards(const Request& request, std::uint64_t shards, RaceCounter shared = {}) {
  std::vector<ShardOutcome> outcomes;
  for (std::uint64_t i = 0; i < shards; ++i) outcomes.push_back(run_shard(request, i, shards, 0.0, {}, shared));
  return assemble_shards(request, outcomes, 0.0, shared);
}

// Sum of items over a report's spans: every item a run processes belongs to exactly one span.
inline std::uint64_t span_items(const Report& report) {
  std::uint64_t total = 0;
  for (const Span& span : report.spans) total += span.items;
  return total;
}

}  // namespace playground::testing

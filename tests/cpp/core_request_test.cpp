// Request validation: the single place where the CLI, the server and the wasm binding learn
// what is acceptable. Every rejection must name the flag and, for numbers, the accepted range.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core_support.hpp"

namespace playground::testing {
namespace {

// A request in which `key` is accepted, with other inputs small enough that no product limit
// (tasks x latency, workers x increments) interferes with the range being tested.
json request_with(const std::string& key, const json& value) {
  if (key == "workers") return {{"demo", "io"}, {"mode", "threads"}, {"workers", value}, {"params", {{"latency_ms", 0}}}};
  if (key == "switch_interval_ms")
    return {{"demo", "primes"}, {"mode", "gil-threads"}, {"params", {{key, value}}}};
  if (key == "limit") return {{"demo", "primes"}, {"params", {{key, value}}}};
  if (key == "n" || key == "count") return {{"demo", "factorial"}, {"params", {{key, value}}}};
  if (key == "increments" || key == "runs") return {{"demo", "race"}, {"params", {{key, value}}}};
  if (key == "tasks") return {{"demo", "io"}, {"workers", 1}, {"params", {{"latency_ms", 0}, {key, value}}}};
  if (key == "latency_ms") return {{"demo", "io"}, {"params", {{"tasks", 1}, {key, value}}}};
  if (key == "bytes") return {{"demo", "io"}, {"params", {{"tasks", 1}, {"source", "http"}, {key, value}}}};
  ADD_FAILURE() << "no request context for numeric input " << key;
  return json::object();
}

// The catalog's integer inputs: each must be validated by its own range.
std::vector<ParamSpec> integer_specs() {
  std::vector<ParamSpec> specs;
  for (const auto& spec : param_specs())
    if (spec.kind == ParamKind::Integer) specs.push_back(spec);
  return specs;
}

std::string range_of(const ParamSpec& spec) {
  return "from " + std::to_string(spec.min) + " to " + std::to_string(spec.max);
}

// Values no numeric input may take, whatever its range.
std::vector<json> malformed_numbers() {
  return {"abc", "12x", "", " 5", "+5", "-1", -1, 1.5, true, nullptr, json::array(), "99999999999999999999999",
          "18446744073709551616"};
}

TEST(RequestValidation, EveryNumericSpecIsCovered) {
  // A new input without a context here would silently escape the checks below.
  const std::vector<std::string> known = {"workers", "limit", "n", "count", "increments",
                                          "runs", "tasks", "latency_ms", "bytes", "switch_interval_ms"};
  ASSERT_EQ(integer_specs().size(), known.size());
  for (const auto& spec : integer_specs())
    EXPECT_NE(std::find(known.begin(), known.end(), std::string(spec.key)), known.end()) << spec.key;
}

TEST(RequestValidation, BoundsAreAcceptedBothAsNumbersAndAsText) {
  for (const auto& spec : integer_specs()) {
    const std::string key(spec.key);
    for (std::uint64_t value : {spec.min, spec.max}) {
      EXPECT_NO_THROW(parse_request(request_with(key, value))) << key << " = " << value;
      EXPECT_NO_THROW(parse_request(request_with(key, std::to_string(value)))) << key << " = '" << value << "'";
    }
  }
}

TEST(RequestValidation, OutOfRangeNamesFlagAndRange) {
  for (const auto& spec : integer_specs()) {
    const std::string key(spec.key);
    std::vector<json> outside{spec.max + 1};
    if (spec.min > 0) outside.push_back(spec.min - 1);
    for (const json& value : outside) {
      const std::string message = rejection_of(request_with(key, value));
      EXPECT_TRUE(has_text(message, std::string(spec.flag))) << key << " = " << value;
      EXPECT_TRUE(has_text(message, range_of(spec))) << key << " = " << value;
      EXPECT_TRUE(has_text(message, value.dump())) << "the message repeats what it got";
    }
  }
}

TEST(RequestValidation, MalformedNumbersNameFlagAndRange) {
  for (const auto& spec : integer_specs()) {
    const std::string key(spec.key);
    // `workers: null` means "the default", so it is no malformed value for workers.
    for (const json& value : malformed_numbers()) {
      if (key == "workers" && value.is_null()) continue;
      const std::string message = rejection_of(request_with(key, value));
      EXPECT_TRUE(has_text(message, std::string(spec.flag))) << key << " = " << value.dump();
      EXPECT_TRUE(has_text(message, range_of(spec))) << key << " = " << value.dump();
    }
  }
}

TEST(RequestValidation, TooLargeForUint64SaysSo) {
  const std::string message = rejection_of(request_with("limit", "99999999999999999999999"));
  EXPECT_TRUE(has_text(message, "--limit"));
  EXPECT_TRUE(has_text(message, "too large"));
}

TEST(RequestValidation, ErrorsCarryTheInvalidArgumentCode) {
  try {
    parse_request(request_with("limit", 0));
    ADD_FAILURE() << "accepted --limit 0";
  } catch (const ArgumentError& e) {
    EXPECT_EQ(e.code(), "invalid-argument");
  }
}

TEST(RequestValidation, UnknownNames) {
  EXPECT_TRUE(has_text(rejection_of({{"demo", "sort"}}), "primes|factorial|race|io"));
  EXPECT_TRUE(has_text(rejection_of(json::object()), "demo is required"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", 3}}), "demo must be one of"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"mode", "fibers"}}), "--mode"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"mode", "fibers"}}), "'fibers'"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "race"}, {"params", {{"sync", "mutex"}}}}), "none|lock|atomic"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"params", {{"algorithm", "wheel"}}}}), "--algorithm"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "factorial"}, {"params", {{"print", "maybe"}}}}), "--print"));
}

TEST(RequestValidation, UnknownFieldsAndParams) {
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"bogus", 1}}), "unknown request field 'bogus'"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"params", {{"frobnicate", 1}}}}), "--frobnicate"));
  // A parameter of another demo is unknown here, and the message lists what is accepted.
  const std::string message = rejection_of({{"demo", "factorial"}, {"params", {{"limit", 10}}}});
  EXPECT_TRUE(has_text(message, "--limit"));
  EXPECT_TRUE(has_text(message, "--n"));
  // The switch interval belongs to gil-threads only.
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"mode", "threads"}, {"params", {{"switch_interval_ms", 5}}}}), "--switch-interval-ms"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"params", json::array()}}), "params"));
  EXPECT_TRUE(has_text(rejection_of(json::array()), "JSON object"));
}

TEST(RequestValidation, ProcessOnlyOptionsOutsideProcesses) {
  for (const char* mode : {"sequential", "threads", "gil-threads", "async"}) {
    EXPECT_TRUE(has_text(rejection_of({{"demo", "race"}, {"mode", mode}, {"params", {{"shared_memory", true}}}}), "--shared-memory"))
        << mode;
    EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"mode", mode}, {"start_method", "fork"}}), "--start-method"))
        << mode;
  }
  // Inside processes both are fine.
  const Request request = parse_request(
      {{"demo", "race"}, {"mode", "processes"}, {"start_method", "spawn"}, {"params", {{"shared_memory", true}}}});
  EXPECT_TRUE(request.params.shared_memory);
  EXPECT_EQ(request.start_method, StartMethod::Spawn);
}

TEST(RequestValidation, StartMethodMustBeAvailableHere) {
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"mode", "processes"}, {"start_method", "worker"}}), "--start-method must be one of fork|spawn"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"mode", "processes"}, {"start_method", "clone"}}), "--start-method"));
  Capabilities browser;
  browser.start_methods = {StartMethod::Worker};
  EXPECT_EQ(parse_request({{"demo", "primes"}, {"mode", "processes"}}, browser).start_method, StartMethod::Worker);
  EXPECT_TRUE(has_text(rejection_of({{"demo", "primes"}, {"mode", "processes"}, {"start_method", "fork"}}, browser), "worker"));
}

TEST(RequestValidation, WorkersBeyondTheRuntimeCapabilities) {
  Capabilities small;
  small.max_threads = 4;
  small.max_coroutines = 4;
  small.max_processes = 3;
  for (const char* mode : {"threads", "gil-threads", "async"}) {
    const std::string message = rejection_of({{"demo", "primes"}, {"mode", mode}, {"workers", 5}}, small);
    EXPECT_TRUE(has_text(message, "--workers")) << mode;
    EXPECT_TRUE(has_text(message, "1 to 4")) << mode;
    EXPECT_EQ(parse_request({{"demo", "primes"}, {"mode", mode}, {"workers", 4}}, small).workers, 4u);
  }
  const std::string message = rejection_of({{"demo", "primes"}, {"mode", "processes"}, {"workers", 4}}, small);
  EXPECT_TRUE(has_text(message, "--workers"));
  EXPECT_TRUE(has_text(message, "1 to 3"));
  // Sequential ignores the worker count, so no cap applies.
  EXPECT_EQ(parse_request({{"demo", "primes"}, {"mode", "sequential"}, {"workers", 200}}, small).workers, 1u);
}

TEST(RequestValidation, ProcessesUnavailable) {
  Capabilities none;
  none.max_processes = 0;
  none.processes_unavailable_reason = "no Workers in this page";
  EXPECT_TRUE(has_text(rejection_of({{"demo", "io"}, {"mode", "processes"}}, none), "no Workers in this page"));
}

TEST(RequestValidation, ProductLimits) {
  EXPECT_TRUE(has_text(rejection_of({{"demo", "io"}, {"params", {{"tasks", 1000}, {"latency_ms", 1000}}}}), "--tasks x --latency-ms"));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "race"}, {"workers", 11}, {"params", {{"increments", 100'000'000}}}}), "--workers x --increments"));
}

TEST(RequestDefaults, ReproduceTheSeed) {
  const Request primes = parse_request({{"demo", "primes"}});
  EXPECT_EQ(primes.mode, Mode::Threads);
  EXPECT_EQ(primes.params.limit, 100'000u);
  EXPECT_EQ(primes.params.algorithm, PrimeAlgorithm::TrialDivision);
  EXPECT_FALSE(primes.start_method.has_value());

  const Request factorial = parse_request({{"demo", "factorial"}});
  EXPECT_EQ(factorial.params.n, 100'000u);
  EXPECT_EQ(factorial.params.count, 4u);
  EXPECT_EQ(factorial.workers, 4u);

  const Request race = parse_request({{"demo", "race"}});
  EXPECT_EQ(race.params.increments, 100'000u);
  EXPECT_EQ(race.params.sync, Sync::None);
  EXPECT_EQ(race.workers, 2u);

  const Request io = parse_request({{"demo", "io"}});
  EXPECT_EQ(io.params.tasks, 3u);
  EXPECT_EQ(io.params.latency_ms, 1'000u);
  EXPECT_EQ(io.workers, 3u);

  const Request gil = parse_request({{"demo", "primes"}, {"mode", "gil-threads"}});
  EXPECT_EQ(gil.params.switch_interval_ms, 5u);
}

TEST(RequestDefaults, WorkersFollowTheTaskCount) {
  EXPECT_EQ(parse_request({{"demo", "factorial"}, {"params", {{"count", 7}}}}).workers, 7u);
  EXPECT_EQ(parse_request({{"demo", "io"}, {"params", {{"tasks", 5}}}}).workers, 5u);
  EXPECT_EQ(parse_request({{"demo", "io"}, {"workers", nullptr}, {"params", {{"tasks", 2}}}}).workers, 2u);
  EXPECT_EQ(parse_request({{"demo", "io"}, {"workers", 1}, {"params", {{"tasks", 5}}}}).workers, 1u);
  EXPECT_EQ(parse_request({{"demo", "io"}, {"mode", "sequential"}, {"params", {{"tasks", 5}}}}).workers, 1u);
  const std::uint64_t primes_default = parse_request({{"demo", "primes"}}).workers;
  EXPECT_GE(primes_default, 1u);
  EXPECT_LE(primes_default, 64u);
}

// A default the runtime cannot honour would reject a request for a flag its sender never gave.
TEST(RequestDefaults, DefaultWorkersStayWithinTheCapabilities) {
  Capabilities pool;
  pool.max_threads = 4;
  pool.max_coroutines = 4;
  pool.max_processes = 2;
  for (const char* mode : {"threads", "gil-threads", "async"}) {
    const Request io = parse_request({{"demo", "io"}, {"mode", mode}, {"params", {{"tasks", 9}, {"latency_ms", 0}}}}, pool);
    EXPECT_GE(io.workers, 1u) << mode;
    EXPECT_LE(io.workers, 4u) << mode;
    EXPECT_LE(parse_request({{"demo", "factorial"}, {"mode", mode}, {"params", {{"count", 8}}}}, pool).workers, 4u);
    EXPECT_LE(parse_request({{"demo", "primes"}, {"mode", mode}}, pool).workers, 4u);
  }
  EXPECT_LE(parse_request({{"demo", "io"}, {"mode", "processes"}, {"params", {{"tasks", 9}}}}, pool).workers, 2u);
}

// A browser's thread pool is small, but async workers are coroutines: the two caps are apart.
TEST(RequestDefaults, ThreadAndCoroutineCapsAreSeparate) {
  Capabilities pool;
  pool.max_threads = 4;
  EXPECT_EQ(parse_request({{"demo", "io"}, {"mode", "async"}, {"workers", 100}}, pool).workers, 100u);
  EXPECT_EQ(rejection_of({{"demo", "io"}, {"mode", "threads"}, {"workers", 5}}, pool),
            "--workers must be an integer from 1 to 4 in mode threads here (got 5)");
  pool.max_coroutines = 8;
  EXPECT_EQ(rejection_of({{"demo", "io"}, {"mode", "async"}, {"workers", 9}}, pool),
            "--workers must be an integer from 1 to 8 in mode async here (got 9)");
}

TEST(RequestDefaults, TextFlagsAreAccepted) {
  // The CLI hands over raw flag text; JSON clients send typed values. Both mean the same.
  const Request text = parse_request({{"demo", "factorial"}, {"workers", "3"}, {"params", {{"n", "12"}, {"print", "1"}}}});
  EXPECT_EQ(text.workers, 3u);
  EXPECT_EQ(text.params.n, 12u);
  EXPECT_TRUE(text.params.print);
  EXPECT_FALSE(parse_request({{"demo", "factorial"}, {"params", {{"print", "false"}}}}).params.print);
}

TEST(ParamsJson, ContainsEveryInputAfterDefaults) {
  EXPECT_EQ(params_to_json(parse_request({{"demo", "primes"}})), (json{{"limit", 100'000}, {"algorithm", "trial"}}));
  EXPECT_EQ(params_to_json(parse_request({{"demo", "factorial"}, {"params", {{"n", 50}}}})),
            (json{{"n", 50}, {"count", 4}, {"print", false}}));
  EXPECT_EQ(params_to_json(parse_request({{"demo", "race"}, {"params", {{"sync", "atomic"}}}})),
            (json{{"increments", 100'000}, {"sync", "atomic"}, {"shared_memory", false}, {"runs", 1}}));
  EXPECT_EQ(params_to_json(parse_request({{"demo", "io"}})), (json{{"tasks", 3}, {"latency_ms", 1'000}}));
  EXPECT_EQ(params_to_json(parse_request({{"demo", "io"}, {"mode", "gil-threads"}})),
            (json{{"tasks", 3}, {"latency_ms", 1'000}, {"switch_interval_ms", 5}}));
}

// What a report echoes must be a valid request again, giving the same request back.
TEST(ParamsJson, RequestJsonRoundTrips) {
  const std::vector<json> requests = {
      {{"demo", "primes"}, {"mode", "async"}, {"workers", 3}, {"params", {{"limit", 777}, {"algorithm", "sieve"}}}},
      {{"demo", "race"}, {"mode", "processes"}, {"start_method", "spawn"}, {"params", {{"shared_memory", true}}}},
      {{"demo", "io"}, {"mode", "gil-threads"}, {"params", {{"switch_interval_ms", 9}}}},
      {{"demo", "factorial"}, {"mode", "sequential"}, {"params", {{"print", true}}}},
  };
  for (const json& in : requests) {
    const json once = request_to_json(parse_request(in));
    const json twice = request_to_json(parse_request(once));
    EXPECT_EQ(once, twice) << in.dump();
    EXPECT_EQ(once.at("demo"), in.at("demo"));
    EXPECT_EQ(once.at("mode"), in.at("mode"));
  }
}

TEST(ParamSpecs, LookupByKey) {
  EXPECT_EQ(param_spec("latency_ms").flag, "--latency-ms");
  EXPECT_EQ(param_spec("limit").max, 1'000'000'000u);
  EXPECT_THROW(param_spec("nonsense"), std::logic_error);
}

TEST(RunJson, ErrorReportsAndRecovery) {
  const Capabilities caps;
  const json bad_json = run_json("{\"demo\": ", caps);
  EXPECT_EQ(bad_json.at("schema"), 1);
  EXPECT_EQ(bad_json.at("error").at("code"), "invalid-json");
  EXPECT_FALSE(bad_json.contains("result"));

  const json bad_argument = run_json(R"({"demo":"primes","params":{"limit":0}})", caps);
  EXPECT_EQ(bad_argument.at("error").at("code"), "invalid-argument");
  EXPECT_TRUE(has_text(bad_argument.at("error").at("message").get<std::string>(), "--limit"));

  // Processes are driven by a runner, never by run_json itself.
  const json processes = run_json(R"({"demo":"primes","mode":"processes","params":{"limit":10}})", caps);
  EXPECT_EQ(processes.at("error").at("code"), "invalid-argument");

  // After failures the same entry point still runs requests.
  const json ok = run_json(R"({"demo":"primes","mode":"threads","workers":2,"params":{"limit":1000}})", caps);
  ASSERT_FALSE(ok.contains("error")) << ok.dump();
  EXPECT_EQ(ok.at("result").at("count"), 168);
}

TEST(RunJson, EveryMalformedInputIsABadRequest) {
  const Capabilities caps;
  // Numbers past a double's range, bytes that are not UTF-8, NUL, deep nesting, a too-large
  // digit string: each is the client's fault, never "internal".
  for (const std::string body :
       {std::string(R"({"demo":"primes","params":{"limit":1e400}})"), std::string("{\"demo\":\"\xff\"}"),
        std::string("{\"demo\":\"primes\"\0}", 18), std::string(20000, '['),
        std::string(R"({"demo":"primes","params":{"limit":"99999999999999999999\xff"}})"),
        std::string(R"({"demo":"primes","params":{"limit":"\u0661"}})")}) {
    const json report = run_json(body, caps);
    ASSERT_TRUE(report.contains("error")) << body;
    EXPECT_TRUE(is_bad_request(report)) << report.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

TEST(RunJson, DeepNestingIsRefusedAndLongValuesAreShortened) {
  const Capabilities caps;
  const std::string deep = "{\"demo\":\"primes\",\"params\":{\"limit\":" + std::string(30000, '[') +
                           std::string(30000, ']') + "}}";
  const json nested = run_json(deep, caps);
  EXPECT_EQ(nested.at("error").at("code"), "invalid-json");
  EXPECT_TRUE(has_text(nested.at("error").at("message").get<std::string>(), "nested more than 8 levels"));

  const json long_value = run_json(R"({"demo":"primes","params":{"limit":")" + std::string(5000, 'x') + R"("}})", caps);
  EXPECT_EQ(long_value.at("error").at("code"), "invalid-argument");
  EXPECT_LT(long_value.at("error").at("message").get<std::string>().size(), 200u);
}

TEST(RunJson, CapabilitiesApply) {
  Capabilities small;
  small.max_threads = 2;
  const json report = run_json(R"({"demo":"primes","mode":"threads","workers":3,"params":{"limit":10}})", small);
  EXPECT_EQ(report.at("error").at("code"), "invalid-argument");
  EXPECT_TRUE(has_text(report.at("error").at("message").get<std::string>(), "1 to 2"));
}

}  // namespace
}  // namespace playground::testing

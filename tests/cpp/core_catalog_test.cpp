// The catalog is what the CLI's help, info() and the page show: each of its claims must be what
// parse_request does (the ranges themselves are checked key by key in core_request_test.cpp).
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "core_support.hpp"
#include "playground/catalog.hpp"
#include "playground/queue_catalog.hpp"

namespace playground::testing {
namespace {

// A mode in which every parameter of a demo, the mode-only ones included, is accepted.
constexpr const char* kModeTakingEveryKey = "gil-threads";

bool accepted_in(const std::string& demo, const std::string& mode, const std::string& key, const json& value) {
  json params = {{key, value}};
  if (key == "bytes") params["source"] = "http";  // a body size belongs to the http source
  try {
    parse_request({{"demo", demo}, {"mode", mode}, {"params", params}});
    return true;
  } catch (const ArgumentError&) {
    return false;
  }
}

json default_of(const ParamSpec& spec) {
  switch (spec.kind) {
    case ParamKind::Integer: return *spec.default_number;
    case ParamKind::Choice: return spec.default_choice;
    case ParamKind::Flag: return false;
  }
  return nullptr;
}

TEST(Catalog, DefaultsAreThoseOfAnEmptyRequest) {
  for (const auto& demo : demo_specs()) {
    const std::string name(to_string(demo.demo));
    const Request parsed = parse_request({{"demo", name}, {"mode", kModeTakingEveryKey}});
    const json params = params_to_json(parsed);
    std::size_t left_out = 0;
    for (auto key : param_keys(demo.demo, Mode::GilThreads)) {
      // A sleeping io run's head leaves out the http source's inputs (as it did before them).
      if ((key == "source" || key == "bytes") && demo.demo == Demo::Io) {
        EXPECT_FALSE(params.contains(std::string(key)));
        ++left_out;
        continue;
      }
      EXPECT_EQ(params.at(std::string(key)), default_of(param_spec(key))) << name << " " << key;
    }
    EXPECT_EQ(params.size() + left_out, param_keys(demo.demo, Mode::GilThreads).size()) << name;
    if (demo.demo == Demo::Io) {
      EXPECT_EQ(to_string(parsed.params.source), param_spec("source").default_choice);
      EXPECT_EQ(parsed.params.bytes, *param_spec("bytes").default_number);
    }
  }
  const Request plain = parse_request({{"demo", "primes"}});
  EXPECT_EQ(to_string(plain.mode), param_spec("mode").default_choice);
  const Request processes = parse_request({{"demo", "primes"}, {"mode", "processes"}});
  EXPECT_EQ(to_string(*processes.start_method), param_spec("start_method").default_choice);
}

TEST(Catalog, EachDemoTakesExactlyItsKeysAndTheModesOwn) {
  for (const auto& demo : demo_specs()) {
    const std::string name(to_string(demo.demo));
    for (const auto& param : param_specs()) {
      if (param.top_level) continue;
      const std::string key(param.key);
      const bool own = std::find(demo.params.begin(), demo.params.end(), param.key) != demo.params.end();
      for (const auto& mode : mode_specs()) {
        const std::string mode_name(to_string(mode.mode));
        const bool of_mode = std::find(mode.params.begin(), mode.params.end(), param.key) != mode.params.end();
        // The default is always valid (shared memory only with processes, where it is valid too),
        // except --bytes in mpi: it needs the http source, which mpi refuses (see below).
        const bool needs_refused_source = key == "bytes" && mode.mode == Mode::Mpi;
        EXPECT_EQ(accepted_in(name, mode_name, key, default_of(param)), (own || of_mode) && !needs_refused_source)
            << name << " in " << mode_name << " with " << key;
      }
    }
  }
}

TEST(Catalog, MpiRefusesTheHttpSourceByName) {
  try {
    parse_request({{"demo", "io"}, {"mode", "mpi"}, {"params", {{"source", "http"}}}});
    FAIL() << "mpi took --source http";
  } catch (const ArgumentError& e) {
    EXPECT_STREQ(e.what(), "--source http is not available in mode mpi (use --source sleep)");
  }
}

TEST(Catalog, ChoicesAreExactlyWhatIsAccepted) {
  for (const auto& param : param_specs()) {
    if (param.kind != ParamKind::Choice || param.top_level) continue;
    const std::string key(param.key);
    const auto owner = std::find_if(demo_specs().begin(), demo_specs().end(), [&](const DemoSpec& d) {
      return std::find(d.params.begin(), d.params.end(), param.key) != d.params.end();
    });
    ASSERT_NE(owner, demo_specs().end()) << key << " belongs to no demo";
    const std::string demo(to_string(owner->demo));
    for (auto choice : param.choices) EXPECT_TRUE(accepted_in(demo, "threads", key, std::string(choice))) << choice;
    std::string listed;
    for (auto choice : param.choices) listed += (listed.empty() ? "" : "|") + std::string(choice);
    const std::string message = rejection_of({{"demo", demo}, {"params", {{key, "no-such-choice"}}}});
    EXPECT_TRUE(has_text(message, std::string(param.flag) + " must be one of " + listed)) << message;
  }
  for (auto mode : param_spec("mode").choices)
    EXPECT_NO_THROW(parse_request({{"demo", "io"}, {"mode", std::string(mode)}, {"params", {{"latency_ms", 0}}}}));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "io"}, {"mode", "fibers"}}), "--mode must be one of " + mode_names().list()));
}

TEST(Catalog, DefaultWorkersFollowTheRule) {
  for (const auto& demo : demo_specs()) {
    const std::string name(to_string(demo.demo));
    const DefaultWorkers& rule = demo.default_workers;
    switch (rule.rule) {
      case DefaultWorkers::Rule::Cores: {
        const std::uint64_t workers = parse_request({{"demo", name}}).workers;
        EXPECT_GE(workers, 1u);
        EXPECT_LE(workers, combined_limits().max_default_workers);
        break;
      }
      case DefaultWorkers::Rule::Param: {
        const std::string key(rule.param);
        EXPECT_EQ(parse_request({{"demo", name}, {"params", {{key, 3}}}}).workers, 3u) << name;
        json params = {{key, param_spec(key).max}};
        if (name == "io") params["latency_ms"] = 0;  // keeps tasks x latency within its limit
        EXPECT_LE(parse_request({{"demo", name}, {"params", params}}).workers, combined_limits().max_default_workers) << name;
        break;
      }
      case DefaultWorkers::Rule::Fixed:
        EXPECT_EQ(parse_request({{"demo", name}}).workers, rule.value) << name;
        break;
    }
  }
}

TEST(Catalog, CombinedLimitsAreWhereParsingStops) {
  const CombinedLimits& limits = combined_limits();
  const std::uint64_t increments = param_spec("increments").max;
  const std::uint64_t workers_at_limit = limits.max_total_increments / increments;
  EXPECT_NO_THROW(parse_request({{"demo", "race"}, {"workers", workers_at_limit}, {"params", {{"increments", increments}}}}));
  EXPECT_TRUE(has_text(
      rejection_of({{"demo", "race"}, {"workers", workers_at_limit + 1}, {"params", {{"increments", increments}}}}),
      "at most " + std::to_string(limits.max_total_increments)));
  const std::uint64_t latency = param_spec("latency_ms").max;
  const std::uint64_t tasks_at_limit = limits.max_total_wait_ms / latency;
  EXPECT_NO_THROW(parse_request({{"demo", "io"}, {"params", {{"tasks", tasks_at_limit}, {"latency_ms", latency}}}}));
  EXPECT_TRUE(has_text(rejection_of({{"demo", "io"}, {"params", {{"tasks", tasks_at_limit + 1}, {"latency_ms", latency}}}}),
                       "at most " + std::to_string(limits.max_total_wait_ms)));
}

TEST(Catalog, JsonCarriesEveryTable) {
  const json catalog = catalog_to_json();
  ASSERT_EQ(catalog.at("demos").size(), demo_specs().size());
  EXPECT_EQ(catalog.at("demos").at(0).at("name"), to_string(demo_specs().front().demo));
  ASSERT_EQ(catalog.at("modes").size(), mode_specs().size());
  ASSERT_EQ(catalog.at("params").size(), param_specs().size());
  for (std::size_t i = 0; i < param_specs().size(); ++i) {
    const ParamSpec& spec = param_specs()[i];
    const json& out = catalog.at("params").at(i);
    EXPECT_EQ(out.at("key"), spec.key);
    EXPECT_EQ(out.at("flag"), spec.flag);
    EXPECT_EQ(out.at("kind"), to_string(spec.kind));
    if (spec.kind == ParamKind::Integer) {
      EXPECT_EQ(out.at("min"), spec.min);
      EXPECT_EQ(out.at("max"), spec.max);
    }
  }
  EXPECT_EQ(catalog.at("limits").at("max_total_increments"), combined_limits().max_total_increments);
  EXPECT_EQ(catalog.at("capabilities").at("max_threads"), Capabilities{}.max_threads);
  EXPECT_EQ(catalog.at("capabilities").at("max_coroutines"), Capabilities{}.max_coroutines);
  EXPECT_EQ(catalog.at("capabilities").at("max_processes"), Capabilities{}.max_processes);
  // The queue experiment's inputs travel with it, range for range.
  const json& queue = catalog.at("experiments").at("queue");
  ASSERT_EQ(queue.at("params").size(), queue_param_specs().size());
  for (const json& out : queue.at("params")) {
    const ParamSpec& spec = queue_param_spec(out.at("key").get<std::string>());
    if (spec.kind == ParamKind::Integer) EXPECT_EQ(out.at("max"), spec.max) << spec.key;
  }
  EXPECT_EQ(queue.at("limits").at("max_pacing_ms"), kMaxQueuePacingMs);
}

}  // namespace
}  // namespace playground::testing

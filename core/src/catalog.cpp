#include "playground/catalog.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "playground/request.hpp"

namespace playground {
namespace {

constexpr std::array<Named<Demo>, 4> kDemos{{{Demo::Primes, "primes"},
                                              {Demo::Factorial, "factorial"},
                                              {Demo::Race, "race"},
                                              {Demo::Io, "io"}}};
constexpr std::array<Named<Mode>, 6> kModes{{{Mode::Sequential, "sequential"},
                                             {Mode::Threads, "threads"},
                                             {Mode::GilThreads, "gil-threads"},
                                             {Mode::Async, "async"},
                                             {Mode::Processes, "processes"},
                                             {Mode::Mpi, "mpi"}}};
constexpr std::array<Named<StartMethod>, 3> kStartMethods{
    {{StartMethod::Fork, "fork"}, {StartMethod::Spawn, "spawn"}, {StartMethod::Worker, "worker"}}};
constexpr std::array<Named<Sync>, 3> kSyncs{{{Sync::None, "none"}, {Sync::Lock, "lock"}, {Sync::Atomic, "atomic"}}};
constexpr std::array<Named<PrimeAlgorithm>, 2> kAlgorithms{
    {{PrimeAlgorithm::TrialDivision, "trial"}, {PrimeAlgorithm::Sieve, "sieve"}}};

constexpr std::array<Named<WaitSource>, 2> kWaitSources{{{WaitSource::Sleep, "sleep"}, {WaitSource::Http, "http"}}};

constexpr NameTable<Demo> kDemoNames{kDemos};
constexpr NameTable<Mode> kModeNames{kModes};
constexpr NameTable<StartMethod> kStartMethodNames{kStartMethods};
constexpr NameTable<Sync> kSyncNames{kSyncs};
constexpr NameTable<PrimeAlgorithm> kAlgorithmNames{kAlgorithms};
constexpr NameTable<WaitSource> kWaitSourceNames{kWaitSources};

// Bounds keep every run finite on a laptop and inside a browser tab. The defaults are the request
// structs' own initializers, so each is written down once.
std::vector<ParamSpec> make_param_specs() {
  using enum ParamKind;
  const Params defaults{};
  const Request default_request{};
  const Capabilities full{};
  const std::uint64_t most_workers = std::max({full.max_threads, full.max_coroutines, full.max_processes, full.max_ranks});
  return {
      {.key = "mode", .flag = "--mode", .kind = Choice, .choices = kModeNames.names(),
       .default_choice = to_string(default_request.mode), .top_level = true, .help = "how tasks run"},
      {.key = "workers", .flag = "--workers", .min = 1, .max = most_workers, .top_level = true,
       .help = "threads, coroutines, processes or MPI ranks"},
      {.key = "start_method", .flag = "--start-method", .kind = Choice, .choices = kStartMethodNames.names(),
       .default_choice = to_string(full.start_methods.front()), .top_level = true,
       .help = "processes mode: how children start"},
      {.key = "limit", .flag = "--limit", .min = 1, .max = 1'000'000'000, .default_number = defaults.limit,
       .help = "count the primes up to N"},
      {.key = "algorithm", .flag = "--algorithm", .kind = Choice, .choices = kAlgorithmNames.names(),
       .default_choice = to_string(defaults.algorithm),
       .help = "trial: the seed's trial division; sieve: a segmented sieve"},
      {.key = "n", .flag = "--n", .min = 0, .max = 1'000'000, .default_number = defaults.n, .help = "compute n!"},
      {.key = "count", .flag = "--count", .min = 1, .max = 64, .default_number = defaults.count,
       .help = "how many times to compute it, one task each"},
      {.key = "print", .flag = "--print", .kind = Flag, .help = "include the full decimal expansion"},
      {.key = "increments", .flag = "--increments", .min = 1, .max = 100'000'000,
       .default_number = defaults.increments, .help = "additions to the shared counter per worker"},
      {.key = "sync", .flag = "--sync", .kind = Choice, .choices = kSyncNames.names(),
       .default_choice = to_string(defaults.sync),
       .help = "none: read then write back (loses updates); lock: a mutex; atomic: fetch_add"},
      {.key = "shared_memory", .flag = "--shared-memory", .kind = Flag,
       .help = "processes mode: put the counter in memory shared by the processes"},
      {.key = "runs", .flag = "--runs", .min = 1, .max = 1000, .default_number = defaults.runs,
       .help = "repeat the race R times"},
      {.key = "tasks", .flag = "--tasks", .min = 1, .max = 1000, .default_number = defaults.tasks,
       .help = "number of waiting tasks"},
      {.key = "latency_ms", .flag = "--latency-ms", .min = 0, .max = 60'000, .default_number = defaults.latency_ms,
       .help = "how long each task waits, in ms"},
      {.key = "source", .flag = "--source", .kind = Choice, .choices = kWaitSourceNames.names(),
       .default_choice = to_string(defaults.source),
       .help = "sleep: a timer; http: a real GET of a loopback server that answers after the latency"},
      {.key = "bytes", .flag = "--bytes", .min = 0, .max = 1024 * 1024, .default_number = defaults.bytes,
       .help = "--source http: the size of each response body"},
      {.key = "switch_interval_ms", .flag = "--switch-interval-ms", .min = 1, .max = 1000,
       .default_number = defaults.switch_interval_ms,
       .help = "gil-threads mode: the GIL's switch interval in ms, as CPython's sys.setswitchinterval()"},
  };
}

std::vector<DemoSpec> make_demo_specs() {
  using Rule = DefaultWorkers::Rule;
  return {
      {Demo::Primes, "count primes by trial division (CPU-bound)", {"limit", "algorithm"}, {Rule::Cores, "", 0}},
      {Demo::Factorial, "compute n! several times with big integers (CPU-bound)", {"n", "count", "print"},
       {Rule::Param, "count", 0}},  // one worker per number
      {Demo::Race, "workers add to one shared counter: watch updates get lost",
       {"increments", "sync", "shared_memory", "runs"}, {Rule::Fixed, "", 2}},
      {Demo::Io, "tasks that only wait (I/O-bound): the seed's 3 workers x 1 s", {"tasks", "latency_ms", "source", "bytes"},
       {Rule::Param, "tasks", 0}},  // one worker per task
  };
}

std::vector<ModeSpec> make_mode_specs() {
  std::vector<ModeSpec> specs;
  for (const auto& [mode, name] : kModes)
    specs.push_back({mode, mode == Mode::GilThreads ? std::vector<std::string_view>{"switch_interval_ms"}
                                                    : std::vector<std::string_view>{}});
  return specs;
}

constexpr CombinedLimits kCombinedLimits{
    .max_total_increments = 1'000'000'000,
    .max_total_wait_ms = 600'000,
    .max_default_workers = 64,
    .max_http_tasks = 64,
};

}  // namespace

const NameTable<Demo>& demo_names() { return kDemoNames; }
const NameTable<Mode>& mode_names() { return kModeNames; }
const NameTable<StartMethod>& start_method_names() { return kStartMethodNames; }
const NameTable<Sync>& sync_names() { return kSyncNames; }
const NameTable<PrimeAlgorithm>& algorithm_names() { return kAlgorithmNames; }
const NameTable<WaitSource>& wait_source_names() { return kWaitSourceNames; }

std::string_view to_string(Demo v) { return kDemoNames.name(v); }
std::string_view to_string(Mode v) { return kModeNames.name(v); }
std::string_view to_string(StartMethod v) { return kStartMethodNames.name(v); }
std::string_view to_string(Sync v) { return kSyncNames.name(v); }
std::string_view to_string(PrimeAlgorithm v) { return kAlgorithmNames.name(v); }
std::string_view to_string(WaitSource v) { return kWaitSourceNames.name(v); }

std::string_view to_string(ParamKind kind) {
  switch (kind) {
    case ParamKind::Integer: return "integer";
    case ParamKind::Choice: return "choice";
    case ParamKind::Flag: return "flag";
  }
  return "?";
}

// Built on first use, so that other files' static initializers may already ask.
const std::vector<ParamSpec>& param_specs() {
  static const std::vector<ParamSpec> specs = make_param_specs();
  return specs;
}

const ParamSpec& param_spec(std::string_view key) {
  for (const auto& spec : param_specs())
    if (spec.key == key) return spec;
  throw std::logic_error("no parameter spec for " + std::string(key));
}

const std::vector<DemoSpec>& demo_specs() {
  static const std::vector<DemoSpec> specs = make_demo_specs();
  return specs;
}

const DemoSpec& demo_spec(Demo demo) {
  for (const auto& spec : demo_specs())
    if (spec.demo == demo) return spec;
  throw std::logic_error("no demo spec for " + std::string(to_string(demo)));
}

const std::vector<ModeSpec>& mode_specs() {
  static const std::vector<ModeSpec> specs = make_mode_specs();
  return specs;
}

const CombinedLimits& combined_limits() { return kCombinedLimits; }

std::vector<std::string_view> param_keys(Demo demo, Mode mode) {
  std::vector<std::string_view> keys = demo_spec(demo).params;
  for (const auto& spec : mode_specs())
    if (spec.mode == mode) keys.insert(keys.end(), spec.params.begin(), spec.params.end());
  return keys;
}

}  // namespace playground

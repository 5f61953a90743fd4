#pragma once
// What a request may say: the demos, modes and start methods by name, every parameter with its
// flag, kind, range, default and help, and the limits that span parameters. Validation, the
// CLI's options and help, `cplay info`, wasm info() and the page are all built from these tables.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace playground {

enum class Demo { Primes, Factorial, Race, Io };
// Mpi: one MPI rank per worker under mpirun (native only; the core names it, cplay-mpi runs it).
enum class Mode { Sequential, Threads, GilThreads, Async, Processes, Mpi };
enum class StartMethod { Fork, Spawn, Worker };
enum class Sync { None, Lock, Atomic };
enum class PrimeAlgorithm { TrialDivision, Sieve };
// io: what a task waits for. Sleep: a timer; Http: a real response over a loopback socket.
enum class WaitSource { Sleep, Http };

template <typename Enum>
struct Named {
  Enum value;
  std::string_view name;
};

// Every value of one enum with its name, in the order help and the page list them.
template <typename Enum>
class NameTable {
 public:
  constexpr explicit NameTable(std::span<const Named<Enum>> entries) : entries_(entries) {}

  std::span<const Named<Enum>> entries() const { return entries_; }
  std::string_view name(Enum value) const {
    for (const auto& entry : entries_)
      if (entry.value == value) return entry.name;
    return "?";
  }
  std::optional<Enum> parse(std::string_view text) const {
    for (const auto& entry : entries_)
      if (entry.name == text) return entry.value;
    return std::nullopt;
  }
  std::vector<std::string_view> names() const {
    std::vector<std::string_view> out;
    for (const auto& entry : entries_) out.push_back(entry.name);
    return out;
  }
  // "a|b|c": how messages and the CLI's help list the choices. Built by appending: GCC 12 warns
  // falsely (-Wrestrict) about literal + string.
  std::string list() const {
    std::string out;
    for (const auto& entry : entries_) {
      if (!out.empty()) out += '|';
      out += entry.name;
    }
    return out;
  }

 private:
  std::span<const Named<Enum>> entries_;
};

const NameTable<Demo>& demo_names();
const NameTable<Mode>& mode_names();
const NameTable<StartMethod>& start_method_names();
const NameTable<Sync>& sync_names();
const NameTable<PrimeAlgorithm>& algorithm_names();
const NameTable<WaitSource>& wait_source_names();

std::string_view to_string(Demo);
std::string_view to_string(Mode);
std::string_view to_string(StartMethod);
std::string_view to_string(Sync);
std::string_view to_string(PrimeAlgorithm);
std::string_view to_string(WaitSource);

enum class ParamKind { Integer, Choice, Flag };
std::string_view to_string(ParamKind);

// One input. Fields are in the order that lets a range be written {key, flag, min, max}.
struct ParamSpec {
  std::string_view key = {};   // request key, snake_case
  std::string_view flag = {};  // CLI flag
  std::uint64_t min = 0;       // Integer: the accepted range
  std::uint64_t max = 0;
  ParamKind kind = ParamKind::Integer;
  std::optional<std::uint64_t> default_number = {};  // Integer; none where a rule decides (workers)
  std::vector<std::string_view> choices = {};        // Choice
  std::string_view default_choice = {};              // Choice; a Flag is false unless given
  bool top_level = false;      // a field of the request itself, not of its params
  std::string_view help = {};  // one line for --help, without the range or the default
};

// How a request that names no worker count gets one.
struct DefaultWorkers {
  enum class Rule { Cores, Param, Fixed } rule;
  std::string_view param;  // Param: one worker per unit of this parameter
  std::uint64_t value = 0;  // Fixed
};

struct DemoSpec {
  Demo demo;
  std::string_view summary;  // one line for --help
  std::vector<std::string_view> params;  // its own parameter keys, in --help's order
  DefaultWorkers default_workers;
};

struct ModeSpec {
  Mode mode;
  std::vector<std::string_view> params;  // keys every demo takes in this mode only
};

// Limits that no single parameter's range expresses.
struct CombinedLimits {
  std::uint64_t max_total_increments;  // race: workers x increments
  std::uint64_t max_total_wait_ms;     // io: tasks x latency_ms, the length of a sequential run
  std::uint64_t max_default_workers;   // a default worker count never exceeds this
  std::uint64_t max_http_tasks;        // io --source http: each task holds a socket and a server thread
};

const std::vector<ParamSpec>& param_specs();
// The spec of a known key; std::logic_error for any other (a programming error).
const ParamSpec& param_spec(std::string_view key);
const std::vector<DemoSpec>& demo_specs();
const DemoSpec& demo_spec(Demo);
const std::vector<ModeSpec>& mode_specs();
const CombinedLimits& combined_limits();

// The keys a demo takes in a mode, its own first.
std::vector<std::string_view> param_keys(Demo, Mode);

// Every table above as JSON, with each experiment's own: `cplay info --json`, GET /api/info and
// wasm info() carry it (catalog_json.cpp, the JSON edge, apart so the tables need no experiment).
nlohmann::json catalog_to_json();
// An experiment's inputs as the catalog lists them: key, flag, kind, help, range or choices, default.
nlohmann::json experiment_params_to_json(const std::vector<ParamSpec>& specs);

}  // namespace playground

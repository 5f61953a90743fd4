#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "playground/decimal_summary.hpp"
#include "playground/request.hpp"

// What each demo computes, as the core hands it around. JSON appears only at the edges
// (report_json.hpp); each field here is the report key of the same name unless its comment says
// otherwise, and an optional field is a key that some runs leave out.
namespace playground {

// ---- a report's `result` ----

struct PrimesResult {
  std::uint64_t count = 0;
  std::uint64_t largest = 0;  // 0 when count is 0

  bool operator==(const PrimesResult&) const = default;
};

struct FactorialResult {
  std::uint64_t n = 0;
  std::uint64_t count = 0;  // factorials computed
  std::uint64_t digits = 0;
  std::string leading;  // the first min(20, digits) decimal digits
  std::uint64_t trailing_zeros = 0;
  std::uint64_t bits = 0;
  std::optional<std::string> decimal;  // the whole number, only when the request asked to print it

  bool operator==(const FactorialResult&) const = default;
};

struct RaceResult {
  std::int64_t expected = 0;
  std::int64_t final_value = 0;  // key "final": the counter as the run ends (the parent's copy for processes)
  Sync sync = Sync::None;
  std::uint64_t increments_done = 0;
  std::optional<bool> shared_memory;  // processes only
  // Processes without shared memory: each child's own copy. No counter was shared, so no `lost`.
  std::optional<std::vector<std::int64_t>> child_finals;
  std::optional<std::int64_t> lost;  // expected - final, whenever a counter was shared

  bool operator==(const RaceResult&) const = default;
};

// One task's fetch in an http run (source http); times in ms since the run began.
struct FetchRecord {
  std::uint64_t task = 0;
  std::uint64_t bytes = 0;  // body bytes received
  bool intact = false;      // exactly the bytes asked for, each one the pattern's
  double start_ms = 0;
  double first_byte_ms = 0;
  double end_ms = 0;

  bool operator==(const FetchRecord&) const = default;
};

struct IoResult {
  std::uint64_t tasks = 0;
  std::uint64_t completed = 0;
  // source http only: every task's fetch in task order, their bytes in all, and whether each
  // task got exactly the bytes asked for with the right content.
  std::optional<std::vector<FetchRecord>> fetches;
  std::optional<std::uint64_t> total_bytes;
  std::optional<bool> intact;

  bool operator==(const IoResult&) const = default;
};

// In the order of Demo.
using DemoResult = std::variant<PrimesResult, FactorialResult, RaceResult, IoResult>;

// ---- a shard's `partial`: what one process or browser Worker sends its parent ----

struct PrimesPartial {
  std::uint64_t count = 0;
  std::uint64_t largest = 0;

  bool operator==(const PrimesPartial&) const = default;
};

struct FactorialPartial {
  std::uint64_t computed = 0;
  // Keys "digits", "leading", "bits": absent when this share computed no factorial.
  std::optional<DecimalSummary> summary;
  std::optional<std::string> decimal;  // from the share that ran task 0 of a printing request

  bool operator==(const FactorialPartial&) const = default;
};

struct RacePartial {
  std::int64_t final_value = 0;  // key "final": this process's counter (its own copy without shared memory)
  std::uint64_t increments_done = 0;

  bool operator==(const RacePartial&) const = default;
};

struct IoPartial {
  std::uint64_t completed = 0;
  std::optional<std::vector<FetchRecord>> fetches;  // source http: this share's fetches

  bool operator==(const IoPartial&) const = default;
};

// In the order of Demo.
using DemoPartial = std::variant<PrimesPartial, FactorialPartial, RacePartial, IoPartial>;

// ---- facts only some modes have, at the top level of a report ----

// gil-threads: how often the simulated GIL changed hands (report key "gil": {"switches": N}).
struct GilFacts {
  std::uint64_t switches = 0;

  bool operator==(const GilFacts&) const = default;
};

// mpi: the library that ran the ranks, the hosts they ran on, and how many chunks of work rank 0
// handed out as messages (report key "mpi").
struct MpiFacts {
  std::string library;
  std::vector<std::string> hosts;  // distinct, in rank order of first appearance
  std::uint64_t chunks = 0;

  bool operator==(const MpiFacts&) const = default;
};

}  // namespace playground

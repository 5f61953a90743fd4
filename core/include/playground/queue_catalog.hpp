#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "playground/catalog.hpp"

// The queue experiment's inputs: every parameter's flag, range, default and help, for the CLI,
// `cplay serve`, wasm and the page alike.
namespace playground {

enum class QueueOrder { GetThenJoin, JoinThenGet };
const NameTable<QueueOrder>& queue_order_names();
std::string_view to_string(QueueOrder);

// Producers, consumers and the queue (both modes), then the processes mode's hand-off of one result.
const std::vector<ParamSpec>& queue_param_specs();
const ParamSpec& queue_param_spec(std::string_view key);

// The longest a run may be paced for: producers x messages x (produce_ms + consume_ms), what the
// pacing alone would take if nothing overlapped.
inline constexpr std::uint64_t kMaxQueuePacingMs = 60'000;

// {"params": [...], "limits": {...}} in the catalog's own shape, for info.
nlohmann::json queue_catalog_to_json();

}  // namespace playground

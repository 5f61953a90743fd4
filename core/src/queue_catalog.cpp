#include "playground/queue_catalog.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "playground/queue_json.hpp"

namespace playground {
namespace {

constexpr std::array<Named<QueueOrder>, 2> kOrders{
    {{QueueOrder::GetThenJoin, "get-then-join"}, {QueueOrder::JoinThenGet, "join-then-get"}}};
constexpr NameTable<QueueOrder> kOrderNames{kOrders};

// Bounds keep a run short and inside a browser tab. A message stays under PIPE_BUF (4096 bytes
// with its 4-byte frame header) so that in processes mode each one is a single atomic pipe write
// and producers sharing the pipe never interleave their bytes.
std::vector<ParamSpec> make_queue_specs() {
  using enum ParamKind;
  const QueueRequest request_defaults{};
  const QueueOptions& defaults = request_defaults.options;
  return {
      {.key = "producers", .flag = "--producers", .min = 1, .max = 16, .default_number = defaults.producers,
       .help = "threads or processes that put messages on the queue"},
      {.key = "consumers", .flag = "--consumers", .min = 1, .max = 16, .default_number = defaults.consumers,
       .help = "threads that take them off (processes mode: the parent alone, 1)"},
      {.key = "capacity", .flag = "--capacity", .min = 1, .max = 1000, .default_number = defaults.capacity,
       .help = "messages the queue holds before a producer must wait (processes: the pipe is sized to that many frames)"},
      {.key = "messages", .flag = "--messages", .min = 1, .max = 10'000, .default_number = defaults.messages,
       .help = "messages per producer"},
      {.key = "message_bytes", .flag = "--message-bytes", .min = 1, .max = 4000,
       .default_number = defaults.message_bytes, .help = "payload bytes per message"},
      {.key = "produce_ms", .flag = "--produce-ms", .min = 0, .max = 100, .default_number = defaults.produce_ms,
       .help = "a producer's pause before each message, in ms"},
      {.key = "consume_ms", .flag = "--consume-ms", .min = 0, .max = 100, .default_number = defaults.consume_ms,
       .help = "a consumer's pause after each message, in ms: slow consumers fill the queue"},
      {.key = "order", .flag = "--order", .kind = Choice, .choices = kOrderNames.names(),
       .default_choice = to_string(request_defaults.order),
       .help = "processes mode: read the child's result then join it, or join first (hangs when it exceeds the pipe)"},
      {.key = "result_bytes", .flag = "--result-bytes", .min = 1, .max = 16u << 20, .default_number = request_defaults.result_bytes,
       .help = "processes mode: the size of the one result a child hands back (100000! pickled is about 190 KB)"},
      {.key = "grace_ms", .flag = "--grace-ms", .min = 50, .max = 5000, .default_number = request_defaults.grace_ms,
       .help = "processes mode, join-then-get: how long the join waits before calling it a deadlock"},
  };
}

}  // namespace

const NameTable<QueueOrder>& queue_order_names() { return kOrderNames; }
std::string_view to_string(QueueOrder order) { return kOrderNames.name(order); }

const std::vector<ParamSpec>& queue_param_specs() {
  static const std::vector<ParamSpec> specs = make_queue_specs();
  return specs;
}

const ParamSpec& queue_param_spec(std::string_view key) {
  for (const auto& spec : queue_param_specs())
    if (spec.key == key) return spec;
  throw std::logic_error("no queue parameter spec for " + std::string(key));
}

nlohmann::json queue_catalog_to_json() {
  nlohmann::json params = experiment_params_to_json(queue_param_specs());
  return {{"modes", {"threads", "processes"}},
          {"params", std::move(params)},
          {"limits", {{"max_pacing_ms", kMaxQueuePacingMs}}}};
}

}  // namespace playground

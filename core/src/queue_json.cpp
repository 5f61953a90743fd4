#include "playground/queue_json.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "experiment_json.hpp"
#include "playground/errors.hpp"
#include "playground/report_json.hpp"
#include "playground/request.hpp"

namespace playground {
namespace {

using json = nlohmann::json;
using experiment_json::rounded_ms;

constexpr const char* kExperiment = "queue";

// Every key a request may have, for the message that refuses another.
std::string known_keys() {
  std::string keys = "mode";
  for (const auto& spec : queue_param_specs()) keys += ", " + std::string(spec.key);
  return keys;
}

std::uint64_t* integer_field(QueueRequest& request, std::string_view key) {
  QueueOptions& o = request.options;
  if (key == "producers") return &o.producers;
  if (key == "consumers") return &o.consumers;
  if (key == "capacity") return &o.capacity;
  if (key == "messages") return &o.messages;
  if (key == "message_bytes") return &o.message_bytes;
  if (key == "produce_ms") return &o.produce_ms;
  if (key == "consume_ms") return &o.consume_ms;
  if (key == "result_bytes") return &request.result_bytes;
  if (key == "grace_ms") return &request.grace_ms;
  return nullptr;
}

std::string choice_text(const json& value) {
  if (!value.is_string()) return value.dump().substr(0, 40);
  return "'" + value.get<std::string>().substr(0, 40) + "'";
}

}  // namespace

QueueRequest parse_queue_request(const json& body) {
  QueueRequest request;
  bool consumers_given = false;
  experiment_json::read_fields(
      body, R"({"mode": "threads", "producers": 2})", known_keys(),
      [&request, &consumers_given](const std::string& key, const json& value) {
        if (key == "mode") {
          const auto mode = mode_names().parse(value.is_string() ? value.get<std::string>() : "");
          if (mode != Mode::Threads && mode != Mode::Processes)
            throw ArgumentError("--mode must be threads or processes (got " + choice_text(value) + ")");
          request.mode = *mode;
        } else if (key == "order") {
          const auto order = queue_order_names().parse(value.is_string() ? value.get<std::string>() : "");
          if (!order)
            throw ArgumentError("--order must be " + queue_order_names().list() + " (got " + choice_text(value) + ")");
          request.order = *order;
        } else if (std::uint64_t* field = integer_field(request, key)) {
          *field = parse_numeric(value, queue_param_spec(key));
          consumers_given = consumers_given || key == "consumers";
        } else {
          return false;
        }
        return true;
      });
  if (request.mode == Mode::Processes) {
    if (!consumers_given) request.options.consumers = 1;
    if (request.options.consumers != 1)
      throw ArgumentError("--consumers must be 1 in processes mode: the parent reads the pipe (got " +
                          std::to_string(request.options.consumers) + ")");
  }
  validate_queue_options(request.options);  // the limit across parameters
  return request;
}

json queue_request_to_json(const QueueRequest& request) {
  const QueueOptions& o = request.options;
  json out = {{"mode", to_string(request.mode)}, {"producers", o.producers},   {"consumers", o.consumers},
              {"capacity", o.capacity},          {"messages", o.messages},     {"message_bytes", o.message_bytes},
              {"produce_ms", o.produce_ms},      {"consume_ms", o.consume_ms}};
  if (request.mode == Mode::Processes) {
    out["order"] = to_string(request.order);
    out["result_bytes"] = request.result_bytes;
    out["grace_ms"] = request.grace_ms;
  }
  return out;
}

std::string checksum_text(std::uint64_t checksum) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(checksum));
  return text;
}

json span_to_json(const Span& s) {
  return {{"worker", s.worker},           {"pid", s.pid},
          {"tid", s.tid},                 {"start_ms", rounded_ms(s.start_ms)},
          {"end_ms", rounded_ms(s.end_ms)},  {"items", s.items}};
}

json event_to_json(const Event& e) {
  return {{"worker", e.worker},
          {"state", to_string(e.state)},
          {"start_ms", rounded_ms(e.start_ms)},
          {"end_ms", rounded_ms(e.end_ms)}};
}

json queue_stream_report(const QueueRequest& request, const QueueStreamResult& result) {
  json roles = json::array();
  for (const QueueRole& role : result.roles)
    roles.push_back({{"worker", role.worker},
                     {"role", role.role},
                     {"messages", role.messages},
                     {"bytes", role.bytes},
                     {"waits", role.waits},
                     {"wait_ms", rounded_ms(role.wait_ms)}});
  json spans = json::array();
  for (const Span& span : result.spans) spans.push_back(span_to_json(span));
  json events = json::array();
  for (const Event& event : result.events) events.push_back(event_to_json(event));
  json out = {{"schema", 1},
              {"experiment", kExperiment},
              {"request", queue_request_to_json(request)},
              {"wall_ms", rounded_ms(result.wall_ms)},
              {"result",
               {{"messages_sent", result.messages_sent},
                {"messages_received", result.messages_received},
                {"bytes_received", result.bytes_received},
                {"duplicates", result.duplicates},
                {"missing", result.missing},
                {"checksum_sent", checksum_text(result.checksum_sent)},
                {"checksum_received", checksum_text(result.checksum_received)},
                {"exactly_once", result.exactly_once},
                {"max_depth", result.max_depth}}},
              {"roles", std::move(roles)},
              {"spans", std::move(spans)},
              {"events", std::move(events)},
              {"platform", platform_json()}};
  if (result.events_truncated) out["events_truncated"] = true;
  return out;
}

}  // namespace playground

#include "processes/worker_messages.hpp"

#include "playground/json_integer.hpp"
#include "playground/report_json.hpp"

#include <stdexcept>
#include <utility>

namespace cplay {

using json = nlohmann::json;


json task_to_json(const ShardTask& task) {
  json out = {{"request", playground::request_to_json(task.request)},
              {"shard_index", task.shard_index},
              {"shard_count", task.shard_count},
              {"origin_ms", task.origin_ms},
              {"shared_memory_name", task.shared_memory_name},
              {"report_progress", task.report_progress}};
  if (task.fault) out["fault"] = {{"signal", task.fault->signal}};
  if (task.payload_port != 0) out["payload_port"] = task.payload_port;
  return out;
}

ShardTask task_from_json(const json& in) {
  ShardTask task;
  task.request = playground::parse_request(in.at("request"));
  task.shard_index = playground::integer_of<std::uint64_t>(in.at("shard_index"), "shard_index");
  task.shard_count = playground::integer_of<std::uint64_t>(in.at("shard_count"), "shard_count");
  task.origin_ms = in.at("origin_ms").get<double>();
  task.shared_memory_name = in.at("shared_memory_name").get<std::string>();
  task.report_progress = in.at("report_progress").get<bool>();
  if (in.contains("fault"))
    task.fault = FaultInjection{task.shard_index, playground::integer_of<int>(in.at("fault").at("signal"), "fault.signal")};
  if (in.contains("payload_port"))
    task.payload_port = playground::integer_of<std::uint16_t>(in.at("payload_port"), "payload_port");
  if (task.shard_count == 0 || task.shard_index >= task.shard_count)
    throw std::runtime_error("task names shard " + std::to_string(task.shard_index) + " of " +
                             std::to_string(task.shard_count));
  return task;
}

std::string progress_message(std::uint64_t items_done) { return json{{"progress", items_done}}.dump(); }

std::string ready_message() { return json{{"ready", true}}.dump(); }

std::string result_message(const playground::ShardOutcome& outcome) {
  return json{{"result", playground::shard_to_json(outcome)}}.dump();
}

std::string error_message(std::string_view code, std::string_view message) {
  // Replace invalid UTF-8 (an exception text may carry any bytes) rather than fail to report.
  return json{{"error", {{"code", code}, {"message", message}}}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

ChildMessage parse_child_message(std::string_view payload, playground::Demo demo) {
  const json in = json::parse(payload);
  ChildMessage message;
  if (in.contains("progress")) {
    message.kind = ChildMessage::Kind::Progress;
    message.items = playground::integer_of<std::uint64_t>(in.at("progress"), "progress");
  } else if (in.contains("ready")) {
    message.kind = ChildMessage::Kind::Ready;
  } else if (in.contains("result")) {
    message.kind = ChildMessage::Kind::Result;
    message.outcome = playground::shard_from_json(in.at("result"), demo);
  } else if (in.contains("error")) {
    message.kind = ChildMessage::Kind::Error;
    message.error_code = in.at("error").at("code").get<std::string>();
    message.error_text = in.at("error").at("message").get<std::string>();
  } else {
    throw std::runtime_error("unknown message from a worker: " + std::string(payload.substr(0, 80)));
  }
  return message;
}

}  // namespace cplay

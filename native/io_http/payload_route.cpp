#include "io_http/payload_route.hpp"

#include <optional>
#include <string>

#include "playground/errors.hpp"

namespace cplay {

namespace {

void send(httplib::Response& response, const PayloadAnswer& answer) {
  response.status = answer.status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(answer.body, answer.is_payload ? "application/octet-stream" : "application/json");
}

std::optional<std::string> single(const httplib::Request& request, const char* key) {
  if (!request.has_param(key)) return std::nullopt;
  return request.get_param_value(key);
}

// Leaves the gate however the answer ends.
struct GateTurn {
  PayloadGate& gate;
  ~GateTurn() { gate.leave(); }
};

}  // namespace

void answer_payload_request(const httplib::Request& request, httplib::Response& response, PayloadGate& gate,
                            const std::atomic<bool>& stopping) {
  PayloadQuery query;
  try {
    for (const auto& [key, value] : request.params) {
      if (key != "latency_ms" && key != "bytes")
        throw playground::ArgumentError("/api/payload takes latency_ms and bytes only");
      if (request.get_param_value_count(key) != 1)
        throw playground::ArgumentError("/api/payload takes " + key + " once");
    }
    query = parse_payload_query(single(request, "latency_ms"), single(request, "bytes"));
  } catch (const playground::ArgumentError& e) {
    return send(response, payload_refusal(400, e.code(), e.what()));
  }
  if (!gate.try_enter())
    return send(response, payload_refusal(429, "busy",
                                          "at most " + std::to_string(gate.limit()) +
                                              " payload requests are answered at once; try again when one ends"));
  GateTurn turn{gate};
  send(response, payload_after_latency(query, stopping));
}

}  // namespace cplay

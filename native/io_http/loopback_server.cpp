#include "io_http/loopback_server.hpp"

#include <chrono>
#include <string>

#include "io_http/payload_route.hpp"
#include "playground/errors.hpp"
#include "server/api_guard.hpp"

namespace cplay {

LoopbackPayloadServer::LoopbackPayloadServer(std::size_t concurrent) : gate_(concurrent) {
  const std::size_t threads = concurrent + 1;
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_.set_keep_alive_max_count(1);
  const int port = server_.bind_to_any_port("127.0.0.1");
  if (port <= 0) throw playground::RunError("--source http: cannot listen on a loopback port for the payload server");
  port_ = static_cast<std::uint16_t>(port);
  // Only this run's client talks to it, but it is a socket on the machine all the same: the
  // same Host check as cplay serve's API (a page elsewhere cannot name 127.0.0.1:port by DNS).
  const ServerNames names("127.0.0.1", port_, {});
  server_.Get("/api/payload", [this, names](const httplib::Request& request, httplib::Response& response) {
    const ApiRequestHead head{request.method, request.path,
                              request.has_header("Host") ? std::optional(request.get_header_value("Host")) : std::nullopt,
                              request.has_header("Origin") ? std::optional(request.get_header_value("Origin")) : std::nullopt,
                              std::nullopt, std::nullopt};
    if (const auto rejection = check_api_request(head, names)) {
      response.status = rejection->status;
      response.set_content(rejection->body.dump(), "application/json");
      return;
    }
    answer_payload_request(request, response, gate_, stopping_);
  });
  listener_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() does nothing until the accept loop runs: wait for it, so the destructor never hangs.
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

LoopbackPayloadServer::~LoopbackPayloadServer() {
  stopping_.store(true);  // handlers waiting out a latency return at once
  server_.stop();
  listener_.join();
}

}  // namespace cplay

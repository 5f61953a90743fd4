#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cplay {

// Who may use the API. Any page the user's browser opens can send requests to a server on
// localhost, so /api/* answers only requests that name this server (Host: DNS rebinding) and
// come from its own page (Origin, Sec-Fetch-Site), and POSTs only JSON (a "simple" cross-site
// form or text/plain request skips the CORS preflight). No CORS headers are ever sent.

// The names this server answers to, each with its port ("127.0.0.1:8080", "localhost:8080").
class ServerNames {
 public:
  // `bound`: the address given to --host; `extra`: --allow-host names (a classroom server's).
  ServerNames(const std::string& bound, std::uint16_t port, const std::vector<std::string>& extra);
  bool is_own_host(const std::string& host_header) const;
  bool is_own_origin(const std::string& origin_header) const;
  const std::vector<std::string>& hosts() const { return hosts_; }

 private:
  std::vector<std::string> hosts_;  // lower case, with ":port"
};

// What the guard reads of a request.
struct ApiRequestHead {
  std::string method;
  std::string path;
  std::optional<std::string> host;
  std::optional<std::string> origin;
  std::optional<std::string> fetch_site;    // Sec-Fetch-Site
  std::optional<std::string> content_type;
};

struct ApiRejection {
  int status;
  nlohmann::json body;  // an error report
};

// nullopt: the request may proceed to its handler. Checked in this order: Host (403), Origin and
// Sec-Fetch-Site (403), path (404) and method (405), Content-Type of a POST (415).
std::optional<ApiRejection> check_api_request(const ApiRequestHead&, const ServerNames&);

// A body must come with a Content-Length, on any path: the HTTP library caps only such bodies
// (413 past the cap, the body skipped) and would read a chunked or unframed body to its end into
// memory. 411 otherwise. Browsers always send a length over HTTP/1.1.
std::optional<ApiRejection> check_body_framing(const std::string& method, bool has_content_length,
                                               bool has_transfer_encoding);

// A --allow-host value: a DNS name or IPv4 address without port; throws playground::ArgumentError.
void check_allowed_host_name(const std::string& name);

}  // namespace cplay

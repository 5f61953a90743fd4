#include "server/api_guard.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "playground/errors.hpp"
#include "playground/report_json.hpp"

namespace cplay {
namespace {

struct Route {
  std::string_view path;
  std::string_view method;
};
constexpr std::array<Route, 12> kRoutes{{{"/api/run", "POST"},
                                        {"/api/cancel", "POST"},
                                        {"/api/start-methods", "POST"},
                                        {"/api/queue", "POST"},
                                        {"/api/deadlock", "POST"},
                                        {"/api/semaphore", "POST"},
                                        {"/api/async", "POST"},
                                        {"/api/pool", "POST"},
                                        {"/api/barrier", "POST"},
                                        {"/api/monitor", "POST"},
                                        {"/api/info", "GET"},
                                        {"/api/payload", "GET"}}};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return out;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool is_loopback(const std::string& address) { return address == "::1" || address.rfind("127.", 0) == 0; }

std::string bracketed(const std::string& address) {
  return address.find(':') != std::string::npos ? "[" + address + "]" : address;
}

ApiRejection reject(int status, const std::string& code, const std::string& message) {
  return {status, playground::error_to_json(code, message)};
}

// Header values are the client's bytes: quote at most a short, printable part of them.
std::string quoted(const std::string& value) {
  std::string out;
  for (const char c : value.substr(0, 80)) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte >= 0x20 && byte < 0x7f ? c : '?';
  }
  return "'" + out + (value.size() > 80 ? "...'" : "'");
}

}  // namespace

ServerNames::ServerNames(const std::string& bound, std::uint16_t port, const std::vector<std::string>& extra) {
  std::vector<std::string> names;
  if (bound == "0.0.0.0" || bound == "::") {
    // Every address of the machine: loopback among them; other names must be allowed by flag.
    names = {"127.0.0.1", "localhost", "[::1]"};
  } else {
    names.push_back(bracketed(lower(bound)));
    if (is_loopback(bound)) names.push_back("localhost");
  }
  for (const std::string& name : extra) names.push_back(lower(name));
  const std::string suffix = ":" + std::to_string(port);
  for (const std::string& name : names) {
    hosts_.push_back(name + suffix);
    if (port == 80) hosts_.push_back(name);  // browsers leave the default port out
  }
}

bool ServerNames::is_own_host(const std::string& host_header) const {
  return std::find(hosts_.begin(), hosts_.end(), lower(host_header)) != hosts_.end();
}

bool ServerNames::is_own_origin(const std::string& origin_header) const {
  constexpr std::string_view kScheme = "http://";
  const std::string origin = lower(origin_header);
  return origin.rfind(kScheme, 0) == 0 && is_own_host(origin.substr(kScheme.size()));
}

std::optional<ApiRejection> check_api_request(const ApiRequestHead& head, const ServerNames& names) {
  if (!head.host || !names.is_own_host(*head.host))
    return reject(403, "forbidden-host",
                  "the API answers only requests addressed to this server (Host " +
                      (head.host ? quoted(*head.host) : std::string("missing")) +
                      "); a classroom server names its host with cplay serve --allow-host");
  if (head.origin && !names.is_own_origin(*head.origin))
    return reject(403, "forbidden-origin",
                  "the API answers only this server's own page (Origin " + quoted(*head.origin) + ")");
  if (head.fetch_site && *head.fetch_site != "same-origin" && *head.fetch_site != "none")
    return reject(403, "forbidden-origin",
                  "the API answers only this server's own page (Sec-Fetch-Site " + quoted(*head.fetch_site) + ")");

  const auto route = std::find_if(kRoutes.begin(), kRoutes.end(), [&](const Route& r) { return r.path == head.path; });
  if (route == kRoutes.end())
    return reject(404, "not-found", "no such API: " + quoted(head.path) + " (expected /api/run, /api/cancel, /api/start-methods, /api/queue, /api/deadlock, /api/semaphore, /api/async, /api/pool, /api/barrier, /api/monitor, /api/info, /api/payload)");
  if (head.method != route->method)
    return reject(405, "method-not-allowed",
                  std::string(route->path) + " takes " + std::string(route->method) + ", not " + quoted(head.method));
  if (head.method == "POST") {
    const std::string type = lower(head.content_type.value_or(""));
    if (trimmed(std::string_view(type).substr(0, type.find(';'))) != "application/json")
      return reject(415, "unsupported-media-type",
                    "POST " + std::string(route->path) + " takes Content-Type: application/json (got " +
                        (head.content_type ? quoted(*head.content_type) : std::string("none")) + ")");
  }
  return std::nullopt;
}

std::optional<ApiRejection> check_body_framing(const std::string& method, bool has_content_length,
                                               bool has_transfer_encoding) {
  const bool may_have_body = method != "GET" && method != "HEAD" && method != "OPTIONS";
  if (has_transfer_encoding || (may_have_body && !has_content_length))
    return reject(411, "length-required", "send the body with a Content-Length (chunked or unframed bodies are not taken)");
  return std::nullopt;
}

void check_allowed_host_name(const std::string& name) {
  const bool well_formed =
      !name.empty() && name.size() <= 253 && std::all_of(name.begin(), name.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') ||
               byte == '-' || byte == '.';
      });
  if (!well_formed)
    throw playground::ArgumentError("--allow-host takes a host name or IPv4 address without port, e.g. lab-pc.local (got " +
                                    quoted(name) + ")");
}

}  // namespace cplay

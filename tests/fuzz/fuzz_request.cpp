// libFuzzer target: the request parser, as `cplay serve` runs it on a POST /api/run body.
//   bytes -> playground::parse_request_text -> playground::parse_request (native and browser capabilities)
// Bad input must end as a json exception (from the parse) or playground::ArgumentError (from the
// validation), and every failure must become an error report that the server can serialize and
// a client can parse again. Anything else -- another exception type, a crash, a sanitizer
// report -- is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "finding.hpp"

#include "common/execute.hpp"
#include "playground/errors.hpp"
#include "playground/report_json.hpp"
#include "playground/request.hpp"

namespace {

using nlohmann::json;

[[noreturn]] void finding(std::string_view what, std::string_view detail) { report_finding("fuzz_request", what, detail); }

// A browser tab without Workers for processes: the other branches of the capability checks.
playground::Capabilities browser_capabilities() {
  playground::Capabilities caps;
  caps.max_threads = 4;
  caps.max_processes = 0;
  caps.start_methods = {playground::StartMethod::Worker};
  caps.processes_unavailable_reason = "no Workers in this page";
  return caps;
}

// The server's serialization of an error report (invalid UTF-8 in a message is replaced), which
// must not throw and must parse again.
void check_error_report(std::exception_ptr error, bool bad_request_expected) {
  const json report = playground::error_report_for(error);
  std::string text;
  try {
    text = report.dump(-1, ' ', false, json::error_handler_t::replace);
  } catch (const std::exception& e) {
    finding("the error report does not serialize", e.what());
  }
  try {
    const json again = json::parse(text);
    if (!again.at("error").at("code").is_string() || !again.at("error").at("message").is_string())
      finding("the error report lacks its code or message", text);
  } catch (const json::exception& e) {
    finding("the serialized error report does not parse", e.what());
  }
  if (bad_request_expected && !playground::is_bad_request(report))
    finding("bad input reported as a server failure (500)", text);
}

void check_request(const json& request, const playground::Capabilities& caps) {
  playground::Request parsed;
  try {
    parsed = playground::parse_request(request, caps);
  } catch (const playground::ArgumentError&) {
    check_error_report(std::current_exception(), true);
    return;
  } catch (const std::exception& e) {
    // A json::type_error here, say, would reach the client as a 500 "internal" error.
    check_error_report(std::current_exception(), false);
    finding("parse_request threw something other than ArgumentError", e.what());
  }
  // What a report echoes as its request must be accepted again and mean the same.
  const json echoed = playground::request_to_json(parsed);
  try {
    const json again = playground::request_to_json(playground::parse_request(echoed, caps));
    if (again != echoed) finding("the echoed request parses differently", echoed.dump() + " -> " + again.dump());
  } catch (const std::exception& e) {
    finding("the echoed request is rejected", echoed.dump() + ": " + e.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  json request;
  try {
    request = playground::parse_request_text(body);
  } catch (const json::exception&) {
    // parse_error, or out_of_range 406 for a number beyond a double (1e400): both bad input.
    check_error_report(std::current_exception(), true);
    return 0;
  } catch (const playground::ArgumentError&) {
    check_error_report(std::current_exception(), true);  // nested too deep
    return 0;
  } catch (const std::exception& e) {
    finding("parse_request_text threw something other than a json exception or ArgumentError", e.what());
  }
  check_request(request, cplay::native_capabilities());
  check_request(request, browser_capabilities());
  return 0;
}

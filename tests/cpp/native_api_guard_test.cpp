// Who may use the API: Host (DNS rebinding), Origin and Sec-Fetch-Site (drive-by pages),
// routes and methods, and JSON-only POSTs (no CORS-simple requests).
#include <gtest/gtest.h>

#include "server/api_guard.hpp"
#include "playground/errors.hpp"

namespace {

using cplay::ApiRequestHead;
using cplay::ServerNames;

ApiRequestHead post_run(std::string host = "127.0.0.1:8080") {
  ApiRequestHead head;
  head.method = "POST";
  head.path = "/api/run";
  head.host = std::move(host);
  head.origin = "http://127.0.0.1:8080";
  head.fetch_site = "same-origin";
  head.content_type = "application/json";
  return head;
}

int status_of(const ApiRequestHead& head, const ServerNames& names) {
  const auto rejection = cplay::check_api_request(head, names);
  return rejection ? rejection->status : 0;
}

const ServerNames kLoopback("127.0.0.1", 8080, {});

void expect_rejected(const ApiRequestHead& head, int status, const char* code, const std::string& label) {
  const auto rejection = cplay::check_api_request(head, kLoopback);
  ASSERT_TRUE(rejection) << label;
  EXPECT_EQ(rejection->status, status) << label;
  EXPECT_EQ(rejection->body["error"]["code"], code) << label;
}

TEST(ApiGuard, TheServersOwnPageMayAsk) {
  EXPECT_EQ(status_of(post_run(), kLoopback), 0);
  ApiRequestHead by_name = post_run("localhost:8080");
  by_name.origin = "http://LOCALHOST:8080";
  EXPECT_EQ(status_of(by_name, kLoopback), 0);
  ApiRequestHead with_charset = post_run();
  with_charset.content_type = "Application/JSON; charset=utf-8";
  EXPECT_EQ(status_of(with_charset, kLoopback), 0);
}

TEST(ApiGuard, AClientWithoutBrowserHeadersMayAsk) {
  ApiRequestHead curl = post_run();
  curl.origin.reset();
  curl.fetch_site.reset();
  EXPECT_EQ(status_of(curl, kLoopback), 0);
}

TEST(ApiGuard, ACrossSiteOriginIs403) {
  for (const char* origin : {"http://evil.example", "null", "http://127.0.0.1:8081", "https://127.0.0.1:8080",
                             "http://127.0.0.1:8080.evil.example"}) {
    ApiRequestHead head = post_run();
    head.origin = origin;
    expect_rejected(head, 403, "forbidden-origin", origin);
  }
}

TEST(ApiGuard, SecFetchSiteOtherThanSameOriginIs403) {
  for (const char* site : {"cross-site", "same-site"}) {
    ApiRequestHead head = post_run();
    head.origin.reset();
    head.fetch_site = site;
    EXPECT_EQ(status_of(head, kLoopback), 403) << site;
  }
}

TEST(ApiGuard, AnotherHostIs403DnsRebinding) {
  for (const char* host : {"evil.example:8080", "127.0.0.1:9999", "127.0.0.1", ""}) {
    expect_rejected(post_run(host), 403, "forbidden-host", host);
  }
  ApiRequestHead missing = post_run();
  missing.host.reset();
  EXPECT_EQ(status_of(missing, kLoopback), 403);
}

TEST(ApiGuard, AllowedHostsAndWildcardBinds) {
  const ServerNames classroom("0.0.0.0", 8080, {"Lab-PC.local"});
  ApiRequestHead head = post_run("lab-pc.local:8080");
  head.origin = "http://lab-pc.local:8080";
  EXPECT_EQ(status_of(head, classroom), 0);
  EXPECT_EQ(status_of(post_run("127.0.0.1:8080"), classroom), 0);
  EXPECT_EQ(status_of(post_run("192.168.1.5:8080"), classroom), 403) << "an address not named by --allow-host";

  const ServerNames ipv6("::1", 80, {});
  ApiRequestHead bracketed = post_run("[::1]");
  bracketed.origin = "http://[::1]";
  EXPECT_EQ(status_of(bracketed, ipv6), 0) << "port 80 may be left out";
}

TEST(ApiGuard, OnlyJsonPostsAreTaken) {
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                           "application/jsonx", ""}) {
    ApiRequestHead head = post_run();
    head.content_type = type;
    expect_rejected(head, 415, "unsupported-media-type", type);
  }
  ApiRequestHead none = post_run();
  none.content_type.reset();
  EXPECT_EQ(status_of(none, kLoopback), 415);
}

TEST(ApiGuard, UnknownPathsAre404AndWrongMethods405) {
  ApiRequestHead head = post_run();
  head.path = "/api/nothing";
  EXPECT_EQ(status_of(head, kLoopback), 404);
  head.path = "/api/run";
  head.method = "GET";
  EXPECT_EQ(status_of(head, kLoopback), 405);
  head.path = "/api/info";
  head.content_type.reset();
  EXPECT_EQ(status_of(head, kLoopback), 0);
}

TEST(ApiGuard, HeaderBytesAreQuotedSafely) {
  ApiRequestHead head = post_run("\xff\x01" + std::string(500, 'x'));
  const auto rejection = cplay::check_api_request(head, kLoopback);
  ASSERT_TRUE(rejection);
  const std::string message = rejection->body["error"]["message"];
  EXPECT_LT(message.size(), 300u);
  EXPECT_EQ(message.find('\xff'), std::string::npos);
  EXPECT_NO_THROW((void)rejection->body.dump());
}

TEST(ApiGuard, AllowHostNamesAreChecked) {
  EXPECT_NO_THROW(cplay::check_allowed_host_name("lab-pc.local"));
  EXPECT_NO_THROW(cplay::check_allowed_host_name("10.0.0.7"));
  for (const char* bad : {"", "host:80", "a b", "http://x"})
    EXPECT_THROW(cplay::check_allowed_host_name(bad), playground::ArgumentError) << bad;
}

TEST(BodyFraming, EveryBodyStatesItsLength) {
  const auto status = [](const char* method, bool length, bool chunked) {
    const auto rejection = cplay::check_body_framing(method, length, chunked);
    return rejection ? rejection->status : 0;
  };
  EXPECT_EQ(status("POST", true, false), 0);
  EXPECT_EQ(status("GET", false, false), 0);
  EXPECT_EQ(status("POST", false, true), 411) << "a chunked body would be read whole, uncapped";
  EXPECT_EQ(status("GET", false, true), 411);
  EXPECT_EQ(status("PUT", false, false), 411) << "an unframed body is read until the peer closes";
}

}  // namespace

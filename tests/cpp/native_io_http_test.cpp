// io --source http natively: real loopback sockets. Every mode fetches each task's body once and
// exactly (bytes and content), the CLI runs alone (its own payload server, stopped at the end)
// and names bad ranges; the payload endpoint refuses out-of-range queries, foreign pages and
// more concurrent requests than its gate admits.
#include <array>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <filesystem>

#include <gtest/gtest.h>
#include <httplib.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "common/execute.hpp"
#include "io_http/loopback_fetch.hpp"
#include "io_http/loopback_server.hpp"
#include "io_http/payload_endpoint.hpp"
#include "native_support.hpp"
#include "playground/errors.hpp"
#include "playground/report_json.hpp"

namespace {

using nlohmann::json;

json http_request(const std::string& mode, std::uint64_t tasks, std::uint64_t bytes) {
  return {{"demo", "io"}, {"mode", mode}, {"params", {{"tasks", tasks}, {"latency_ms", 5}, {"source", "http"}, {"bytes", bytes}}}};
}

void expect_every_body_exact(const json& report, std::uint64_t tasks, std::uint64_t bytes, const std::string& what) {
  const json& result = report.at("result");
  EXPECT_EQ(result.at("completed"), tasks) << what;
  EXPECT_EQ(result.at("total_bytes"), tasks * bytes) << what;
  EXPECT_EQ(result.at("intact"), true) << what;
  ASSERT_EQ(result.at("fetches").size(), tasks) << what;
  for (std::uint64_t i = 0; i < tasks; ++i) {
    const json& fetch = result.at("fetches").at(i);
    EXPECT_EQ(fetch.at("task"), i) << what;
    EXPECT_EQ(fetch.at("bytes"), bytes) << what;
    EXPECT_EQ(fetch.at("intact"), true) << what;
    EXPECT_LE(fetch.at("start_ms").get<double>(), fetch.at("first_byte_ms").get<double>()) << what;
    EXPECT_LE(fetch.at("first_byte_ms").get<double>(), fetch.at("end_ms").get<double>()) << what;
  }
}

TEST(IoHttp, EveryModeReceivesEachBodyExactly) {
  // 70000 bytes: more than one read, so the body arrives in pieces.
  for (const char* mode : {"sequential", "threads", "gil-threads", "async", "processes"}) {
    const playground::Report report = cplay::execute(cplay::parse_native_request(http_request(mode, 3, 70'000)));
    expect_every_body_exact(playground::report_to_json(report), 3, 70'000, mode);
  }
  cplay::testing::expect_no_children_left();
}

TEST(IoHttp, AnEmptyBodyIsExactToo) {
  const playground::Report report = cplay::execute(cplay::parse_native_request(http_request("async", 2, 0)));
  expect_every_body_exact(playground::report_to_json(report), 2, 0, "async, 0 bytes");
}

TEST(IoHttp, TheCliRunsAloneInEveryModeAndStartMethod) {
  for (const std::string mode : {"sequential", "threads", "gil-threads", "async", "processes --start-method fork",
                                 "processes --start-method spawn"}) {
    const auto outcome =
        cplay::testing::run_cplay("io --source http --tasks 2 --latency-ms 5 --bytes 4096 --json --mode " + mode);
    ASSERT_EQ(outcome.exit_code, 0) << mode << ": " << outcome.out;
    expect_every_body_exact(json::parse(outcome.out), 2, 4096, mode);
  }
}

TEST(IoHttp, TheCliPrintsEachTasksBytesAndTimes) {
  const auto outcome = cplay::testing::run_cplay("io --source http --tasks 2 --latency-ms 5 --bytes 100 --mode async");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.out;
  EXPECT_NE(outcome.out.find("2 of 2 tasks completed, 200 bytes received in all, every body exact and intact"),
            std::string::npos)
      << outcome.out;
  EXPECT_NE(outcome.out.find("first byte ms"), std::string::npos) << outcome.out;
}

TEST(IoHttp, TheCliNamesBadRanges) {
  const auto big = cplay::testing::run_cplay("io --source http --bytes 2000000");
  EXPECT_EQ(big.exit_code, 2);
  EXPECT_NE(big.out.find("--bytes must be an integer from 0 to 1048576 (got 2000000)"), std::string::npos) << big.out;
  const auto many = cplay::testing::run_cplay("io --source http --tasks 100 --latency-ms 1");
  EXPECT_EQ(many.exit_code, 2);
  EXPECT_NE(many.out.find("--tasks must be an integer from 1 to 64 with --source http (got 100)"), std::string::npos) << many.out;
  const auto stray = cplay::testing::run_cplay("io --bytes 10");
  EXPECT_EQ(stray.exit_code, 2);
  EXPECT_NE(stray.out.find("--bytes applies only to --source http"), std::string::npos) << stray.out;
}

TEST(IoHttp, ACancelledRunStopsItsFetchesAndItsServer) {
  std::atomic<bool> cancel{false};
  std::thread canceller([&cancel] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    cancel.store(true);
  });
  cplay::ExecuteOptions options;
  options.cancel = &cancel;
  json request = http_request("threads", 2, 10);
  request["params"]["latency_ms"] = 60'000;
  EXPECT_THROW(cplay::execute(cplay::parse_native_request(request), options), playground::RunError);
  canceller.join();
}

std::size_t threads_of(pid_t pid) {
  std::error_code error;
  std::size_t count = 0;
  for (auto it = std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", error);
       !error && it != std::filesystem::directory_iterator(); it.increment(error))
    ++count;
  return count;
}

TEST(IoHttp, ProcessesModeForksFromASingleThreadedParent) {
  // A child forked from a multithreaded parent inherits locks in unknown states: the payload
  // server's threads must live in a process of their own, never in the parent that forks.
  const std::string executable = CPLAY_EXECUTABLE;
  std::vector<std::string> args = {executable, "io",  "--source", "http",          "--mode", "processes",
                                   "--tasks",  "2",   "--latency-ms", "1500", "--start-method", "fork"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t cplay = 0;
  ASSERT_EQ(::posix_spawn(&cplay, executable.c_str(), nullptr, nullptr, argv.data(), environ), 0);
  // Wait until the server and both workers are there, then look at every process of the run.
  std::vector<pid_t> children;
  for (int i = 0; i < 400 && children.size() < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    children = cplay::testing::children_of(cplay);
  }
  ASSERT_EQ(children.size(), 3u) << "the payload server and two workers";
  EXPECT_EQ(threads_of(cplay), 1u) << "the parent that forks has one thread";
  std::size_t multithreaded = 0;
  for (pid_t child : children) multithreaded += threads_of(child) > 1 ? 1 : 0;
  EXPECT_GE(multithreaded, 1u) << "the payload server's process holds its threads";
  int status = 0;
  ASSERT_EQ(::waitpid(cplay, &status, 0), cplay);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_TRUE(cplay::testing::children_of(cplay).empty());
}

// ---- the payload endpoint ----

TEST(PayloadEndpoint, QueryRangesAreTheCatalogs) {
  EXPECT_EQ(cplay::parse_payload_query("0", "1048576").bytes, 1048576u);
  const auto message = [](std::optional<std::string> latency, std::optional<std::string> bytes) {
    try {
      cplay::parse_payload_query(latency, bytes);
    } catch (const playground::ArgumentError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("60001", "1"), "latency_ms must be an integer from 0 to 60000 (got 60001)");
  EXPECT_EQ(message("1", "1048577"), "bytes must be an integer from 0 to 1048576 (got 1048577)");
  EXPECT_EQ(message("1", "-1"), "bytes must be an integer from 0 to 1048576 (got '-1')");
  EXPECT_EQ(message(std::nullopt, "1"), "latency_ms is required: an integer from 0 to 60000");
}

TEST(PayloadEndpoint, TheGateAdmitsItsLimitAndNoMore) {
  cplay::PayloadGate gate(2);
  EXPECT_TRUE(gate.try_enter());
  EXPECT_TRUE(gate.try_enter());
  EXPECT_FALSE(gate.try_enter());
  gate.leave();
  EXPECT_TRUE(gate.try_enter());
}

TEST(PayloadEndpoint, TheLoopbackServerAnswersRefusesAndBoundsConcurrency) {
  cplay::LoopbackPayloadServer server(1);
  httplib::Client client("127.0.0.1", server.port());
  const auto good = client.Get("/api/payload?latency_ms=0&bytes=30");
  ASSERT_TRUE(good);
  EXPECT_EQ(good->status, 200);
  EXPECT_EQ(good->body, "abcdefghijklmnopqrstuvwxyzabcd");
  const auto bad = client.Get("/api/payload?latency_ms=0&bytes=2000000");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("bytes must be an integer from 0 to 1048576"), std::string::npos) << bad->body;
  const auto extra = client.Get("/api/payload?latency_ms=0&bytes=1&url=http://elsewhere");
  ASSERT_TRUE(extra);
  EXPECT_EQ(extra->status, 400);
  const auto foreign = client.Get("/api/payload?latency_ms=0&bytes=1", {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
  const auto other_host = client.Get("/api/payload?latency_ms=0&bytes=1", {{"Host", "evil.example"}});
  ASSERT_TRUE(other_host);
  EXPECT_EQ(other_host->status, 403);

  // One slow request holds the only place; a second at the same time is told the server is busy.
  cplay::LoopbackHttpBackend backend(server.port());
  auto slow = backend.start(2'000, 10);
  std::array<playground::FdWait, 1> wait{{{slow->fd(), false, false}}};
  for (int i = 0; i < 50 && slow->advance() != playground::PendingFetch::Want::Read; ++i) backend.poll(wait, 20);
  for (int i = 0; i < 500 && server.answering() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(server.answering(), 1u);
  httplib::Client second("127.0.0.1", server.port());
  const auto busy = second.Get("/api/payload?latency_ms=0&bytes=1");
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 429);
  EXPECT_NE(busy->body.find("at most 1 payload requests"), std::string::npos) << busy->body;
}

TEST(PayloadEndpoint, AFetchOfAWrongServerIsARunError) {
  cplay::LoopbackPayloadServer server(1);
  cplay::LoopbackHttpBackend backend(server.port());
  // bytes past the endpoint's range: the server answers 400, which the client reports.
  EXPECT_THROW(backend.fetch(0, 2'000'000, [] { return false; }), playground::RunError);
}

}  // namespace

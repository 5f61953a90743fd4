// io --source http as the core sees it: the request's new inputs and their bounds, the refusal
// where a runtime has no HTTP, and every mode handing its fetches to an injected IoBackend (a
// fake here: the core suite also runs in WebAssembly, where there are no sockets) and reporting
// each task's bytes and times.
#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core_support.hpp"
#include "playground/event_loop.hpp"
#include "playground/io_backend.hpp"
#include "playground/platform.hpp"

namespace playground::testing {
namespace {

json http_request(const std::string& mode, std::uint64_t tasks, std::uint64_t bytes) {
  return {{"demo", "io"}, {"mode", mode}, {"params", {{"tasks", tasks}, {"latency_ms", 1}, {"source", "http"}, {"bytes", bytes}}}};
}

// A fetch that needs `steps` readiness waits (alternating write, read) and then "receives"
// `bytes` bytes, or one byte fewer when `short_by_one`.
class FakeFetch final : public PendingFetch {
 public:
  FakeFetch(std::uint64_t bytes, int steps, bool short_by_one, int fd)
      : bytes_(short_by_one && bytes > 0 ? bytes - 1 : bytes), steps_(steps), fd_(fd) {
    outcome_.start_ms = now_ms();
  }
  Want advance() override {
    if (steps_ > 0) return --steps_ % 2 == 1 ? Want::Write : Want::Read;
    outcome_.first_byte_ms = outcome_.end_ms = now_ms();
    outcome_.bytes = bytes_;
    outcome_.intact = true;
    return Want::Done;
  }
  int fd() const override { return fd_; }
  FetchOutcome outcome() const override { return outcome_; }
  double deadline_ms() const override { return std::numeric_limits<double>::infinity(); }

 private:
  std::uint64_t bytes_;
  int steps_;
  int fd_;
  FetchOutcome outcome_;
};

class FakeBackend final : public IoBackend {
 public:
  explicit FakeBackend(bool short_by_one = false) : short_by_one_(short_by_one) {}
  FetchOutcome fetch(std::uint64_t, std::uint64_t bytes, const std::function<bool()>&) override {
    fetches.fetch_add(1);
    FakeFetch fake(bytes, 0, short_by_one_, -1);
    fake.advance();
    return fake.outcome();
  }
  std::unique_ptr<PendingFetch> start(std::uint64_t, std::uint64_t bytes) override {
    fetches.fetch_add(1);
    return std::make_unique<FakeFetch>(bytes, 3, short_by_one_, next_fd_++);
  }
  void poll(std::span<FdWait> waits, double) override {
    polls.fetch_add(1);
    for (auto& wait : waits) wait.ready = true;
  }
  std::atomic<int> fetches{0};
  std::atomic<int> polls{0};

 private:
  bool short_by_one_;
  int next_fd_ = 100;
};

TEST(IoSource, SleepIsTheDefaultAndItsHeadIsUnchanged) {
  const Request request = parse_request({{"demo", "io"}});
  EXPECT_EQ(request.params.source, WaitSource::Sleep);
  EXPECT_EQ(params_to_json(request), (json{{"tasks", 3}, {"latency_ms", 1'000}}));
  const Request http = parse_request(http_request("threads", 2, 10));
  EXPECT_EQ(params_to_json(http), (json{{"tasks", 2}, {"latency_ms", 1}, {"source", "http"}, {"bytes", 10}}));
  EXPECT_EQ(parse_request(request_to_json(http)).params.bytes, 10u);  // a head parses back to itself
}

TEST(IoSource, BadInputsNameTheirFlagAndRange) {
  const auto message = [](const json& request) {
    try {
      parse_request(request);
    } catch (const ArgumentError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message(http_request("threads", 2, 1024 * 1024 + 1)), "--bytes must be an integer from 0 to 1048576 (got 1048577)");
  EXPECT_EQ(message(http_request("threads", 65, 1)), "--tasks must be an integer from 1 to 64 with --source http (got 65)");
  EXPECT_EQ(message({{"demo", "io"}, {"params", {{"source", "ftp"}}}}), "--source must be one of sleep|http (got 'ftp')");
  EXPECT_EQ(message({{"demo", "io"}, {"params", {{"bytes", 5}}}}), "--bytes applies only to --source http (a sleep has no body)");
  EXPECT_EQ(message(http_request("threads", 64, 1024 * 1024)), "accepted");
}

TEST(IoSource, ARuntimeWithoutHttpRefusesItWithItsReason) {
  Capabilities caps;
  caps.http_unavailable_reason = "needs the native cplay";
  try {
    parse_request(http_request("async", 2, 1), caps);
    FAIL() << "accepted";
  } catch (const ArgumentError& e) {
    EXPECT_EQ(std::string(e.what()), "--source http: needs the native cplay");
  }
  EXPECT_NO_THROW(parse_request({{"demo", "io"}, {"params", {{"source", "sleep"}}}}, caps));
}

TEST(IoSource, ARunWithoutABackendIsARunError) {
  EXPECT_THROW(run(parse_request(http_request("threads", 1, 1))), RunError);
}

TEST(IoSource, EveryInProcessModeFetchesEachTaskOnceAndReportsItsBytes) {
  for (const std::string& mode : in_process_modes()) {
    FakeBackend backend;
    RunHooks hooks;
    hooks.io = &backend;
    const Report report = run(parse_request(http_request(mode, 4, 300)), hooks);
    const auto& io = std::get<IoResult>(report.result);
    EXPECT_EQ(io.completed, 4u) << mode;
    EXPECT_EQ(backend.fetches.load(), 4) << mode;
    ASSERT_TRUE(io.fetches) << mode;
    ASSERT_EQ(io.fetches->size(), 4u) << mode;
    for (std::size_t i = 0; i < 4; ++i) {
      EXPECT_EQ((*io.fetches)[i].task, i) << mode;
      EXPECT_EQ((*io.fetches)[i].bytes, 300u) << mode;
      EXPECT_LE((*io.fetches)[i].start_ms, (*io.fetches)[i].end_ms) << mode;
    }
    EXPECT_EQ(io.total_bytes, 1200u) << mode;
    EXPECT_EQ(io.intact, true) << mode;
    // The async mode waits on its (fake) sockets through the backend's poll.
    if (mode == "async") EXPECT_GT(backend.polls.load(), 0);
    else EXPECT_EQ(backend.polls.load(), 0) << mode;
  }
}

TEST(IoSource, AShortBodyIsReportedNotIntact) {
  FakeBackend backend(/*short_by_one=*/true);
  RunHooks hooks;
  hooks.io = &backend;
  const Report report = run(parse_request(http_request("threads", 2, 50)), hooks);
  const auto& io = std::get<IoResult>(report.result);
  EXPECT_EQ(io.total_bytes, 98u);
  EXPECT_EQ(io.intact, false);
  EXPECT_FALSE(io.fetches->at(0).intact);
}

TEST(IoSource, ShardsCarryTheirFetchesToTheAssembledReport) {
  const Request request = parse_request(http_request("processes", 3, 7));
  FakeBackend backend;
  RunHooks hooks;
  hooks.io = &backend;
  std::vector<ShardOutcome> shards;
  for (std::uint64_t shard = 0; shard < 2; ++shard) {
    ShardOutcome outcome = run_shard(request, shard, 2, now_ms(), hooks);
    // Through JSON, as a child's message travels.
    json partial;
    to_json(partial, std::get<IoPartial>(outcome.partial));
    outcome.partial = partial.get<IoPartial>();
    shards.push_back(outcome);
  }
  const Report report = assemble_shards(request, shards, 1.0);
  const auto& io = std::get<IoResult>(report.result);
  EXPECT_EQ(io.completed, 3u);
  ASSERT_EQ(io.fetches->size(), 3u);
  EXPECT_EQ(io.fetches->at(2).task, 2u);
  EXPECT_EQ(io.total_bytes, 21u);
  EXPECT_EQ(io.intact, true);
  // A sleeping run's report has none of it.
  const Report sleeping = run(parse_request({{"demo", "io"}, {"params", {{"tasks", 1}, {"latency_ms", 0}}}}));
  EXPECT_FALSE(std::get<IoResult>(sleeping.result).fetches);
  EXPECT_FALSE(report_to_json(sleeping).at("result").contains("total_bytes"));
}

TEST(EventLoopReadiness, ACoroutineResumesOnlyWhenThePollerSaysItsDescriptorIsReady) {
  EventLoop loop;
  int polls = 0;
  loop.set_poller([&polls](std::span<FdWait> waits, double) {
    ++polls;
    for (auto& wait : waits) wait.ready = polls >= 3 && wait.fd == 7 && !wait.write;
  });
  bool resumed = false;
  auto waiter = [](EventLoop& l, bool& done) -> Task {
    co_await l.readiness(7, false);
    done = true;
  };
  loop.spawn(waiter(loop, resumed));
  loop.run();
  EXPECT_TRUE(resumed);
  EXPECT_EQ(polls, 3);
}

TEST(EventLoopReadiness, ASilentDescriptorResumesItsCoroutineAtItsDueTime) {
  // The poller never reports the descriptor ready, as with a server that accepts and never
  // answers: the wait must still end once its due time has passed, so the fetch can give up.
  EventLoop loop;
  loop.set_poller([](std::span<FdWait> waits, double) {
    for (auto& wait : waits) wait.ready = false;
  });
  double resumed_at = -1;
  const double due = now_ms() + 30;
  auto waiter = [](EventLoop& l, double due_ms, double& at) -> Task {
    co_await l.readiness(5, false, due_ms);
    at = now_ms();
  };
  loop.spawn(waiter(loop, due, resumed_at));
  loop.run();
  EXPECT_GE(resumed_at, due) << "resumed before its due time though the descriptor never became ready";
}

TEST(EventLoopReadiness, WithoutAPollerAWaitIsALogicError) {
  EventLoop loop;
  auto waiter = [](EventLoop& l) -> Task { co_await l.readiness(3, true); };
  loop.spawn(waiter(loop));
  EXPECT_THROW(loop.run(), std::logic_error);
}

}  // namespace
}  // namespace playground::testing

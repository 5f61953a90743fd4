// `cplay queue` as a user runs it: bad flags exit 2 naming the range, --json is one report, and
// join-then-get with a result bigger than the pipe exits 1 with the deadlock named.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace {

using cplay::testing::Outcome;
using cplay::testing::run_cplay;

TEST(QueueCli, RefusesBadFlagsWithExitTwoAndTheRange) {
  const struct {
    const char* args;
    const char* message;
  } cases[] = {
      {"queue --producers 0", "--producers must be an integer from 1 to 16 (got 0)"},
      {"queue --capacity many", "--capacity must be an integer from 1 to 1000 (got 'many')"},
      {"queue --message-bytes 5000", "--message-bytes must be an integer from 1 to 4000 (got 5000)"},
      {"queue --mode async", "--mode must be threads or processes (got 'async')"},
      {"queue --order sideways", "--order must be get-then-join|join-then-get (got 'sideways')"},
      {"queue --mode processes --consumers 2", "--consumers must be 1 in processes mode"},
      {"queue --grace-ms 10", "--grace-ms must be an integer from 50 to 5000 (got 10)"},
  };
  for (const auto& c : cases) {
    const Outcome outcome = run_cplay(c.args);
    EXPECT_EQ(outcome.exit_code, 2) << c.args << ": " << outcome.out;
    EXPECT_NE(outcome.out.find(c.message), std::string::npos) << c.args << ": " << outcome.out;
    EXPECT_EQ(outcome.out.find("sent "), std::string::npos) << "nothing ran: " << outcome.out;
  }
}

TEST(QueueCli, JsonIsOneReportOfThreads) {
  const Outcome outcome = run_cplay("queue --producers 2 --consumers 2 --messages 20 --consume-ms 0 --json");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.out;
  ASSERT_EQ(outcome.out.find('\n'), outcome.out.size() - 1) << "one line: " << outcome.out;
  const auto report = nlohmann::json::parse(outcome.out);
  EXPECT_EQ(report.at("experiment"), "queue");
  EXPECT_EQ(report.at("request").at("mode"), "threads");
  EXPECT_EQ(report.at("result").at("messages_received"), 40);
  EXPECT_TRUE(report.at("result").at("exactly_once").get<bool>());
  EXPECT_EQ(report.at("roles").size(), 4u);
  EXPECT_EQ(report.at("spans").size(), 4u);
}

TEST(QueueCli, GetThenJoinCompletesAndJoinThenGetExitsOneWithTheDeadlock) {
  const Outcome good = run_cplay("queue --mode processes --messages 5 --json");
  ASSERT_EQ(good.exit_code, 0) << good.out;
  const auto report = nlohmann::json::parse(good.out);
  EXPECT_EQ(report.at("handoff").at("outcome"), "completed");
  EXPECT_EQ(report.at("handoff").at("bytes_received"), 200000);

  const Outcome hang = run_cplay("queue --mode processes --messages 5 --order join-then-get --grace-ms 100");
  EXPECT_EQ(hang.exit_code, 1) << hang.out;
  EXPECT_NE(hang.out.find("cplay: deadlock: the child (pid "), std::string::npos) << hang.out;
  EXPECT_NE(hang.out.find("waits for the pipe, the parent waits for the child"), std::string::npos) << hang.out;
  EXPECT_NE(hang.out.find("it was killed and reaped"), std::string::npos) << hang.out;
}

}  // namespace

// The queue experiment's processes side: messages cross a real pipe exactly once, and the
// hand-off of one result completes when read first and is caught as a deadlock when joined first.
#include <gtest/gtest.h>

#include <cerrno>

#include <sys/wait.h>

#include "playground/queue_json.hpp"
#include "queue/queue_handoff.hpp"
#include "queue/queue_processes.hpp"

namespace {

using playground::QueueOrder;

playground::QueueRequest processes_request(nlohmann::json body) {
  body["mode"] = "processes";
  return playground::parse_queue_request(body);
}

TEST(QueueProcesses, EveryMessageCrossesThePipeExactlyOnce) {
  const auto request = processes_request({{"producers", 3}, {"messages", 40}, {"message_bytes", 500}, {"consume_ms", 0}});
  const cplay::QueueProcessesStream run = cplay::run_queue_processes_stream(request);
  const auto& result = run.stream;
  EXPECT_EQ(result.messages_sent, 120u);
  EXPECT_EQ(result.messages_received, 120u);
  EXPECT_EQ(result.bytes_received, 120u * 500);
  EXPECT_TRUE(result.exactly_once);
  EXPECT_EQ(result.checksum_sent, result.checksum_received);
  EXPECT_EQ(run.pipe.frame_bytes, 4u + 8 + 500);
  EXPECT_GE(run.pipe.capacity_bytes, run.pipe.requested_bytes) << "the kernel rounds up, never down";
  ASSERT_EQ(result.spans.size(), 4u);
  for (std::size_t p = 0; p < 3; ++p) EXPECT_NE(result.spans[p].pid, result.spans[3].pid) << "producers are processes";
}

TEST(QueueProcesses, ASlowReaderMakesProducersWaitOnAFullPipe) {
  // 40 frames of 4012 bytes cannot fit in the smallest pipe (one page) while the parent pauses.
  const auto request = processes_request(
      {{"producers", 1}, {"messages", 40}, {"message_bytes", 4000}, {"capacity", 1}, {"consume_ms", 1}});
  const auto run = cplay::run_queue_processes_stream(request);
  EXPECT_TRUE(run.stream.exactly_once);
  EXPECT_GE(run.stream.roles.at(0).waits, 1u);
  bool producer_event = false;
  for (const auto& event : run.stream.events) producer_event = producer_event || event.worker == 0;
  EXPECT_TRUE(producer_event) << "the waits are on the timeline";
}

TEST(QueueHandoff, ReadingFirstCompletesWhateverTheSize) {
  const cplay::HandoffOutcome outcome = cplay::run_handoff(QueueOrder::GetThenJoin, 300'000, 300);
  EXPECT_FALSE(outcome.deadlock);
  EXPECT_EQ(outcome.bytes_received, 300'000u);
  EXPECT_TRUE(outcome.result_intact);
  EXPECT_EQ(outcome.child_end, "exited with code 0");
}

TEST(QueueHandoff, JoiningFirstCompletesWhenTheResultFitsThePipe) {
  const cplay::HandoffOutcome outcome = cplay::run_handoff(QueueOrder::JoinThenGet, 1000, 2000);
  EXPECT_FALSE(outcome.deadlock);
  EXPECT_TRUE(outcome.result_intact);
}

TEST(QueueHandoff, JoiningFirstWithAResultLargerThanThePipeIsADeadlockThatIsCleanedUp) {
  const cplay::HandoffOutcome outcome = cplay::run_handoff(QueueOrder::JoinThenGet, 200'000, 100);
  ASSERT_TRUE(outcome.deadlock);
  EXPECT_GT(outcome.frame_bytes, outcome.pipe_capacity_bytes);
  EXPECT_EQ(outcome.bytes_in_pipe, outcome.pipe_capacity_bytes) << "the child filled the pipe and stopped";
  EXPECT_GE(outcome.child_alive_after_ms, 100.0);
  EXPECT_EQ(outcome.child_end, "killed by SIGKILL (sent by the parent)");
  // Reaped: neither running nor a zombie, so no longer a child to wait for.
  errno = 0;
  EXPECT_EQ(::waitpid(static_cast<pid_t>(outcome.child_pid), nullptr, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
  const std::string message = cplay::describe_deadlock(outcome);
  EXPECT_NE(message.find("the child (pid " + std::to_string(outcome.child_pid) + ") waits for the pipe, the parent "
                         "waits for the child"), std::string::npos) << message;
}

}  // namespace

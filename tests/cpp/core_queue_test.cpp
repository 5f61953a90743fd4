// The queue experiment's threads side: the bounded queue blocks a producer when full and a
// consumer when empty, every message arrives exactly once, and bad input names its range.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "playground/errors.hpp"
#include "playground/queue.hpp"
#include "playground/queue_json.hpp"
#include "eventually.hpp"

namespace {

using namespace playground;
using playground::testing::eventually;

TEST(BoundedQueue, HandsMessagesOutInOrderAndDrainsAfterClose) {
  BoundedQueue queue(3);
  std::optional<QueueWait> wait;
  for (std::uint64_t i = 0; i < 3; ++i) ASSERT_TRUE(queue.push({0, i, "x"}, wait));
  EXPECT_FALSE(wait) << "room was there: no wait";
  queue.close();
  EXPECT_FALSE(queue.push({0, 9, "late"}, wait)) << "a closed queue refuses";
  for (std::uint64_t i = 0; i < 3; ++i) {
    const auto message = queue.pop(wait);
    ASSERT_TRUE(message);
    EXPECT_EQ(message->sequence, i);
  }
  EXPECT_FALSE(queue.pop(wait)) << "closed and drained";
  EXPECT_EQ(queue.max_depth(), 3u);
}

TEST(BoundedQueue, AFullQueueHoldsItsProducerUntilAConsumerTakesOne) {
  BoundedQueue queue(1);
  std::optional<QueueWait> first_wait;
  ASSERT_TRUE(queue.push({0, 0, "a"}, first_wait));
  std::atomic<bool> second_in{false};
  std::optional<QueueWait> producer_wait;
  std::thread producer([&] {
    queue.push({0, 1, "b"}, producer_wait);
    second_in = true;
  });
  // The producer cannot finish while the one slot is taken; it must finish once it is freed.
  // (No duration is asserted: only that the push waited and that it completed after the pop.)
  ASSERT_TRUE(eventually([&] { return queue.producers_waiting() == 1; })) << "the producer never blocked";
  EXPECT_FALSE(second_in.load());
  std::optional<QueueWait> consumer_wait;
  EXPECT_EQ(queue.pop(consumer_wait)->sequence, 0u);
  producer.join();
  EXPECT_TRUE(second_in.load());
  ASSERT_TRUE(producer_wait) << "the push had to wait";
  EXPECT_LE(producer_wait->start_ms, producer_wait->end_ms);
  EXPECT_EQ(queue.max_depth(), 1u) << "never above capacity";
}

TEST(BoundedQueue, CloseWakesABlockedConsumer) {
  BoundedQueue queue(2);
  std::optional<QueueWait> wait;
  std::thread consumer([&] { EXPECT_FALSE(queue.pop(wait)); });
  ASSERT_TRUE(eventually([&] { return queue.consumers_waiting() == 1; })) << "the consumer never blocked";
  queue.close();
  consumer.join();
}

TEST(QueueThreads, EveryMessageArrivesExactlyOnce) {
  // 4 threads: the wasm suite's pthread pool (a thread beyond it would never start).
  QueueOptions options;
  options.producers = 2;
  options.consumers = 2;
  options.capacity = 2;
  options.messages = 200;
  options.message_bytes = 33;
  options.consume_ms = 0;
  const QueueStreamResult result = run_queue_threads(options);
  EXPECT_EQ(result.messages_sent, 400u);
  EXPECT_EQ(result.messages_received, 400u);
  EXPECT_EQ(result.bytes_received, 400u * 33);
  EXPECT_EQ(result.missing, 0u);
  EXPECT_EQ(result.duplicates, 0u);
  EXPECT_EQ(result.checksum_sent, result.checksum_received);
  EXPECT_TRUE(result.exactly_once);
  EXPECT_LE(result.max_depth, 2u);
  EXPECT_GE(result.max_depth, 1u);
  ASSERT_EQ(result.roles.size(), 4u);
  ASSERT_EQ(result.spans.size(), 4u);
  std::uint64_t taken = 0;
  for (std::size_t w = 2; w < 4; ++w) taken += result.roles[w].messages;
  EXPECT_EQ(taken, 400u);
  for (const Event& event : result.events) {
    EXPECT_EQ(event.state, WorkerState::Waiting);
    EXPECT_LE(event.start_ms, event.end_ms);
    EXPECT_LT(event.worker, 4u);
  }
}

TEST(QueueThreads, ASlowConsumerMakesTheProducerWaitOnAFullQueue) {
  QueueOptions options;
  options.producers = 1;
  options.consumers = 1;
  options.capacity = 1;
  options.messages = 6;
  options.consume_ms = 2;
  const QueueStreamResult result = run_queue_threads(options);
  EXPECT_TRUE(result.exactly_once);
  // With one slot and a consumer that pauses after each message, the producer must block on a
  // full queue at least once; the waits are in the timeline as the producer's (worker 0) events.
  EXPECT_GE(result.roles[0].waits, 1u);
  bool producer_waited = false;
  for (const Event& event : result.events) producer_waited = producer_waited || event.worker == 0;
  EXPECT_TRUE(producer_waited);
}

TEST(QueueThreads, ChecksumsTellMessagesApart) {
  EXPECT_NE(queue_message_checksum({0, 1, "a"}), queue_message_checksum({1, 0, "a"}));
  EXPECT_NE(queue_message_checksum({0, 1, "a"}), queue_message_checksum({0, 1, "b"}));
  EXPECT_EQ(queue_payload(2, 7, 10), "p2 m7 p2 m");
}

TEST(QueueRequest, RefusesValuesOutsideTheirRangeNamingTheFlag) {
  const auto message_for = [](const nlohmann::json& body) {
    try {
      parse_queue_request(body);
    } catch (const ArgumentError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message_for({{"producers", 0}}), "--producers must be an integer from 1 to 16 (got 0)");
  EXPECT_EQ(message_for({{"capacity", "lots"}}), "--capacity must be an integer from 1 to 1000 (got 'lots')");
  EXPECT_EQ(message_for({{"message_bytes", 4001}}), "--message-bytes must be an integer from 1 to 4000 (got 4001)");
  EXPECT_EQ(message_for({{"mode", "async"}}), "--mode must be threads or processes (got 'async')");
  EXPECT_EQ(message_for({{"order", "sideways"}}), "--order must be get-then-join|join-then-get (got 'sideways')");
  EXPECT_NE(message_for({{"speed", 1}}).find("unknown field 'speed'"), std::string::npos);
  EXPECT_NE(message_for({{"producers", 16}, {"messages", 10000}, {"consume_ms", 1}}).find("at most 60000 ms"),
            std::string::npos);
  EXPECT_NE(message_for({{"mode", "processes"}, {"consumers", 2}}).find("--consumers must be 1 in processes mode"),
            std::string::npos);
  EXPECT_EQ(parse_queue_request({{"mode", "processes"}}).options.consumers, 1u);
  EXPECT_EQ(parse_queue_request(nlohmann::json::object()).options.consumers, 2u);
}

TEST(QueueRequest, ReportCarriesTheRequestAndHexChecksums) {
  const QueueRequest request = parse_queue_request({{"producers", "1"}, {"messages", 3}, {"consume_ms", 0}});
  const nlohmann::json report = queue_stream_report(request, run_queue_threads(request.options));
  EXPECT_EQ(report.at("experiment"), "queue");
  EXPECT_EQ(report.at("request").at("producers"), 1);
  EXPECT_FALSE(report.at("request").contains("order")) << "threads mode has no hand-off";
  EXPECT_EQ(report.at("result").at("messages_received"), 3);
  EXPECT_EQ(report.at("result").at("checksum_sent").get<std::string>().size(), 16u);
  EXPECT_EQ(report.at("result").at("checksum_sent"), report.at("result").at("checksum_received"));
}

}  // namespace

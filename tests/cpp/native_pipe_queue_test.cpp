// The pipe-based message queue between the process runner and its children: framing over a
// real pipe, decoding from arbitrary pieces, and the protocol's message shapes.
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <unistd.h>

#include "processes/pipe_queue.hpp"
#include "processes/unique_fd.hpp"
#include "processes/worker_messages.hpp"

namespace {

using cplay::FrameDecoder;

TEST(ProcessPipeQueue, MessagesCrossAPipeWhole) {
  cplay::Pipe pipe = cplay::make_pipe();
  // Larger than a pipe's buffer: the writer must block until the reader catches up.
  const std::string big(300000, 'x');
  std::thread writer([&] {
    cplay::write_message(pipe.write_end.get(), "first");
    cplay::write_message(pipe.write_end.get(), "");
    cplay::write_message(pipe.write_end.get(), big);
    pipe.write_end.reset();
  });
  EXPECT_EQ(cplay::read_message(pipe.read_end.get()), "first");
  EXPECT_EQ(cplay::read_message(pipe.read_end.get()), "");
  EXPECT_EQ(cplay::read_message(pipe.read_end.get()), big);
  writer.join();
  EXPECT_EQ(cplay::read_message(pipe.read_end.get()), std::nullopt) << "end of file between messages";
}

TEST(ProcessPipeQueue, TruncatedMessageIsAnError) {
  cplay::Pipe pipe = cplay::make_pipe();
  const std::string framed = cplay::frame_message("hello");
  ASSERT_EQ(::write(pipe.write_end.get(), framed.data(), framed.size() - 2), static_cast<ssize_t>(framed.size() - 2));
  pipe.write_end.reset();
  EXPECT_THROW(cplay::read_message(pipe.read_end.get()), std::runtime_error);
}

TEST(ProcessPipeQueue, DecoderReassemblesBytePieces) {
  const std::string stream = cplay::frame_message("alpha") + cplay::frame_message("") + cplay::frame_message("gamma");
  FrameDecoder decoder;
  std::vector<std::string> messages;
  for (char byte : stream) {
    decoder.feed(&byte, 1);
    while (auto message = decoder.next()) messages.push_back(*message);
  }
  EXPECT_EQ(messages, (std::vector<std::string>{"alpha", "", "gamma"}));
  EXPECT_TRUE(decoder.at_boundary());
  decoder.feed(stream.data(), 3);
  EXPECT_FALSE(decoder.next().has_value());
  EXPECT_FALSE(decoder.at_boundary()) << "half a header is buffered";
}

TEST(ProcessPipeQueue, OversizedFrameIsRejected) {
  const char header[4] = {'\xff', '\xff', '\xff', '\x7f'};
  FrameDecoder decoder;
  decoder.feed(header, sizeof header);
  EXPECT_THROW(decoder.next(), std::runtime_error);
}

TEST(ProcessPipeQueue, DrainReportsEndOfFile) {
  cplay::Pipe pipe = cplay::make_pipe();
  cplay::set_nonblocking(pipe.read_end.get());
  FrameDecoder decoder;
  EXPECT_EQ(cplay::drain_into(pipe.read_end.get(), decoder), cplay::DrainResult::StillOpen);
  cplay::write_message(pipe.write_end.get(), "x");
  pipe.write_end.reset();
  EXPECT_EQ(cplay::drain_into(pipe.read_end.get(), decoder), cplay::DrainResult::Closed);
  EXPECT_EQ(decoder.next(), "x");
}

TEST(ProcessMessages, ChildMessagesRoundTrip) {
  auto progress = cplay::parse_child_message(cplay::progress_message(42), playground::Demo::Primes);
  EXPECT_EQ(progress.kind, cplay::ChildMessage::Kind::Progress);
  EXPECT_EQ(progress.items, 42u);

  auto error = cplay::parse_child_message(cplay::error_message("internal", "bad \xff byte"), playground::Demo::Primes);
  EXPECT_EQ(error.kind, cplay::ChildMessage::Kind::Error);
  EXPECT_EQ(error.error_code, "internal");
  EXPECT_EQ(error.error_text.rfind("bad ", 0), 0u);

  playground::ShardOutcome outcome;
  outcome.partial = playground::PrimesPartial{7, 17};
  outcome.span.worker = 2;
  outcome.span.pid = 1234;
  outcome.span.items = 99;
  auto result = cplay::parse_child_message(cplay::result_message(outcome), playground::Demo::Primes);
  EXPECT_EQ(result.kind, cplay::ChildMessage::Kind::Result);
  EXPECT_EQ(result.outcome.partial, outcome.partial);
  EXPECT_EQ(result.outcome.span.pid, 1234);
  EXPECT_EQ(result.outcome.span.items, 99u);

  EXPECT_EQ(cplay::parse_child_message(cplay::ready_message(), playground::Demo::Primes).kind,
            cplay::ChildMessage::Kind::Ready);
  EXPECT_THROW(cplay::parse_child_message(R"({"what": 1})", playground::Demo::Primes), std::runtime_error);
}

TEST(ProcessMessages, TaskRoundTrips) {
  cplay::ShardTask task;
  task.request = playground::parse_request(nlohmann::json::parse(
      R"({"demo": "race", "mode": "processes", "workers": 3, "params": {"sync": "lock", "shared_memory": true}})"));
  task.shard_index = 2;
  task.shard_count = 3;
  task.origin_ms = 12.5;
  task.shared_memory_name = "/cplay-race-1-2-3";
  task.report_progress = true;
  task.fault = cplay::FaultInjection{2, 11};
  const cplay::ShardTask back = cplay::task_from_json(cplay::task_to_json(task));
  EXPECT_EQ(playground::request_to_json(back.request), playground::request_to_json(task.request));
  EXPECT_EQ(back.shard_index, 2u);
  EXPECT_EQ(back.shard_count, 3u);
  EXPECT_EQ(back.origin_ms, 12.5);
  EXPECT_EQ(back.shared_memory_name, task.shared_memory_name);
  EXPECT_TRUE(back.report_progress);
  ASSERT_TRUE(back.fault.has_value());
  EXPECT_EQ(back.fault->signal, 11);

  nlohmann::json bad = cplay::task_to_json(task);
  bad["shard_index"] = 3;
  EXPECT_THROW(cplay::task_from_json(bad), std::runtime_error);
}

}  // namespace

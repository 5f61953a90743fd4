#include "queue/queue_processes.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "processes/child_exit.hpp"
#include "processes/child_group.hpp"
#include "processes/child_launch.hpp"
#include "processes/pipe_queue.hpp"
#include "processes/unique_fd.hpp"

namespace cplay {
namespace {

using nlohmann::json;
using playground::QueueMessage;
using playground::QueueOptions;

constexpr int kDataFd = 3;    // fork_child's kept descriptors, in order
constexpr int kReportFd = 4;
constexpr std::uint64_t kIdBytes = 8;  // producer and sequence, 4 bytes each, before the payload
constexpr std::uint64_t kLengthBytes = 4;
// A producer reports at most this many waits; a longer run says its list was cut.
constexpr std::size_t kMaxWaitsPerProducer = 1000;

void put_u32(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((value >> (8 * i)) & 0xffu);
}

std::uint64_t get_u32(const std::string& in, std::size_t at) {
  std::uint64_t value = 0;
  for (int i = 0; i < 4; ++i) value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return value;
}

void pause_ms(std::uint64_t ms) {
  if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

void wait_for(int fd, short events) {
  pollfd entry{fd, events, 0};
  while (::poll(&entry, 1, -1) < 0)
    if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
}

// In a producer child: each frame is below PIPE_BUF, so a non-blocking write puts all of it in
// or nothing (EAGAIN: the pipe is full). The wait for room is what the timeline marks.
int produce(const QueueOptions& options, std::uint64_t producer) {
  json report = {{"pid", playground::current_pid()}, {"start_ms", playground::now_ms()}};
  json waits = json::array();
  std::uint64_t checksum = 0;
  bool waits_cut = false;
  for (std::uint64_t sequence = 0; sequence < options.messages; ++sequence) {
    pause_ms(options.produce_ms);
    const QueueMessage message{producer, sequence, playground::queue_payload(producer, sequence, options.message_bytes)};
    std::string body;
    put_u32(body, producer);
    put_u32(body, sequence);
    body += message.payload;
    const std::string frame = frame_message(body);
    double wait_start = -1;
    for (;;) {
      const ssize_t written = ::write(kDataFd, frame.data(), frame.size());
      if (written == static_cast<ssize_t>(frame.size())) break;
      if (written >= 0) return 3;  // a partial frame: impossible below PIPE_BUF, and fatal to framing
      if (errno == EINTR) continue;
      if (errno != EAGAIN) return 4;
      if (wait_start < 0) wait_start = playground::now_ms();
      wait_for(kDataFd, POLLOUT);
    }
    if (wait_start >= 0) {
      if (waits.size() < kMaxWaitsPerProducer) waits.push_back({wait_start, playground::now_ms()});
      else waits_cut = true;
    }
    checksum += playground::queue_message_checksum(message);
  }
  ::close(kDataFd);  // the parent's end of file comes when every producer has closed
  report["end_ms"] = playground::now_ms();
  report["messages"] = options.messages;
  report["checksum"] = playground::checksum_text(checksum);
  report["waits"] = std::move(waits);
  report["waits_cut"] = waits_cut;
  write_message(kReportFd, report.dump());
  return 0;
}

PipeFacts size_pipe(int fd, const QueueOptions& options) {
  PipeFacts facts;
  facts.frame_bytes = kLengthBytes + kIdBytes + options.message_bytes;
  facts.requested_bytes = options.capacity * facts.frame_bytes;
  // The kernel rounds up to whole pages and may refuse a size past /proc/sys/fs/pipe-max-size:
  // what the pipe really holds is read back either way.
  (void)::fcntl(fd, F_SETPIPE_SZ, static_cast<int>(std::min<std::uint64_t>(facts.requested_bytes, 1u << 30)));
  const int size = ::fcntl(fd, F_GETPIPE_SZ);
  if (size < 0) throw std::system_error(errno, std::generic_category(), "fcntl(F_GETPIPE_SZ)");
  facts.capacity_bytes = static_cast<std::uint64_t>(size);
  return facts;
}

std::uint64_t bytes_waiting(int fd) {
  int available = 0;
  if (::ioctl(fd, FIONREAD, &available) != 0) return 0;
  return static_cast<std::uint64_t>(available);
}

playground::Event wait_event(std::uint64_t worker, double start, double end, double origin) {
  return {worker, playground::WorkerState::Waiting, start - origin, end - origin};
}

}  // namespace

QueueProcessesStream run_queue_processes_stream(const playground::QueueRequest& request) {
  const QueueOptions& options = request.options;
  playground::validate_queue_options(options);
  QueueProcessesStream out;
  playground::QueueStreamResult& result = out.stream;
  result.options = options;
  const std::uint64_t producers = options.producers;
  const std::uint64_t consumer = producers;  // the parent's worker number
  const double origin = playground::now_ms();

  Pipe data = make_pipe();
  out.pipe = size_pipe(data.write_end.get(), options);
  set_nonblocking(data.write_end.get());  // shared by every producer; only they write

  ChildGroup children;  // kills and reaps every producer on any way out
  children.reserve(producers);
  for (std::uint64_t p = 0; p < producers; ++p) {
    Pipe report = make_pipe();
    const pid_t pid = fork_child({data.write_end.get(), report.write_end.get()},
                                 [&options, p] { return produce(options, p); });
    children.add(p, pid, std::move(report.read_end));
  }
  data.write_end.reset();

  // The parent is the one consumer: it waits on an empty pipe, takes a frame, pauses.
  result.roles.resize(producers + 1);
  playground::QueueRole& reader = result.roles[consumer];
  reader = {consumer, "consumer", 0, 0, 0, 0};
  playground::Span reader_span{consumer, playground::current_pid(), playground::current_tid(), 0, 0, 0};
  std::vector<std::uint32_t> seen(producers * options.messages, 0);
  std::uint64_t damaged = 0;
  const int in = data.read_end.get();
  for (;;) {
    if (bytes_waiting(in) == 0) {
      const double wait_start = playground::now_ms();
      wait_for(in, POLLIN);
      const double wait_end = playground::now_ms();
      reader.waits += 1;
      reader.wait_ms += wait_end - wait_start;
      result.events.push_back(wait_event(consumer, wait_start, wait_end, origin));
    }
    result.max_depth = std::max(result.max_depth, bytes_waiting(in) / out.pipe.frame_bytes);
    const std::optional<std::string> body = read_message(in);
    if (!body) break;  // every producer closed its end
    if (body->size() < kIdBytes) throw playground::RunError("a producer sent a frame without its ids");
    const QueueMessage message{get_u32(*body, 0), get_u32(*body, 4), body->substr(kIdBytes)};
    const std::uint64_t id = message.producer * options.messages + message.sequence;
    if (message.producer >= producers || message.sequence >= options.messages) damaged += 1;
    else seen[id] += 1;
    if (message.payload != playground::queue_payload(message.producer, message.sequence, options.message_bytes))
      damaged += 1;
    result.checksum_received += playground::queue_message_checksum(message);
    reader.messages += 1;
    reader.bytes += message.payload.size();
    reader_span.items += 1;
    pause_ms(options.consume_ms);
  }
  reader_span.end_ms = playground::now_ms() - origin;

  // Each producer's own account, then its exit.
  for (WatchedChild& child : children.children()) {
    const std::optional<std::string> text = read_message(child.results.get());
    children.reap(child);
    const std::string abnormal = describe_abnormal_exit(child.worker, child.pid, child.wait_status);
    if (!abnormal.empty() || !text) throw playground::RunError(abnormal.empty() ? "a producer sent no report" : abnormal);
    const json report = json::parse(*text);
    playground::QueueRole& role = result.roles[child.worker];
    role = {child.worker, "producer", report.at("messages").get<std::uint64_t>(),
            report.at("messages").get<std::uint64_t>() * options.message_bytes, 0, 0};
    for (const json& wait : report.at("waits")) {
      const double start = wait.at(0).get<double>();
      const double end = wait.at(1).get<double>();
      role.waits += 1;
      role.wait_ms += end - start;
      result.events.push_back(wait_event(child.worker, start, end, origin));
    }
    result.events_truncated = result.events_truncated || report.at("waits_cut").get<bool>();
    result.spans.push_back({child.worker, report.at("pid").get<std::int64_t>(), report.at("pid").get<std::int64_t>(),
                            report.at("start_ms").get<double>() - origin, report.at("end_ms").get<double>() - origin,
                            role.messages});
    result.messages_sent += role.messages;
    result.checksum_sent += std::stoull(report.at("checksum").get<std::string>(), nullptr, 16);
  }
  result.spans.push_back(reader_span);
  std::stable_sort(result.events.begin(), result.events.end(),
                   [](const playground::Event& a, const playground::Event& b) { return a.start_ms < b.start_ms; });
  for (const std::uint32_t count : seen) {
    if (count == 0) result.missing += 1;
    if (count > 1) result.duplicates += count - 1;
  }
  result.messages_received = reader.messages;
  result.bytes_received = reader.bytes;
  result.exactly_once = result.missing == 0 && result.duplicates == 0 && damaged == 0 &&
                        result.messages_received == seen.size() && result.checksum_sent == result.checksum_received;
  result.wall_ms = playground::now_ms() - origin;
  return out;
}

}  // namespace cplay

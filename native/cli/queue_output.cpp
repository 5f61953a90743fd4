#include "cli/queue_output.hpp"
#include "cli/human_output.hpp"

#include <cstdio>
#include <string>

namespace cplay {
namespace {

using nlohmann::json;

void print_roles(std::ostream& out, const json& report) {
  out << "\nworker  role       messages      bytes   waits   waited\n";
  for (const json& role : report.at("roles")) {
    char line[128];
    std::snprintf(line, sizeof line, "%-7llu %-9s %9llu %10llu %7llu   ",
                  static_cast<unsigned long long>(role.at("worker").get<std::uint64_t>()),
                  role.at("role").get<std::string>().c_str(),
                  static_cast<unsigned long long>(role.at("messages").get<std::uint64_t>()),
                  static_cast<unsigned long long>(role.at("bytes").get<std::uint64_t>()),
                  static_cast<unsigned long long>(role.at("waits").get<std::uint64_t>()));
    out << line << fine_ms_text(role.at("wait_ms").get<double>()) << "\n";
  }
  out << "(a producer waits on a full queue, a consumer on an empty one)\n";
}

void print_handoff(std::ostream& out, const json& handoff) {
  out << "\nhand-off, " << handoff.at("order").get<std::string>() << ": one child returns a result of "
      << handoff.at("frame_bytes") << " bytes (with its length) through a pipe that holds "
      << handoff.at("pipe_capacity_bytes") << " bytes\n";
  if (handoff.at("outcome") == "deadlock") {
    out << "  the child (pid " << handoff.at("child_pid") << ") was still alive after "
        << fine_ms_text(handoff.at("child_alive_after_ms").get<double>()) << " of join, with "
        << handoff.at("bytes_in_pipe") << " bytes stuck in the pipe: DEADLOCK\n"
        << "  the child waits for the pipe, the parent waits for the child; the child was "
        << handoff.at("child_end").get<std::string>() << "\n";
  } else {
    out << "  received " << handoff.at("bytes_received") << " bytes"
        << (handoff.at("result_intact").get<bool>() ? ", intact" : ", DAMAGED") << "; the child "
        << handoff.at("child_end").get<std::string>() << "; " << fine_ms_text(handoff.at("wall_ms").get<double>()) << "\n";
  }
}

}  // namespace

void print_queue(std::ostream& out, const json& report) {
  const json& request = report.at("request");
  const json& result = report.at("result");
  const bool processes = request.at("mode") == "processes";
  out << "queue, " << request.at("mode").get<std::string>() << ": " << request.at("producers") << " producer(s) x "
      << request.at("messages") << " messages of " << request.at("message_bytes") << " bytes -> "
      << request.at("consumers") << (processes ? " consumer (the parent)" : " consumer(s)");
  if (processes) {
    const json& pipe = report.at("pipe");
    out << ", through a pipe of " << pipe.at("capacity_bytes") << " bytes (asked for " << pipe.at("requested_bytes")
        << ": --capacity " << request.at("capacity") << " x " << pipe.at("frame_bytes") << "-byte frames)\n";
  } else {
    out << ", through a queue of " << request.at("capacity") << "\n";
  }
  out << "sent " << result.at("messages_sent") << ", received " << result.at("messages_received") << " ("
      << result.at("bytes_received") << " payload bytes) in " << fine_ms_text(report.at("wall_ms").get<double>())
      << "; missing " << result.at("missing") << ", duplicates " << result.at("duplicates") << ", checksums "
      << result.at("checksum_sent").get<std::string>() << " / " << result.at("checksum_received").get<std::string>()
      << (result.at("exactly_once").get<bool>() ? ": every message exactly once" : ": MISMATCH") << "\n"
      << "fullest: " << result.at("max_depth") << " messages waiting\n";
  print_roles(out, report);
  if (processes) print_handoff(out, report.at("handoff"));
}

}  // namespace cplay

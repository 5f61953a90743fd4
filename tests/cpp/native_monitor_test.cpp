// The monitor experiment natively: processes mode (fork and spawn of the real cplay) with real,
// distinct pids and no child left, a cancel and SIGINT in the run, and `cplay monitor` as a user
// runs it: lines as they happen, NDJSON with --json, Ctrl-C reaping every child, exit codes.
#include <gtest/gtest.h>

#include <csignal>
#include <set>
#include <string>
#include <vector>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_support.hpp"
#include "monitor/monitor_experiment.hpp"
#include "monitor/monitor_processes.hpp"
#include "monitor_checks.hpp"
#include "native_support.hpp"
#include "playground/errors.hpp"
#include "playground/monitor_json.hpp"
#include "playground/platform.hpp"

namespace {

using cplay::testing::run_cplay;
using playground::MonitorMode;
using playground::MonitorOptions;
using playground::StartMethod;

class MonitorProcesses : public ::testing::TestWithParam<StartMethod> {};

TEST_P(MonitorProcesses, RealDistinctPidsSamplesAgreeAndNoChildLeft) {
  const MonitorOptions options{.mode = MonitorMode::Processes, .start_method = GetParam(),
                               .durations_ms = {0, 400, 200}, .interval_ms = 50};
  std::vector<nlohmann::json> lines;
  playground::MonitorHooks hooks;
  std::set<pid_t> alive_while_running;
  hooks.on_event = [&](const playground::MonitorEvent& e) {
    lines.push_back(playground::monitor_event_to_json(e));
    // A 'started' pid is a live child of ours at that moment: the report names real processes.
    // Not so for worker A (0 ms): it may exit before its message is read, and a loaded machine
    // once had it reaped by then, so only B and C (400 and 200 ms) are held to it.
    if (e.kind == playground::MonitorEventKind::Started && e.worker != playground::monitor_worker_name(0) &&
        ::kill(static_cast<pid_t>(e.pid), 0) == 0)
      alive_while_running.insert(static_cast<pid_t>(e.pid));
  };
  const playground::MonitorReport report = cplay::run_monitor_processes(options, hooks, CPLAY_EXECUTABLE);
  cplay::testing::expect_consistent_monitor_events(lines, 3);
  std::set<std::int64_t> pids;
  for (const nlohmann::json& e : lines)
    if (e["event"] == "started") pids.insert(e["pid"].get<std::int64_t>());
  EXPECT_EQ(pids.size(), 3u) << "one process each";
  EXPECT_EQ(pids.count(playground::current_pid()), 0u);
  EXPECT_EQ(alive_while_running.size(), 2u);
  for (const nlohmann::json& e : lines)  // samples name the same pids
    if (e["event"] == "sample")
      for (const nlohmann::json& w : e["workers"]) EXPECT_EQ(pids.count(w["pid"].get<std::int64_t>()), 1u) << e.dump();
  cplay::testing::expect_no_children_left();
}

TEST_P(MonitorProcesses, CancelAndSigintKillAndReapEveryChild) {
  for (const bool by_signal : {false, true}) {
    bool sampled = false;
    playground::MonitorHooks hooks;
    hooks.on_event = [&](const playground::MonitorEvent& e) {
      if (e.kind != playground::MonitorEventKind::Sample || sampled) return;
      sampled = true;
      if (by_signal) ::raise(SIGINT);
    };
    if (!by_signal) hooks.cancelled = [&sampled] { return sampled; };
    try {
      cplay::run_monitor_native({.mode = MonitorMode::Processes, .start_method = GetParam(),
                                 .durations_ms = {10000, 10000}, .interval_ms = 50},
                                hooks, CPLAY_EXECUTABLE);
      ADD_FAILURE() << "the run was not cancelled";
    } catch (const playground::RunError& e) {
      EXPECT_EQ(e.code(), "cancelled") << e.what();
    }
    cplay::testing::expect_no_children_left();
  }
}

INSTANTIATE_TEST_SUITE_P(Native, MonitorProcesses, ::testing::Values(StartMethod::Fork, StartMethod::Spawn));

TEST(MonitorCli, BadInputExitsTwoNamingTheRange) {
  const auto list = run_cplay("monitor --durations-ms 1,2,3,4,5,6,7,8,9");
  EXPECT_EQ(list.exit_code, 2) << list.out;
  EXPECT_NE(list.out.find("--durations-ms must be 1 to 8 comma-separated integers from 0 to 10000"), std::string::npos)
      << list.out;
  const auto interval = run_cplay("monitor --interval-ms 5001");
  EXPECT_EQ(interval.exit_code, 2) << interval.out;
  EXPECT_NE(interval.out.find("--interval-ms must be an integer from 50 to 5000 (got 5001)"), std::string::npos)
      << interval.out;
  const auto help = run_cplay("monitor --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* flag : {"--mode", "--start-method", "--durations-ms", "--interval-ms", "--json"})
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
}

TEST(MonitorCli, JsonIsOneLinePerEventThenTheReport) {
  const auto run = run_cplay("monitor --json --mode processes --start-method spawn --durations-ms 0,150 --interval-ms 50");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::vector<nlohmann::json> lines;
  std::size_t from = 0;
  while (from < run.out.size()) {
    const std::size_t end = run.out.find('\n', from);
    lines.push_back(nlohmann::json::parse(run.out.substr(from, end - from)));
    from = end + 1;
  }
  ASSERT_GE(lines.size(), 6u);
  const nlohmann::json report = lines.back();
  lines.pop_back();
  EXPECT_EQ(report["experiment"], "monitor");
  EXPECT_EQ(report["events"].size(), lines.size());
  cplay::testing::expect_consistent_monitor_events(lines, 2);
}

TEST(MonitorCli, TextLinesNameEachWorkerAndItsPid) {
  const auto run = run_cplay("monitor --mode threads --durations-ms 0,100 --interval-ms 50");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("A started  pid "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("B ended  pid "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("A pid "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(" gone"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("2 workers (threads)"), std::string::npos) << run.out;
}

// Ctrl-C: cplay is sent SIGINT once its first sample has been printed (lines leave as they
// happen, through a pipe too); every worker process it started is gone afterwards.
TEST(MonitorCli, SigintMidRunReapsEveryChild) {
  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  const pid_t cplay = ::fork();
  ASSERT_GE(cplay, 0);
  if (cplay == 0) {
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(CPLAY_EXECUTABLE, CPLAY_EXECUTABLE, "monitor", "--json", "--mode", "processes", "--durations-ms",
            "10000,10000", "--interval-ms", "50", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string text;
  std::vector<pid_t> workers;
  char buffer[4096];
  bool sampled = false;
  while (!sampled) {
    const ssize_t got = ::read(out[0], buffer, sizeof buffer);
    if (got <= 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    std::size_t end;
    while ((end = text.find('\n')) != std::string::npos) {
      const nlohmann::json line = nlohmann::json::parse(text.substr(0, end));
      text.erase(0, end + 1);
      if (line["event"] == "started") workers.push_back(line["pid"].get<pid_t>());
      if (line["event"] == "sample") sampled = true;
    }
  }
  ASSERT_TRUE(sampled) << "no sample line arrived while the run went on";
  ASSERT_EQ(workers.size(), 2u);
  ::kill(cplay, SIGINT);
  int status = 0;
  ASSERT_EQ(::waitpid(cplay, &status, 0), cplay);
  ::close(out[0]);
  EXPECT_TRUE(WIFEXITED(status)) << "cplay itself died of the signal instead of cancelling";
  EXPECT_EQ(WEXITSTATUS(status), 130) << "cancelled, as cplay says after Ctrl-C";
  for (const pid_t worker : workers) {
    errno = 0;
    EXPECT_EQ(::kill(worker, 0), -1) << "worker pid " << worker << " outlived cplay";
    EXPECT_EQ(errno, ESRCH);
  }
}

}  // namespace

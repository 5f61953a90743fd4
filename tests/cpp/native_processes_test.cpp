// The native processes mode: fork and spawn agree with sequential runs, the race demo with and
// without shared memory, and faults (a killed child is reported; no child outlives a run).
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "playground/errors.hpp"
#include "playground/request.hpp"
#include "playground/results.hpp"
#include "playground/run.hpp"
#include "native_support.hpp"
#include "processes/process_runner.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using playground::IoResult;
using playground::PrimesResult;
using playground::RaceResult;
using playground::Report;
using playground::Request;
using playground::RunError;
using cplay::testing::children_of;
using cplay::testing::expect_no_children_left;

Request make_request(const std::string& demo, const std::string& mode, std::uint64_t workers, json params,
                     const std::string& start_method = "") {
  json in = {{"demo", demo}, {"mode", mode}, {"workers", workers}, {"params", std::move(params)}};
  if (!start_method.empty()) in["start_method"] = start_method;
  // Through text, as clients send it: positive numbers become unsigned, which parse_request wants.
  return playground::parse_request(json::parse(in.dump()));
}

// Spawned children must run the real cplay: this test binary has no `__worker` entry.
cplay::ProcessOptions options_for_tests() {
  cplay::ProcessOptions options;
  options.executable = CPLAY_EXECUTABLE;
  return options;
}

Report run_in_processes(const Request& request, const playground::RunHooks& hooks = {},
                        cplay::ProcessOptions options = options_for_tests()) {
  return cplay::run_processes(request, hooks, options);
}

std::size_t open_fd_count() {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++count;
  return count;
}

std::vector<std::string> shared_segments_of_this_process() {
  std::vector<std::string> found;
  const std::string prefix = "cplay-race-" + std::to_string(::getpid()) + "-";
  for (const auto& entry : fs::directory_iterator("/dev/shm"))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) found.push_back(entry.path().string());
  return found;
}

// --- fork and spawn agree with sequential runs ----------------------------------------------

class ProcessModes : public ::testing::TestWithParam<std::string> {
 protected:
  std::string method() const { return GetParam(); }
};

TEST_P(ProcessModes, PrimesMatchSequential) {
  const json params = {{"limit", 100000}};
  const Report sequential = playground::run(make_request("primes", "sequential", 1, params));
  const Report processes = run_in_processes(make_request("primes", "processes", 3, params, method()));
  EXPECT_EQ(std::get<PrimesResult>(processes.result).count, 9592u);
  EXPECT_EQ(processes.result, sequential.result);
  ASSERT_TRUE(processes.request.start_method.has_value());
  EXPECT_EQ(playground::to_string(*processes.request.start_method), method());
  expect_no_children_left();
}

TEST_P(ProcessModes, FactorialMatchesSequential) {
  const json params = {{"n", 2000}, {"count", 3}};
  const Report sequential = playground::run(make_request("factorial", "sequential", 1, params));
  const Report processes = run_in_processes(make_request("factorial", "processes", 2, params, method()));
  EXPECT_EQ(std::get<playground::FactorialResult>(processes.result).count, 3u);
  EXPECT_EQ(processes.result, sequential.result);
}

TEST_P(ProcessModes, IoCompletesEveryTask) {
  const Report report =
      run_in_processes(make_request("io", "processes", 2, {{"tasks", 5}, {"latency_ms", 20}}, method()));
  EXPECT_EQ(report.result, playground::DemoResult(IoResult{5, 5}));
  EXPECT_GT(report.wall_ms, 0.0);
}

TEST_P(ProcessModes, SpansCarryTheChildrensOwnPids) {
  const Request request = make_request("primes", "processes", 3, {{"limit", 30000}}, method());
  const Report report = run_in_processes(request);
  ASSERT_EQ(report.spans.size(), 3u);
  std::set<std::int64_t> pids;
  std::uint64_t items = 0;
  for (std::size_t i = 0; i < report.spans.size(); ++i) {
    const playground::Span& span = report.spans[i];
    EXPECT_EQ(span.worker, i);
    EXPECT_NE(span.pid, ::getpid());
    EXPECT_GT(span.pid, 0);
    EXPECT_EQ(span.tid, span.pid) << "the shard runs on the child's main thread";
    EXPECT_LE(span.start_ms, span.end_ms);
    pids.insert(span.pid);
    items += span.items;
  }
  EXPECT_EQ(pids.size(), 3u) << "every worker is a process of its own";
  EXPECT_EQ(items, 30000u);
}

TEST_P(ProcessModes, ProgressAddsUpAndTicksArrive) {
  std::atomic<std::uint64_t> progress{0};
  playground::RunHooks hooks;
  hooks.progress = &progress;
  cplay::ProcessOptions options = options_for_tests();
  int ticks = 0;
  options.on_tick = [&ticks] { ++ticks; };
  // Each child waits 3 x 100 ms, so the run outlasts one tick interval whatever the machine.
  const Report report =
      run_in_processes(make_request("io", "processes", 2, {{"tasks", 6}, {"latency_ms", 100}}, method()), hooks, options);
  std::uint64_t span_items = 0;
  for (const auto& span : report.spans) span_items += span.items;
  EXPECT_EQ(progress.load(), span_items);
  EXPECT_EQ(progress.load(), 6u);
  EXPECT_GE(ticks, 1);
}

TEST_P(ProcessModes, RaceWithoutSharedMemoryCountsInEachChild) {
  const Report report =
      run_in_processes(make_request("race", "processes", 3, {{"increments", 5000}, {"sync", "none"}}, method()));
  const auto& race = std::get<RaceResult>(report.result);
  EXPECT_EQ(race.final_value, 0) << "the parent's counter is never touched";
  EXPECT_EQ(race.expected, 15000);
  EXPECT_EQ(race.shared_memory, false);
  EXPECT_FALSE(race.lost) << "nothing was shared, so nothing can have been lost";
  EXPECT_EQ(race.child_finals, (std::vector<std::int64_t>{5000, 5000, 5000}));
}

TEST_P(ProcessModes, RaceInSharedMemoryIsExactWithLockOrAtomic) {
  for (const std::string sync : {"lock", "atomic"}) {
    const Report report = run_in_processes(make_request(
        "race", "processes", 3, {{"increments", 20000}, {"sync", sync}, {"shared_memory", true}}, method()));
    const auto& race = std::get<RaceResult>(report.result);
    EXPECT_EQ(race.shared_memory, true) << sync;
    EXPECT_EQ(race.expected, 60000) << sync;
    EXPECT_EQ(race.final_value, 60000) << sync;
    EXPECT_EQ(race.lost, 0) << sync;
  }
  EXPECT_TRUE(shared_segments_of_this_process().empty()) << "a shm segment was left behind";
}

TEST_P(ProcessModes, RaceInSharedMemoryWithoutSyncNeverExceedsExpected) {
  const Report report = run_in_processes(make_request(
      "race", "processes", 2, {{"increments", 100000}, {"sync", "none"}, {"shared_memory", true}}, method()));
  const auto& race = std::get<RaceResult>(report.result);
  EXPECT_GT(race.final_value, 0) << "the children shared nothing";
  EXPECT_LE(race.final_value, 200000);
  EXPECT_EQ(race.lost, 200000 - race.final_value);
  EXPECT_TRUE(shared_segments_of_this_process().empty()) << "a shm segment was left behind";
}

TEST_P(ProcessModes, RunsLeakNoDescriptors) {
  const std::size_t before = open_fd_count();
  run_in_processes(make_request("race", "processes", 2,
                                {{"increments", 1000}, {"sync", "lock"}, {"shared_memory", true}}, method()));
  EXPECT_EQ(open_fd_count(), before);
}

// --- faults ---------------------------------------------------------------------------------

// The RunError a faulty run ends with; a run that succeeds fails the test.
RunError failure_of(const Request& request, const cplay::ProcessOptions& options) {
  try {
    run_in_processes(request, {}, options);
  } catch (const RunError& e) {
    return e;
  }
  ADD_FAILURE() << "the faulty child went unnoticed";
  return RunError("no failure");
}

TEST_P(ProcessModes, ChildKilledBySigkillIsReportedAndNothingIsLeft) {
  const std::size_t fds_before = open_fd_count();
  cplay::ProcessOptions options = options_for_tests();
  options.fault = cplay::FaultInjection{1, SIGKILL};
  // Worker 1 has one wait, worker 0 two: worker 0 is still running when worker 1 dies.
  const Request request = make_request("io", "processes", 2, {{"tasks", 3}, {"latency_ms", 200}}, method());
  const RunError error = failure_of(request, options);
  EXPECT_NE(std::string(error.what()).find("worker 1 (pid "), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("killed by signal 9 (SIGKILL)"), std::string::npos) << error.what();
  EXPECT_EQ(error.code(), "run-failed");
  expect_no_children_left();
  EXPECT_EQ(open_fd_count(), fds_before);
}

TEST_P(ProcessModes, CrashedChildIsReportedWithSigsegv) {
  cplay::ProcessOptions options = options_for_tests();
  options.fault = cplay::FaultInjection{0, SIGSEGV};
  const Request request = make_request(
      "race", "processes", 2, {{"increments", 1000}, {"sync", "lock"}, {"shared_memory", true}}, method());
  const RunError error = failure_of(request, options);
  EXPECT_NE(std::string(error.what()).find("worker 0 (pid "), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("(SIGSEGV)"), std::string::npos) << error.what();
  expect_no_children_left();
  EXPECT_TRUE(shared_segments_of_this_process().empty()) << "a shm segment was left behind";
}

TEST_P(ProcessModes, CancelHookStopsEveryChild) {
  std::atomic<bool> cancel{false};
  playground::RunHooks hooks;
  hooks.cancel = &cancel;
  cplay::ProcessOptions options = options_for_tests();
  options.on_tick = [&cancel] { cancel.store(true); };
  const Request request = make_request("io", "processes", 2, {{"tasks", 2}, {"latency_ms", 30000}}, method());
  try {
    run_in_processes(request, hooks, options);
    FAIL() << "the run ignored its cancel flag";
  } catch (const RunError& e) {
    EXPECT_EQ(e.code(), "cancelled") << e.what();
  }
  expect_no_children_left();
}

const json kLongWait = {{"tasks", 2}, {"latency_ms", 30000}};

std::atomic<int> g_custom_handler_calls{0};
void custom_handler(int) { g_custom_handler_calls.fetch_add(1); }

TEST_P(ProcessModes, SigintCancelsAndRestoresThePreviousHandler) {
  for (const int signal_number : {SIGINT, SIGTERM}) {
    struct sigaction mine {};
    mine.sa_handler = custom_handler;
    ::sigemptyset(&mine.sa_mask);
    struct sigaction saved {};
    ASSERT_EQ(::sigaction(signal_number, &mine, &saved), 0);

    cplay::ProcessOptions options = options_for_tests();
    options.on_tick = [signal_number] { ::raise(signal_number); };
    try {
      run_in_processes(make_request("io", "processes", 2, kLongWait, method()), {}, options);
      ADD_FAILURE() << "the run ignored signal " << signal_number;
    } catch (const RunError& e) {
      EXPECT_EQ(e.code(), "cancelled") << e.what();
      EXPECT_NE(std::string(e.what()).find(signal_number == SIGINT ? "SIGINT" : "SIGTERM"), std::string::npos)
          << e.what();
    }
    EXPECT_EQ(g_custom_handler_calls.load(), 0) << "the run's handler should have taken the signal";
    struct sigaction after {};
    ::sigaction(signal_number, &saved, &after);
    EXPECT_EQ(after.sa_handler, &custom_handler) << "the previous handler was not restored";
    expect_no_children_left();
  }
}

INSTANTIATE_TEST_SUITE_P(StartMethods, ProcessModes, ::testing::Values("fork", "spawn"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// --- spawn-specific failures ----------------------------------------------------------------

TEST(ProcessSpawn, ChildExitingWithoutResultIsReported) {
  cplay::ProcessOptions options;
  options.executable = "/bin/false";
  try {
    cplay::run_processes(make_request("primes", "processes", 2, {{"limit", 1000}}, "spawn"), {}, options);
    FAIL() << "children that sent nothing went unnoticed";
  } catch (const RunError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("(pid "), std::string::npos) << message;
    EXPECT_NE(message.find("exited with code 1"), std::string::npos) << message;
  }
  expect_no_children_left();
}

TEST(ProcessSpawn, MissingExecutableIsARunError) {
  cplay::ProcessOptions options;
  options.executable = "/nonexistent/cplay";
  EXPECT_THROW(
      cplay::run_processes(make_request("primes", "processes", 2, {{"limit", 1000}}, "spawn"), {}, options),
      RunError);
  expect_no_children_left();
}

TEST(ProcessSpawn, WorkerCommandRefusesToRunByHand) {
  // Not started by a parent: no --parent-pid, no task pipe.
  const std::string command = std::string(CPLAY_EXECUTABLE) + " __worker </dev/null >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

TEST(ProcessSelfExecutable, NamesThisTestBinary) {
  EXPECT_EQ(fs::canonical(cplay::self_executable()), fs::canonical("/proc/self/exe"));
}

TEST(ProcessRequests, RejectsWhatItCannotRun) {
  EXPECT_THROW(cplay::run_processes(make_request("primes", "threads", 2, {{"limit", 1000}})), playground::ArgumentError);
  Request too_many = make_request("primes", "processes", 2, {{"limit", 1000}});
  too_many.workers = 65;
  EXPECT_THROW(cplay::run_processes(too_many), playground::ArgumentError);
}

TEST(ProcessRequests, ForkIsTheDefaultStartMethod) {
  Request request = make_request("primes", "processes", 2, {{"limit", 1000}});
  request.start_method.reset();
  const Report report = cplay::run_processes(request);
  ASSERT_TRUE(report.request.start_method.has_value());
  EXPECT_EQ(*report.request.start_method, playground::StartMethod::Fork);
  EXPECT_EQ(std::get<PrimesResult>(report.result).count, 168u);
}

// --- the parent dies: its children follow (PR_SET_PDEATHSIG) --------------------------------

bool is_dead(pid_t pid) {
  std::istringstream status(cplay::testing::proc_text("/proc/" + std::to_string(pid) + "/status"));
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("State:", 0) == 0) return line.find('Z') != std::string::npos || line.find('X') != std::string::npos;
  return true;  // gone
}

TEST(ProcessParentDeath, ChildrenDieWithTheirParent) {
  const pid_t runner = ::fork();
  ASSERT_GE(runner, 0);
  if (runner == 0) {
    // A stand-in for a cplay that gets killed while its children wait a minute.
    try {
      cplay::run_processes(make_request("io", "processes", 2, kLongWait, "fork"));
    } catch (...) {
    }
    ::_exit(0);
  }
  std::vector<pid_t> grandchildren;
  for (int attempt = 0; attempt < 1000 && grandchildren.size() < 2; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    grandchildren = children_of(runner);
  }
  ::kill(runner, SIGKILL);
  ::waitpid(runner, nullptr, 0);
  ASSERT_EQ(grandchildren.size(), 2u) << "the runner never started its children";
  // Bounded, not timed: the children should be gone at once; still waiting after 10 s of their
  // 30 s wait means nothing killed them.
  for (int attempt = 0; attempt < 1000; ++attempt) {
    if (is_dead(grandchildren[0]) && is_dead(grandchildren[1])) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(is_dead(grandchildren[0]));
  EXPECT_TRUE(is_dead(grandchildren[1]));
}

}  // namespace

// cplay-worker, the lean program `--start-method spawn` starts: it lies next to cplay, runs every
// demo's shard exactly as `cplay __worker` does, and refuses to run by hand. The runner falls
// back to its own executable when no cplay-worker lies next to it (as for this test binary).
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "native_support.hpp"
#include "playground/request.hpp"
#include "playground/results.hpp"
#include "playground/run.hpp"
#include "processes/process_runner.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using playground::Report;
using playground::Request;

Request worker_program_request(const std::string& demo, const std::string& mode, std::uint64_t workers,
                               const json& params) {
  json in = {{"demo", demo}, {"mode", mode}, {"workers", workers}, {"params", params}};
  if (mode == "processes") in["start_method"] = "spawn";
  return playground::parse_request(json::parse(in.dump()));
}

Report run_with_worker_program(const Request& request, const playground::RunHooks& hooks = {}) {
  cplay::ProcessOptions options;
  options.executable = CPLAY_WORKER_EXECUTABLE;
  return cplay::run_processes(request, hooks, options);
}

int exit_code_of(const std::string& command) {
  const int status = std::system((command + " </dev/null >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(SpawnWorkerProgram, LiesNextToCplay) {
  EXPECT_EQ(fs::canonical(fs::path(CPLAY_EXECUTABLE).parent_path() / cplay::kWorkerExecutableName),
            fs::canonical(CPLAY_WORKER_EXECUTABLE));
}

TEST(SpawnWorkerProgram, RunnerFallsBackToItsOwnExecutable) {
  // This test binary has no cplay-worker beside it.
  EXPECT_EQ(fs::canonical(cplay::spawn_worker_executable()), fs::canonical(cplay::self_executable()));
}

TEST(SpawnWorkerProgram, PrimesAndFactorialMatchSequential) {
  const json primes = {{"limit", 100000}};
  EXPECT_EQ(run_with_worker_program(worker_program_request("primes", "processes", 3, primes)).result,
            playground::run(worker_program_request("primes", "sequential", 1, primes)).result);
  const json factorial = {{"n", 3000}, {"count", 3}};
  EXPECT_EQ(run_with_worker_program(worker_program_request("factorial", "processes", 2, factorial)).result,
            playground::run(worker_program_request("factorial", "sequential", 1, factorial)).result);
  cplay::testing::expect_no_children_left();
}

TEST(SpawnWorkerProgram, RaceInSharedMemoryIsExact) {
  const Report report = run_with_worker_program(worker_program_request(
      "race", "processes", 2, {{"increments", 20000}, {"sync", "lock"}, {"shared_memory", true}}));
  const auto& race = std::get<playground::RaceResult>(report.result);
  EXPECT_EQ(race.final_value, 40000);
  EXPECT_EQ(race.lost, 0);
}

TEST(SpawnWorkerProgram, IoReportsProgress) {
  std::atomic<std::uint64_t> progress{0};
  playground::RunHooks hooks;
  hooks.progress = &progress;
  const Report report = run_with_worker_program(
      worker_program_request("io", "processes", 2, {{"tasks", 4}, {"latency_ms", 10}}), hooks);
  EXPECT_EQ(report.result, playground::DemoResult(playground::IoResult{4, 4}));
  EXPECT_EQ(progress.load(), 4u);
}

TEST(SpawnWorkerProgram, RefusesToRunByHand) {
  EXPECT_EQ(exit_code_of(CPLAY_WORKER_EXECUTABLE), 2);
  EXPECT_EQ(exit_code_of(std::string(CPLAY_WORKER_EXECUTABLE) + " __worker"), 2);
  // Named parent is not ours: it leaves at once rather than run for nobody.
  EXPECT_EQ(exit_code_of(std::string(CPLAY_WORKER_EXECUTABLE) + " __worker --parent-pid=1"), 1);
}

}  // namespace

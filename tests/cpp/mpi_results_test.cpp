// --mode mpi end to end: every demo under `mpirun -n 1/2/4 cplay ...` (as issue 14 runs it) and
// under `cplay ... --workers 2` (cplay starting mpirun itself) gives the sequential run's result,
// one span per rank, and the mpi facts of the job.
#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mpi_support.hpp"

namespace {

using nlohmann::json;
namespace mt = cplay::testing::mpi;

struct MpiCase {
  std::string name;
  std::vector<std::string> demo;  // the demo and its params, without mode and workers
  int ranks;
  bool cplay_launches;  // true: `cplay ... --workers ranks`; false: `mpirun -n ranks cplay ...`
};
// ctest's test names show the case by this, not as raw bytes.
void PrintTo(const MpiCase& c, std::ostream* out) { *out << c.name; }

std::vector<std::string> mpi_command(const MpiCase& c) {
  std::vector<std::string> args{mt::kCplay};
  args.insert(args.end(), c.demo.begin(), c.demo.end());
  args.insert(args.end(), {"--mode", "mpi", "--json"});
  if (c.cplay_launches) {
    args.insert(args.end(), {"--workers", std::to_string(c.ranks)});
    return args;
  }
  return mt::under_mpirun(c.ranks, args);
}

// The same demo in mode sequential with as many workers (race's expected total depends on them).
json sequential_result(const MpiCase& c) {
  std::vector<std::string> args{mt::kCplay};
  args.insert(args.end(), c.demo.begin(), c.demo.end());
  args.insert(args.end(), {"--mode", "sequential", "--workers", std::to_string(c.ranks), "--json"});
  const mt::Finished done = mt::run(args);
  EXPECT_EQ(done.exit_code, 0) << mt::joined(args) << "\n" << done.err;
  return json::parse(done.out, nullptr, false).value("result", json());
}

// Parses stdout as exactly one JSON report: nothing else may be printed on stdout with --json.
json only_report(const mt::Finished& done) {
  const json report = json::parse(done.out, nullptr, false);
  return report.is_discarded() ? json() : report;
}

class MpiDemo : public ::testing::TestWithParam<MpiCase> {};

TEST_P(MpiDemo, GivesTheSequentialResultWithOneSpanPerRank) {
  const MpiCase& c = GetParam();
  const std::vector<std::string> command = mpi_command(c);
  const mt::Finished done = mt::run(command);
  ASSERT_EQ(done.exit_code, 0) << mt::joined(command) << "\nstdout: " << done.out << "\nstderr: " << done.err;
  const json report = only_report(done);
  ASSERT_TRUE(report.is_object()) << "stdout is not one JSON report: " << done.out;
  EXPECT_EQ(report.value("mode", ""), "mpi");
  EXPECT_EQ(report.value("workers", 0), c.ranks);

  const std::string demo = c.demo.front();
  const json& result = report["result"];
  if (demo == "race") {
    const std::int64_t total = static_cast<std::int64_t>(c.ranks) * report["params"].value("increments", std::int64_t{-1});
    EXPECT_EQ(result.value("expected", std::int64_t{-1}), total);
    EXPECT_EQ(result.value("increments_done", std::int64_t{-1}), total);
    const std::int64_t final_value = result.value("final", std::int64_t{-1});
    if (result.value("sync", "") != "none") {
      // A lock or an atomic fetch-and-add loses nothing, however the ranks interleave.
      EXPECT_EQ(final_value, total) << result;
      EXPECT_EQ(result.value("lost", std::int64_t{-1}), 0) << result;
    } else {
      // Unsynchronised read-then-write: what is lost depends on the interleaving, so only what
      // holds for every interleaving is checked. Each write stores (a value read) + 1, so the
      // counter never exceeds the writes made (lost >= 0); a rank's last read comes after its own
      // earlier write, so that read sees at least 1 and the last write stores at least 2.
      EXPECT_EQ(final_value + result.value("lost", std::int64_t{-1}), total) << result;
      EXPECT_GE(final_value, 2) << result;
      EXPECT_LE(final_value, total) << result;
      // One rank alone has nobody to race with.
      if (c.ranks == 1) EXPECT_EQ(final_value, total) << result;
    }
  } else {
    EXPECT_EQ(result, sequential_result(c)) << mt::joined(command);
  }

  // One span per rank, each from its own process, naming the host it ran on.
  const json& spans = report["spans"];
  ASSERT_TRUE(spans.is_array());
  ASSERT_EQ(spans.size(), static_cast<std::size_t>(c.ranks)) << spans;
  std::set<std::uint64_t> workers;
  std::set<std::int64_t> pids;
  const json& mpi = report["mpi"];
  ASSERT_TRUE(mpi.is_object()) << report;
  const json hosts = mpi.value("hosts", json::array());
  for (const json& span : spans) {
    workers.insert(span.value("worker", std::uint64_t{999}));
    pids.insert(span.value("pid", std::int64_t{0}));
    const std::string host = span.value("host", "");
    EXPECT_FALSE(host.empty()) << span;
    EXPECT_NE(std::find(hosts.begin(), hosts.end(), host), hosts.end()) << host << " is not in mpi.hosts " << hosts;
  }
  EXPECT_EQ(workers.size(), static_cast<std::size_t>(c.ranks)) << "ranks 0.." << c.ranks - 1 << ": " << spans;
  EXPECT_EQ(*workers.rbegin(), static_cast<std::uint64_t>(c.ranks - 1)) << spans;
  EXPECT_EQ(pids.size(), static_cast<std::size_t>(c.ranks)) << "distinct pids: " << spans;
  EXPECT_EQ(pids.count(0), 0u) << spans;

  EXPECT_GE(hosts.size(), 1u) << mpi;
  EXPECT_FALSE(mpi.value("library", "").empty()) << mpi;
  // The task demos hand out their work in chunks; race has none (one counter, no tasks).
  if (demo != "race") EXPECT_GT(mpi.value("chunks", 0), 0) << mpi;
}

std::vector<MpiCase> every_case() {
  // Small sizes: each case is a whole MPI job, and 4 ranks share 2 cores.
  const std::vector<std::pair<std::string, std::vector<std::string>>> demos{
      {"primes", {"primes", "--limit", "200000"}},
      {"factorial", {"factorial", "--n", "3000", "--count", "4"}},
      {"raceNone", {"race", "--increments", "2000", "--sync", "none", "--runs", "1"}},
      {"raceLock", {"race", "--increments", "500", "--sync", "lock", "--runs", "1"}},
      {"raceAtomic", {"race", "--increments", "2000", "--sync", "atomic", "--runs", "1"}},
      {"io", {"io", "--tasks", "8", "--latency-ms", "20", "--source", "sleep"}},
  };
  std::vector<MpiCase> cases;
  for (const auto& [name, demo] : demos) {
    for (int ranks : {1, 2, 4}) cases.push_back({name + "Mpirun" + std::to_string(ranks), demo, ranks, false});
    cases.push_back({name + "CplayWorkers2", demo, 2, true});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(EveryDemo, MpiDemo, ::testing::ValuesIn(every_case()),
                         [](const ::testing::TestParamInfo<MpiCase>& info) { return info.param.name; });

}  // namespace

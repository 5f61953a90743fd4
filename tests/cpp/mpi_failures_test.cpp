// --mode mpi when things go wrong: a rank killed mid-run ends the whole job with exit 1 and a
// message naming that rank and the signal; bad input is refused with exit 2 and one message.
// Either way nothing the test started (cplay, mpirun, ranks) is left running.
#include <gtest/gtest.h>

#include <csignal>
#include <ostream>
#include <string>
#include <vector>

#include "eventually.hpp"
#include "mpi_support.hpp"

namespace {

namespace mt = cplay::testing::mpi;
using playground::testing::eventually;

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

class MpiFailure : public ::testing::Test {
 protected:
  void SetUp() override { mt::adopt_orphans(); }
  // A failed test must not leave a 4-rank job spinning on the 2 cores the other tests need.
  void TearDown() override { mt::kill_leftovers(); }
};

TEST_F(MpiFailure, AKilledRankEndsTheJobWithExitOneNamingTheRankAndTheSignal) {
  // Far more work than the test lets it do: the job is still running when rank 1 is killed.
  const std::vector<std::string> command{mt::kCplay, "primes", "--mode", "mpi", "--workers", "2", "--limit", "1000000000", "--json"};
  const mt::Child child = mt::start(command);
  ASSERT_GT(child.pid, 0);

  // Its ranks are the cplay-mpi processes below this child (mpirun's children), told apart by the
  // rank Open MPI put in their environment.
  pid_t rank1 = -1;
  std::vector<pid_t> ranks;
  const bool started = eventually([&] {
    ranks.clear();
    rank1 = -1;
    for (const mt::Process& p : mt::live_descendants(child.pid)) {
      if (!mt::runs_mpi_program(p.pid)) continue;
      const int rank = mt::rank_of(p.pid);
      if (rank < 0) continue;
      ranks.push_back(p.pid);
      if (rank == 1) rank1 = p.pid;
    }
    return ranks.size() == 2 && rank1 > 0;
  });
  if (!started) {
    ::kill(child.pid, SIGKILL);
    mt::finish(child);
    FAIL() << "the two ranks of the job never appeared below cplay (pid " << child.pid << ")";
  }
  // Kill it mid-run, not in MPI_Init: Open MPI names a killed rank only once that rank has
  // registered with mpirun (one killed before says just "exited on signal 9" via its exit status).
  // A rank that has burnt a second of CPU is past start-up (which takes a fraction of that) and is
  // counting primes; this is a readiness signal, not a measurement.
  const bool working = eventually([&] { return mt::cpu_seconds(rank1) >= 1.0; }, std::chrono::seconds(60));
  ASSERT_TRUE(working) << "rank 1 (pid " << rank1 << ") never got to work";
  ASSERT_EQ(::kill(rank1, SIGKILL), 0);

  const mt::Finished done = mt::finish(child);
  EXPECT_EQ(done.exit_code, 1) << done.err;
  EXPECT_EQ(occurrences(done.err, "cplay: run failed: MPI rank 1 on host "), 1u) << done.err;
  EXPECT_NE(done.err.find(" was killed by signal 9 (Killed); mpirun stopped the other ranks"), std::string::npos)
      << done.err;
  EXPECT_EQ(done.out.find("\"result\""), std::string::npos) << "a killed job reports no result: " << done.out;

  const std::vector<mt::Process> left = mt::leftovers();
  EXPECT_TRUE(left.empty()) << "still running after the job ended:" << mt::describe(left);
  for (pid_t rank : ranks) {
    const bool gone = ::kill(rank, 0) != 0;
    EXPECT_TRUE(gone) << "rank process " << rank << " outlived the job";
  }
}

// cplay itself stopped: asked to (SIGTERM, which it turns into a cancel of the job) or killed
// outright (SIGKILL: no code of cplay's runs, but the kernel sends mpirun SIGTERM as its parent
// dies). Either way mpirun and every rank end too.
class MpiLauncherStopped : public MpiFailure, public ::testing::WithParamInterface<int> {};

TEST_P(MpiLauncherStopped, LeavesNoMpirunAndNoRankBehind) {
  const int signal_number = GetParam();
  const mt::Child child =
      mt::start({mt::kCplay, "io", "--mode", "mpi", "--workers", "2", "--tasks", "2", "--latency-ms", "60000"});
  ASSERT_GT(child.pid, 0);
  const bool started = eventually([&] {
    std::size_t ranks = 0;
    for (const mt::Process& p : mt::live_descendants(child.pid))
      if (mt::runs_mpi_program(p.pid) && mt::rank_of(p.pid) >= 0) ++ranks;
    return ranks == 2;
  });
  ASSERT_TRUE(started) << "the two ranks never appeared below cplay (pid " << child.pid << ")";
  ASSERT_EQ(::kill(child.pid, signal_number), 0);

  const mt::Finished done = mt::finish(child);
  if (signal_number == SIGTERM) {
    EXPECT_EQ(done.exit_code, 130) << done.err;
    EXPECT_EQ(occurrences(done.err, "cplay: run failed: the MPI job was cancelled"), 1u) << done.err;
  } else {
    EXPECT_EQ(done.exit_code, 128 + SIGKILL);
  }
  const std::vector<mt::Process> left = mt::leftovers();
  EXPECT_TRUE(left.empty()) << "still running after cplay ended:" << mt::describe(left);
}

INSTANTIATE_TEST_SUITE_P(Signals, MpiLauncherStopped, ::testing::Values(SIGTERM, SIGKILL),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return std::string(info.param == SIGTERM ? "SIGTERM" : "SIGKILL");
                         });

struct Refusal {
  std::string name;
  std::vector<std::string> command;
  std::string message;  // the whole reason, printed once
};
void PrintTo(const Refusal& r, std::ostream* out) { *out << r.name; }

class MpiRefuses : public ::testing::TestWithParam<Refusal> {
 protected:
  void SetUp() override { mt::adopt_orphans(); }
  void TearDown() override { mt::kill_leftovers(); }
};

TEST_P(MpiRefuses, WithExitTwoAndOneMessage) {
  const Refusal& r = GetParam();
  const mt::Finished done = mt::run(r.command);
  EXPECT_EQ(done.exit_code, 2) << mt::joined(r.command) << "\n" << done.err;
  // Once, not once per rank: rank 0 alone speaks for the job.
  EXPECT_EQ(occurrences(done.err, "cplay: error: " + r.message), 1u) << done.err;
  EXPECT_EQ(occurrences(done.err, "cplay: error: "), 1u) << done.err;
  EXPECT_EQ(done.out, "") << "nothing ran, so nothing is reported";
  const std::vector<mt::Process> left = mt::leftovers();
  EXPECT_TRUE(left.empty()) << "still running after the refusal:" << mt::describe(left);
}

std::vector<std::string> cplay_args(std::vector<std::string> args) {
  args.insert(args.begin(), mt::kCplay);
  return args;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, MpiRefuses,
    ::testing::Values(
        // Refused by cplay itself, before it starts mpirun.
        Refusal{"LimitZero", cplay_args({"primes", "--mode", "mpi", "--workers", "2", "--limit", "0"}),
                "--limit must be an integer from 1 to 1000000000 (got 0)"},
        Refusal{"WorkersZero", cplay_args({"primes", "--mode", "mpi", "--workers", "0", "--limit", "1000"}),
                "--workers must be an integer from 1 to"},
        // Refused by rank 0 of a job that mpirun started, which tells every rank to stop.
        Refusal{"LimitZeroUnderMpirun",
                mt::under_mpirun(2, cplay_args({"primes", "--mode", "mpi", "--limit", "0"})),
                "--limit must be an integer from 1 to 1000000000 (got 0)"},
        Refusal{"WorkersNotRanksUnderMpirun",
                mt::under_mpirun(2, cplay_args({"primes", "--mode", "mpi", "--workers", "3", "--limit", "1000"})),
                "--workers must equal the number of ranks in mode mpi: this job has 2 (mpirun -n 2), got 3"},
        Refusal{"BadSyncUnderMpirun",
                mt::under_mpirun(4, cplay_args({"race", "--mode", "mpi", "--sync", "maybe"})),
                "--sync must be one of none|lock|atomic (got 'maybe')"}),
    [](const ::testing::TestParamInfo<Refusal>& info) { return info.param.name; });

}  // namespace

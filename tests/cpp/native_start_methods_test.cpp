// `cplay start-methods` in this process: what a thread, a forked child and a spawned child see of
// a parent that changed a global, holds a file open and runs a thread; the costs; and that every
// child is reaped, whatever happens.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include "processes/child_worker.hpp"
#include "native_support.hpp"
#include "playground/errors.hpp"
#include "start_methods/start_methods.hpp"
#include "start_methods/start_parent_state.hpp"
#include "start_methods/start_probe.hpp"
#include "start_methods/start_probes.hpp"

namespace {

using cplay::testing::expect_no_children_left;
using nlohmann::json;

// The spawned probes must run the real cplay: this test binary has no `__start-probe`.
cplay::StartMethodsOptions options_with(std::uint64_t workers) {
  cplay::StartMethodsOptions options;
  options.workers = workers;
  options.executable = CPLAY_EXECUTABLE;
  return options;
}

class StartMethodsExperiment : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { report_ = std::make_unique<json>(cplay::run_start_methods(options_with(3))); }
  static void TearDownTestSuite() { report_.reset(); }

  static const json& row(const std::string& kind) {
    for (const json& entry : report_->at("kinds"))
      if (entry.at("kind") == kind) return entry;
    throw std::runtime_error("no row for " + kind);
  }

  static std::unique_ptr<json> report_;
};
std::unique_ptr<json> StartMethodsExperiment::report_;

TEST_F(StartMethodsExperiment, AThreadSharesTheVariableTheFileAndTheRunningThread) {
  const json& thread = row("thread");
  EXPECT_EQ(thread.at("pid"), ::getpid());
  EXPECT_EQ(thread.at("variable"), cplay::kMarkerChanged);
  EXPECT_TRUE(thread.at("sees_changed_variable").get<bool>());
  EXPECT_TRUE(thread.at("sees_open_file").get<bool>());
  EXPECT_TRUE(thread.at("sees_parent_thread").get<bool>());
  EXPECT_GE(thread.at("threads").get<int>(), 3) << "this thread, the main thread and the ticker";
}

TEST_F(StartMethodsExperiment, AForkedChildCopiesTheVariableAndTheFileButNotTheRunningThread) {
  const json& forked = row("fork");
  EXPECT_NE(forked.at("pid"), ::getpid());
  EXPECT_EQ(forked.at("variable"), cplay::kMarkerChanged);
  EXPECT_TRUE(forked.at("sees_changed_variable").get<bool>());
  EXPECT_TRUE(forked.at("fd_open").get<bool>());
  EXPECT_TRUE(forked.at("same_file").get<bool>()) << "the same inode behind the same descriptor number";
  EXPECT_EQ(forked.at("threads"), 1);
  EXPECT_FALSE(forked.at("sees_parent_thread").get<bool>());
}

TEST_F(StartMethodsExperiment, ASpawnedChildStartsFreshFromMain) {
  const json& spawned = row("spawn");
  EXPECT_NE(spawned.at("pid"), ::getpid());
  EXPECT_EQ(spawned.at("variable"), cplay::kMarkerAsCompiled);
  EXPECT_FALSE(spawned.at("sees_changed_variable").get<bool>());
  EXPECT_FALSE(spawned.at("sees_open_file").get<bool>());
  EXPECT_EQ(spawned.at("threads"), 1);
  EXPECT_FALSE(spawned.at("sees_parent_thread").get<bool>());
}

TEST_F(StartMethodsExperiment, EveryKindHasAPositiveFiniteStartJoinCost) {
  ASSERT_EQ(report_->at("kinds").size(), 3u);
  for (const json& entry : report_->at("kinds")) {
    const double ms = entry.at("start_join_ms_per_worker").get<double>();
    EXPECT_TRUE(std::isfinite(ms) && ms > 0) << entry.at("kind") << ": " << ms;
  }
}

TEST_F(StartMethodsExperiment, TheReportNamesThisProcessAndTheParentsOwnView) {
  EXPECT_EQ(report_->at("experiment"), "start-methods");
  EXPECT_EQ(report_->at("workers"), 3);
  EXPECT_EQ(report_->at("pid"), ::getpid());
  EXPECT_GT(report_->at("cores").get<int>(), 0);
  const json& parent = report_->at("parent");
  EXPECT_EQ(parent.at("initial_variable"), cplay::kMarkerAsCompiled);
  EXPECT_EQ(parent.at("variable"), cplay::kMarkerChanged);
  EXPECT_TRUE(parent.at("same_file").get<bool>());
  EXPECT_TRUE(parent.at("sees_parent_thread").get<bool>());
  EXPECT_GE(parent.at("threads").get<int>(), 2);
}

TEST(StartMethodsRun, LeavesNoChildAndPutsTheVariableBack) {
  cplay::run_start_methods(options_with(2));
  EXPECT_STREQ(cplay::start_marker(), cplay::kMarkerAsCompiled);
  expect_no_children_left();
}

TEST(StartMethodsRun, ASpawnedChildThatDoesNotAnswerIsAnErrorAndIsReaped) {
  cplay::StartMethodsOptions options = options_with(1);
  options.executable = "/bin/false";  // starts, answers nothing, exits 1
  EXPECT_THROW(cplay::run_start_methods(options), playground::RunError);
  EXPECT_STREQ(cplay::start_marker(), cplay::kMarkerAsCompiled);
  expect_no_children_left();
}

TEST(StartMethodsRun, AProgramThatCannotStartIsAnErrorWithNoChildLeft) {
  cplay::StartMethodsOptions options = options_with(1);
  options.executable = "/nonexistent/cplay";
  EXPECT_THROW(cplay::run_start_methods(options), std::system_error);
  expect_no_children_left();
}

TEST(StartProbes, AnotherFileUnderTheSameNumberIsNotTheParentsFile) {
  const cplay::ScratchFile file;
  // The spawned child has its answer pipe there: open, but not the parent's file.
  const cplay::ProbeQuestion question{cplay::kSpawnResultFd, file.device(), file.inode(), 0};
  const json spawned = cplay::probe_in_spawn(question, CPLAY_EXECUTABLE);
  EXPECT_TRUE(spawned.at("fd_open").get<bool>());
  EXPECT_FALSE(spawned.at("same_file").get<bool>());
  expect_no_children_left();
}

TEST(StartProbes, AForkedChildFindsOpenDescriptorsOpenAndClosedOnesClosed) {
  // The child inherits the descriptor table as it was at the fork: open stays open, closed closed.
  const cplay::ScratchFile file;
  // A number far above any this test opens, so that the probe's own pipe cannot take it.
  constexpr int closed = 900;
  ASSERT_LT(::fcntl(closed, F_GETFD), 0);
  const json open = cplay::probe_in_fork({file.fd(), file.device(), file.inode(), 0});
  EXPECT_TRUE(open.at("same_file").get<bool>());
  const json missing = cplay::probe_in_fork({closed, file.device(), file.inode(), 0});
  EXPECT_FALSE(missing.at("fd_open").get<bool>());
  expect_no_children_left();
}

TEST(StartMethodsOptions, TakeWorkersFrom1To64AndNothingElse) {
  EXPECT_EQ(cplay::start_methods_options_from_json(json::object()).workers, *playground::start_methods_workers_spec().default_number);
  EXPECT_EQ(cplay::start_methods_options_from_json({{"workers", 64}}).workers, 64u);
  EXPECT_EQ(cplay::start_methods_options_from_json({{"workers", "12"}}).workers, 12u);
  const auto message_for = [](const json& body) -> std::string {
    try {
      cplay::start_methods_options_from_json(body);
    } catch (const playground::ArgumentError& e) {
      return e.what();
    }
    return "accepted";
  };
  EXPECT_EQ(message_for({{"workers", 0}}), "--workers must be an integer from 1 to 64 (got 0)");
  EXPECT_EQ(message_for({{"workers", 65}}), "--workers must be an integer from 1 to 64 (got 65)");
  EXPECT_NE(message_for({{"workers", -1}}).find("from 1 to 64"), std::string::npos);
  EXPECT_NE(message_for({{"workers", 2.5}}).find("from 1 to 64"), std::string::npos);
  EXPECT_NE(message_for({{"threads", 2}}).find("unknown field 'threads'"), std::string::npos);
  EXPECT_NE(message_for(json::array()).find("JSON object"), std::string::npos);
}

}  // namespace

// POST /api/barrier without HTTP: the experiment in a job process, its input checked like the
// CLI's, and a wrong answer (sync none) answered as a report that says so, with no child left.
#include <gtest/gtest.h>

#include "native_support.hpp"
#include "api_support.hpp"
#include "server/api.hpp"

namespace {

using cplay::testing::expect_no_children_left;

using cplay::testing::test_limits;

TEST(BarrierApi, AnswersEachSyncWithItsVerdict) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse barrier =
      api.barrier(R"({"sync": "barrier", "workers": 3, "phases": 2, "work_ms": 1, "skew_ms": 2})", "barrier-1");
  ASSERT_EQ(barrier.status, 200) << barrier.body.dump();
  EXPECT_EQ(barrier.body.at("experiment"), "barrier");
  EXPECT_TRUE(barrier.body.at("correct").get<bool>());
  EXPECT_EQ(barrier.body.at("events").size(), 2u * 3 * 2);

  const cplay::ApiResponse join = api.barrier(R"({"sync": "join", "workers": 2, "phases": 3, "work_ms": 0, "skew_ms": 1})", "");
  ASSERT_EQ(join.status, 200) << join.body.dump();
  EXPECT_TRUE(join.body.at("correct").get<bool>());
  EXPECT_EQ(join.body.at("phase_costs").size(), 3u);

  // none is answered whatever its timing gave: a report, never an error.
  const cplay::ApiResponse none = api.barrier(R"({"sync": "none", "workers": 4, "phases": 3, "work_ms": 1, "skew_ms": 20})", "");
  ASSERT_EQ(none.status, 200) << none.body.dump();
  EXPECT_EQ(none.body.at("correct").get<bool>(), none.body.at("stale_reads").get<int>() == 0);
  expect_no_children_left();
}

TEST(BarrierApi, BadInputIs400WithTheCliMessage) {
  cplay::ApiHandler api(test_limits());
  const cplay::ApiResponse answer = api.barrier(R"({"workers": 17})", "");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(answer.body.at("error").at("message"), "--workers must be an integer from 2 to 16 (got 17)");
  EXPECT_EQ(api.barrier(R"({"sync": "hope"})", "").status, 400);
  EXPECT_EQ(api.barrier("[", "").status, 400);
  expect_no_children_left();
}

}  // namespace

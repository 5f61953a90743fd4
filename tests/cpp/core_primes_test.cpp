// Prime counting: golden values of pi(x), the trial-division test itself, the integer square
// root it relies on, and the sieve that must agree with it.
#include <cstdint>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "core_support.hpp"
#include "prime_goldens.hpp"
#include "playground/primes.hpp"

namespace playground::testing {
namespace {

// Trial division to 10^7 costs seconds natively and far more under wasm and the sanitizers;
// 10^6 covers the algorithm, and the top of 10^7 is checked against the sieve below.
constexpr std::uint64_t kTrialDivisionCeiling = 1'000'000;

// 10^8 is the sieve tests' (core_sieve_test.cpp): here the trial-division cross-checks stop lower.
constexpr std::uint64_t kSieveGoldenCeiling = 10'000'000;

PrimeTally sieve_up_to(std::uint64_t limit) {
  const auto base = primes_up_to(integer_sqrt(limit));
  return tally_primes_sieve(1, limit + 1, base);
}

TEST(PrimesGolden, TrialDivisionCountsPowersOfTen) {
  for (const auto& golden : kPrimePowersOfTen) {
    if (golden.limit > kTrialDivisionCeiling) continue;
    const PrimeTally tally = tally_primes_trial(1, golden.limit + 1);
    EXPECT_EQ(tally.count, golden.count) << "pi(" << golden.limit << ")";
    EXPECT_EQ(tally.largest, golden.largest) << "limit " << golden.limit;
  }
}

TEST(PrimesGolden, SieveCountsPowersOfTenUpTo10To7) {
  for (const auto& golden : kPrimePowersOfTen) {
    if (golden.limit > kSieveGoldenCeiling) continue;
    const PrimeTally tally = sieve_up_to(golden.limit);
    EXPECT_EQ(tally.count, golden.count) << "pi(" << golden.limit << ")";
    EXPECT_EQ(tally.largest, golden.largest) << "limit " << golden.limit;
  }
}

// The workload splits [1, limit] into chunks; through run() both algorithms must still add up.
TEST(PrimesGolden, RunCountsPowersOfTenWithBothAlgorithms) {
  for (const auto& golden : kPrimePowersOfTen) {
    if (golden.limit > kSieveGoldenCeiling) continue;
    for (const char* algorithm : {"trial", "sieve"}) {
      if (std::string(algorithm) == "trial" && golden.limit > kTrialDivisionCeiling / 10) continue;
      const json result = run_result_json("primes", "sequential", {{"limit", golden.limit}, {"algorithm", algorithm}});
      EXPECT_EQ(result.at("count"), golden.count) << algorithm << " limit " << golden.limit;
      EXPECT_EQ(result.at("largest"), golden.largest) << algorithm << " limit " << golden.limit;
    }
  }
}

// The numbers just below 10^7 are the most expensive for trial division; they must match the sieve.
TEST(PrimesGolden, TrialDivisionAgreesWithSieveJustBelow10To7) {
  const std::uint64_t last = 10'000'001;
  const std::uint64_t first = last - 20'000;
  const auto base = primes_up_to(integer_sqrt(last - 1));
  const PrimeTally trial = tally_primes_trial(first, last);
  const PrimeTally sieve = tally_primes_sieve(first, last, base);
  EXPECT_GT(trial.count, 0u);
  EXPECT_EQ(trial.count, sieve.count);
  EXPECT_EQ(trial.largest, 9'999'991u);
  EXPECT_EQ(sieve.largest, 9'999'991u);
}

TEST(PrimesGolden, LargestPrimeAtOrBelowLimit) {
  // A prime limit is its own largest prime; a composite one is not.
  EXPECT_EQ(tally_primes_trial(1, 98).largest, 97u);
  EXPECT_EQ(tally_primes_trial(1, 97).largest, 89u);
  EXPECT_EQ(sieve_up_to(97).largest, 97u);
  EXPECT_EQ(sieve_up_to(96).largest, 89u);
  EXPECT_EQ(run_result_json("primes", "sequential", {{"limit", 2}}).at("largest"), 2);
  EXPECT_EQ(run_result_json("primes", "sequential", {{"limit", 1}, {"algorithm", "sieve"}}).at("count"), 0);
}

TEST(PrimesGolden, EmptyRangesHaveNoLargestPrime) {
  for (const PrimeTally& tally : {tally_primes_trial(0, 2), tally_primes_trial(24, 29), sieve_up_to(1)}) {
    EXPECT_EQ(tally.count, 0u);
    EXPECT_EQ(tally.largest, 0u);
  }
  EXPECT_EQ(run_result("primes", "threads", {{"limit", 1}}, 2), DemoResult(PrimesResult{0, 0}));
}

TEST(PrimesGolden, SegmentsAddUpToTheWhole) {
  // Counting in pieces (as workers and shards do) must give pi(x) whatever the cut points.
  const auto base = primes_up_to(integer_sqrt(100'000));
  PrimeTally trial, sieve;
  for (std::uint64_t first = 1; first <= 100'000; first += 7'919) {
    const std::uint64_t last = std::min<std::uint64_t>(first + 7'919, 100'001);
    trial.add(tally_primes_trial(first, last));
    sieve.add(tally_primes_sieve(first, last, base));
  }
  EXPECT_EQ(trial.count, 9'592u);
  EXPECT_EQ(sieve.count, 9'592u);
  EXPECT_EQ(trial.largest, 99'991u);
  EXPECT_EQ(sieve.largest, 99'991u);
}

TEST(TrialDivision, SmallNumbers) {
  EXPECT_FALSE(is_prime_trial_division(0));
  EXPECT_FALSE(is_prime_trial_division(1));
  EXPECT_TRUE(is_prime_trial_division(2));
  EXPECT_TRUE(is_prime_trial_division(3));
  EXPECT_FALSE(is_prime_trial_division(4));
  EXPECT_TRUE(is_prime_trial_division(5));
  EXPECT_FALSE(is_prime_trial_division(9));
}

// A square of a prime has exactly one divisor candidate that works: its root, the bound itself.
// An off-by-one in the bound would call all of them prime.
TEST(TrialDivision, SquaresOfPrimesAreComposite) {
  for (std::uint32_t p : {2u, 3u, 5u, 7u, 11u, 101u, 9'973u, 65'521u}) {
    EXPECT_TRUE(is_prime_trial_division(p)) << p;
    EXPECT_FALSE(is_prime_trial_division(p * p)) << p << "^2";
    EXPECT_FALSE(is_prime_trial_division(p * (p + 2))) << p << "*(p+2)";
  }
}

TEST(TrialDivision, LargeNumbers) {
  EXPECT_TRUE(is_prime_trial_division(2'147'483'647u));   // 2^31 - 1, a Mersenne prime
  EXPECT_FALSE(is_prime_trial_division(2'147'483'649u));  // 2^31 + 1 = 3 * 715827883
  EXPECT_TRUE(is_prime_trial_division(4'294'967'291u));   // the largest prime below 2^32
  EXPECT_FALSE(is_prime_trial_division(4'294'967'295u));  // 2^32 - 1 = 3 * 5 * 17 * 257 * 65537
  EXPECT_FALSE(is_prime_trial_division(4'294'836'225u));  // 65535^2
}

TEST(TrialDivision, AgreesWithTheSieveOnEveryNumberBelow20000) {
  const auto primes = primes_up_to(20'000);
  std::vector<bool> is_prime(20'001, false);
  for (auto p : primes) is_prime[p] = true;
  for (std::uint32_t n = 0; n <= 20'000; ++n) ASSERT_EQ(is_prime_trial_division(n), is_prime[n]) << n;
}

TEST(IntegerSqrt, AroundPerfectSquares) {
  EXPECT_EQ(integer_sqrt(0), 0u);
  EXPECT_EQ(integer_sqrt(1), 1u);
  EXPECT_EQ(integer_sqrt(2), 1u);
  EXPECT_EQ(integer_sqrt(3), 1u);
  EXPECT_EQ(integer_sqrt(4), 2u);
  // Around r^2 the root must step exactly at the square, for r across the range of --limit.
  for (std::uint64_t r = 2; r <= 31'623; r += (r < 1'000 ? 1 : 97)) {
    const std::uint64_t square = r * r;
    ASSERT_EQ(integer_sqrt(square - 1), r - 1) << r;
    ASSERT_EQ(integer_sqrt(square), r) << r;
    ASSERT_EQ(integer_sqrt(square + 1), r) << r;
    ASSERT_EQ(integer_sqrt(square + 2 * r), r) << r;  // (r+1)^2 - 1
  }
  EXPECT_EQ(integer_sqrt(999'950'884), 31'622u);    // 31622^2 + 0
  EXPECT_EQ(integer_sqrt(1'000'000'000), 31'622u);  // the largest --limit
}

// Near 2^64 a double cannot tell neighbours apart and (r+1)^2 overflows; the root must stay exact.
TEST(IntegerSqrt, WholeUint64Range) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  EXPECT_EQ(integer_sqrt(kMax), 4'294'967'295u);
  const std::uint64_t top_square = 4'294'967'295ull * 4'294'967'295ull;
  EXPECT_EQ(integer_sqrt(top_square), 4'294'967'295u);
  EXPECT_EQ(integer_sqrt(top_square - 1), 4'294'967'294u);
  const std::uint64_t big = 3'037'000'499ull;  // 3037000499^2 is just below 2^63
  EXPECT_EQ(integer_sqrt(big * big - 1), big - 1);
  EXPECT_EQ(integer_sqrt(big * big), big);
}

TEST(PrimesUpTo, ListsEveryPrime) {
  EXPECT_TRUE(primes_up_to(0).empty());
  EXPECT_TRUE(primes_up_to(1).empty());
  EXPECT_EQ(primes_up_to(2), (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(primes_up_to(30), (std::vector<std::uint32_t>{2, 3, 5, 7, 11, 13, 17, 19, 23, 29}));
  EXPECT_EQ(primes_up_to(31'622).size(), 3'401u);  // the base primes for --limit 10^9
}

}  // namespace
}  // namespace playground::testing

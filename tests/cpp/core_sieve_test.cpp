// The segmented mod-30 wheel sieve: golden values of pi(x), every small range against trial
// division (ranges that begin or end inside a wheel byte, a segment or a 32-bit stretch), and
// tallies in pieces that add up to the whole.
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "core_support.hpp"
#include "prime_goldens.hpp"
#include "playground/primes.hpp"

namespace playground::testing {
namespace {

// Trial division over 64-bit numbers, independent of the sieve (and of primes_up_to).
bool sieve_reference_is_prime(std::uint64_t n) {
  if (n < 2) return false;
  if (n % 2 == 0) return n == 2;
  for (std::uint64_t d = 3; d * d <= n; d += 2)
    if (n % d == 0) return false;
  return true;
}

// Every [a, b) with from <= a <= b <= to, a and b stepping by a_step and b_step from `from` (and
// to itself as an end), must match trial division. One scratch serves all calls, as it does a
// worker's chunks.
void expect_ranges_match(std::uint64_t from, std::uint64_t to, const std::vector<std::uint32_t>& base,
                         std::uint64_t a_step = 1, std::uint64_t b_step = 1) {
  std::vector<std::uint64_t> below(to - from + 1, 0);  // below[i]: primes in [from, from + i)
  std::vector<std::uint64_t> largest(to - from + 1, 0);  // largest[i]: the largest of them, or 0
  for (std::uint64_t n = from; n < to; ++n) {
    const bool prime = sieve_reference_is_prime(n);
    below[n - from + 1] = below[n - from] + (prime ? 1 : 0);
    largest[n - from + 1] = prime ? n : largest[n - from];
  }
  SieveScratch scratch;
  for (std::uint64_t a = from; a <= to; a += a_step) {
    for (std::uint64_t b = a;; b = std::min(to, b + b_step)) {
      const PrimeTally got = tally_primes_sieve(a, b, base, scratch);
      const std::uint64_t count = below[b - from] - below[a - from];
      ASSERT_EQ(got.count, count) << "[" << a << ", " << b << ")";
      ASSERT_EQ(got.largest, count == 0 ? 0 : largest[b - from]) << "[" << a << ", " << b << ")";
      if (b == to) break;
    }
  }
}

TEST(SieveGolden, CountsPowersOfTenUpTo10To8) {
  for (const auto& golden : kPrimePowersOfTen) {
    const auto base = primes_up_to(integer_sqrt(golden.limit));
    const PrimeTally tally = tally_primes_sieve(1, golden.limit + 1, base);
    EXPECT_EQ(tally.count, golden.count) << "pi(" << golden.limit << ")";
    EXPECT_EQ(tally.largest, golden.largest) << "limit " << golden.limit;
    // Just below the limit: the largest prime moves down to the previous one.
    const PrimeTally below = tally_primes_sieve(0, golden.largest, base);
    EXPECT_EQ(below.count, golden.count - 1) << "below " << golden.largest;
    EXPECT_LT(below.largest, golden.largest);
    EXPECT_TRUE(sieve_reference_is_prime(below.largest)) << below.largest;
  }
}

// Through the workload: chunks taken by 4 workers, each with its own scratch.
TEST(SieveGolden, RunWithFourWorkersCountsPowersOfTen) {
  for (const auto& golden : kPrimePowersOfTen) {
    const json result =
        run_result_json("primes", "threads", {{"limit", golden.limit}, {"algorithm", "sieve"}}, 4);
    EXPECT_EQ(result.at("count"), golden.count) << "limit " << golden.limit;
    EXPECT_EQ(result.at("largest"), golden.largest) << "limit " << golden.limit;
  }
}

#ifndef __EMSCRIPTEN__
// pi(10^9), the CLI's largest limit: a few tenths of a second natively, too slow for the wasm suite.
TEST(SieveGolden, CountsTo10To9Natively) {
  const auto base = primes_up_to(integer_sqrt(1'000'000'000));
  const PrimeTally tally = tally_primes_sieve(1, 1'000'000'001, base);
  EXPECT_EQ(tally.count, 50'847'534u);
  EXPECT_EQ(tally.largest, 999'999'937u);
}
#endif

// Limits below 30 (2, 3 and 5 have no wheel bit; 1 sits on one), and the first bytes of the wheel.
TEST(SieveRanges, EveryRangeBelow200) { expect_ranges_match(0, 200, primes_up_to(integer_sqrt(200))); }

// Ranges that begin or end on either side of a segment's end; the base covers the largest end.
TEST(SieveRanges, EveryRangeAcrossSegmentEnds) {
  for (const std::uint64_t edge : {kSieveSegmentNumbers, 2 * kSieveSegmentNumbers, 5 * kSieveSegmentNumbers}) {
    const auto base = primes_up_to(integer_sqrt(edge + 70));
    expect_ranges_match(edge - 70, edge + 70, base);
  }
}

// A range of more than 2^30 wheel bytes is sieved in stretches, each restarting the runs.
TEST(SieveRanges, RangesAcrossAStretchEnd) {
  const std::uint64_t edge = 30 * (std::uint64_t{1} << 30);
  const auto base = primes_up_to(integer_sqrt(edge + 600));
  expect_ranges_match(edge - 600, edge + 600, base, 37, 53);
}

// Cut anywhere, with or without a shared scratch, the pieces add up to the whole range.
TEST(SieveRanges, PiecesAddUpToTheWhole) {
  const std::uint64_t last = 3 * kSieveSegmentNumbers + 12'345;
  const auto base = primes_up_to(integer_sqrt(last - 1));
  const PrimeTally whole = tally_primes_sieve(0, last, base);
  EXPECT_EQ(whole.count, 214'205u);  // pi(2961464), by primesieve
  EXPECT_EQ(whole.largest, 2'961'463u);
  std::uint64_t seed = 12'345;
  SieveScratch shared;
  for (const std::uint64_t most : {1u, 29u, 31u, 1'000u, 100'000u, 1'500'000u}) {
    PrimeTally pieces;
    std::uint64_t first = 0;
    // Random cuts for the first 3000 pieces (the small ones), then the rest in one piece.
    for (int piece = 0; piece < 3'000 && first < last; ++piece) {
      seed = seed * 6'364'136'223'846'793'005ull + 1'442'695'040'888'963'407ull;  // a fixed LCG
      const std::uint64_t end = std::min(last, first + 1 + (seed >> 33) % most);
      pieces.add(most > 1'000 ? tally_primes_sieve(first, end, base) : tally_primes_sieve(first, end, base, shared));
      first = end;
    }
    pieces.add(tally_primes_sieve(first, last, base, shared));
    EXPECT_EQ(pieces.count, whole.count) << "pieces of at most " << most;
    EXPECT_EQ(pieces.largest, whole.largest) << "pieces of at most " << most;
  }
}

TEST(SieveRanges, EmptyAndOutOfBoundsRanges) {
  const auto base = primes_up_to(100);
  for (const auto& [first, last] : std::vector<std::pair<std::uint64_t, std::uint64_t>>{{0, 0}, {0, 2}, {5, 5}, {9, 3}, {24, 29}}) {
    const PrimeTally tally = tally_primes_sieve(first, last, base);
    EXPECT_EQ(tally.count, 0u) << first << ".." << last;
    EXPECT_EQ(tally.largest, 0u) << first << ".." << last;
  }
  EXPECT_THROW(tally_primes_sieve(0, kSieveMaxLast + 1, base), std::invalid_argument);
}

}  // namespace
}  // namespace playground::testing

// Big products: the number-theoretic transform against Boost's own product and against closed
// forms, across transform lengths, carries, signs and the switch-over inside multiply();
// division by a fixed divisor against Boost's division.
#include <bit>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <utility>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "playground/bigint.hpp"

namespace playground::testing {
namespace {

BigInt random_number(std::mt19937& generator, std::size_t digits) {  // digits of 32 bits
  BigInt value = 0;
  for (std::size_t i = 0; i < digits; ++i) value = (value << 32) + generator();
  return value;
}

BigInt all_ones(std::size_t bits) { return (BigInt(1) << bits) - 1; }

// Equality without printing both numbers on failure (millions of digits, printed in quadratic time).
::testing::AssertionResult Same(const BigInt& actual, const BigInt& expected) {
  if (actual == expected) return ::testing::AssertionSuccess();
  const BigInt difference = abs(BigInt(actual - expected));
  return ::testing::AssertionFailure() << "the numbers differ (" << (actual.is_zero() ? 0 : msb(abs(actual)) + 1)
                                       << " bits against " << (expected.is_zero() ? 0 : msb(abs(expected)) + 1)
                                       << "), first at bit " << lsb(difference);
}

// Sizes around powers of two, where the transform length doubles, and uneven pairs.
const std::vector<std::size_t> kSizes = {1, 2, 3, 31, 32, 33, 255, 256, 257, 1'023, 1'024, 1'025, 3'000};

TEST(TransformProduct, EqualsBoostAcrossSizes) {
  std::mt19937 generator(7);
  for (std::size_t la : kSizes)
    for (std::size_t lb : {std::size_t{1}, std::size_t{5}, std::size_t{256}, std::size_t{1'500}}) {
      const BigInt a = random_number(generator, la), b = random_number(generator, lb);
      ASSERT_TRUE(Same(multiply_by_transform(a, b), a * b)) << la << " x " << lb << " digits";
    }
}

TEST(TransformProduct, LargestDigitsCarryThroughEveryWord) {
  // (2^m - 1)^2 = 2^2m - 2^(m+1) + 1: every digit is 2^32 - 1, so every coefficient of the
  // convolution is as large as it gets for its length (up to 2^16 * 2^64 here).
  for (std::size_t digits : {1u, 2u, 1'000u, 4'096u, 65'536u}) {
    const std::size_t bits = 32 * digits;
    const BigInt expected = (BigInt(1) << (2 * bits)) - (BigInt(1) << (bits + 1)) + 1;
    EXPECT_TRUE(Same(multiply_by_transform(all_ones(bits), all_ones(bits)), expected)) << digits << " digits";
    EXPECT_TRUE(Same(square(all_ones(bits)), expected)) << digits << " digits";
  }
}

// Transforms of 1-4 points run as loops, from 8 points on their smallest three levels run as one
// 8-point kernel: every transform size from 1 to 64 points, with random and all-ones digits.
TEST(TransformProduct, EveryTransformSizeAroundTheEightPointKernel) {
  std::mt19937 generator(11);
  for (std::size_t la = 1; la <= 33; ++la)
    for (std::size_t lb = 1; lb <= la; lb += 3) {
      const BigInt a = random_number(generator, la), b = random_number(generator, lb);
      ASSERT_TRUE(Same(multiply_by_transform(a, b), a * b)) << la << " x " << lb << " digits";
      ASSERT_TRUE(Same(multiply_by_transform(all_ones(32 * la), all_ones(32 * lb)), all_ones(32 * la) * all_ones(32 * lb)))
          << la << " x " << lb << " all-ones digits";
    }
}

// A lopsided product cuts the longer operand into chunks of (transform size - shorter + 1) digits,
// the transform 4x the shorter operand rounded up to a power of two: lengths one below, at and one
// above a whole number of chunks, and all-ones operands whose carries cross every chunk boundary.
TEST(TransformProduct, LopsidedChunksEqualBoost) {
  std::mt19937 generator(23);
  for (std::size_t lb : {std::size_t{3}, std::size_t{64}, std::size_t{65}, std::size_t{700}}) {
    const std::size_t size = 4 * std::bit_ceil(lb), chunk = size - lb + 1;
    for (std::size_t la : {3 * chunk - 1, 3 * chunk, 3 * chunk + 1, 7 * chunk + 5}) {
      const BigInt a = random_number(generator, la), b = random_number(generator, lb);
      ASSERT_TRUE(Same(multiply_by_transform(a, b), a * b)) << la << " x " << lb << " digits";
      ASSERT_TRUE(Same(multiply_by_transform(b, a), a * b)) << lb << " x " << la << " digits";
      ASSERT_TRUE(Same(multiply_by_transform(all_ones(32 * la), all_ones(32 * lb)), all_ones(32 * la) * all_ones(32 * lb)))
          << la << " x " << lb << " all-ones digits";
    }
  }
}

TEST(TransformProduct, SignsAndZero) {
  std::mt19937 generator(11);
  const BigInt a = random_number(generator, 300), b = random_number(generator, 200);
  EXPECT_TRUE(Same(multiply_by_transform(-a, b), -(a * b)));
  EXPECT_TRUE(Same(multiply_by_transform(a, -b), -(a * b)));
  EXPECT_TRUE(Same(multiply_by_transform(-a, -b), a * b));
  EXPECT_TRUE(Same(multiply_by_transform(a, 0), 0));
  EXPECT_TRUE(Same(multiply_by_transform(0, 0), 0));
  EXPECT_TRUE(Same(multiply_by_transform(a, 1), a));
}

// The root tables are built once per size and then shared: four threads at once (the wasm pool's
// size) ask for the same sizes, some first-time and some cached, and every product must equal Boost's.
TEST(TransformProduct, SharedRootTablesGiveTheSameProductsOnEveryThread) {
  const std::vector<std::size_t> sizes = {40, 300, 1'200, 2'100};  // several transform lengths
  std::vector<std::vector<BigInt>> operands;
  std::mt19937 generator(13);
  for (std::size_t digits : sizes) operands.push_back({random_number(generator, digits), random_number(generator, digits + 7)});
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2; ++round)
        for (std::size_t i = 0; i < sizes.size(); ++i) {
          const auto& pair = operands[(i + static_cast<std::size_t>(t)) % sizes.size()];
          if (multiply_by_transform(pair[0], pair[1]) != pair[0] * pair[1]) ++mismatches[static_cast<std::size_t>(t)];
        }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(Multiply, AgreesWithBoostOnBothSidesOfTheThreshold) {
  std::mt19937 generator(13);
  const std::size_t threshold = transform_threshold_digits();
  for (std::size_t digits : {threshold - 1, threshold, threshold + 1, 2 * threshold + 3}) {
    const BigInt a = random_number(generator, digits), b = random_number(generator, digits + 17);
    EXPECT_TRUE(Same(multiply(a, b), a * b)) << digits << " digits";
    EXPECT_TRUE(Same(square(a), a * a)) << digits << " digits";
    EXPECT_TRUE(Same(multiply(a, BigInt(12'345)), a * 12'345)) << digits << " digits times a small number";
  }
}

TEST(Multiply, AgreesWithBoostOnBothSidesOfTheLopsidedThreshold) {
  std::mt19937 generator(29);
  const LopsidedThreshold lopsided = lopsided_transform_threshold();
  for (std::size_t shorter : {lopsided.shorter_digits - 1, lopsided.shorter_digits, lopsided.shorter_digits + 1})
    for (std::size_t longer : {lopsided.longer_digits - 1, lopsided.longer_digits, 3 * lopsided.longer_digits + 7}) {
      const BigInt a = random_number(generator, longer), b = random_number(generator, shorter);
      EXPECT_TRUE(Same(multiply(a, b), a * b)) << longer << " x " << shorter << " digits";
      EXPECT_TRUE(Same(multiply(b, -a), -(a * b))) << shorter << " x -" << longer << " digits";
    }
}

TEST(Power, EqualsRepeatedProductsAndBoostPow) {
  EXPECT_TRUE(Same(power(BigInt(7), 0), 1));
  EXPECT_EQ(power(BigInt(0), 0), 1);  // the usual convention, as in Boost's pow
  EXPECT_TRUE(Same(power(BigInt(0), 5), 0));
  EXPECT_TRUE(Same(power(BigInt(-3), 7), -2'187));
  EXPECT_TRUE(Same(power(BigInt(2), 100'000), BigInt(1) << 100'000));
  // Large enough that the last squarings go through the transform in this build.
  const unsigned exponent = static_cast<unsigned>(transform_threshold_digits() * 32 * 3 / 2);  // 5^e: 2.3 e bits
  EXPECT_TRUE(Same(power(BigInt(5), exponent), boost::multiprecision::pow(BigInt(5), exponent)));
  EXPECT_TRUE(Same(power(BigInt(10), 1'000), boost::multiprecision::pow(BigInt(10), 1'000u)));
}

// Divisors below and far above the size where the reciprocal stops being a plain division and
// becomes Newton steps (4096 bits), so that several levels of its recursion are exercised.
std::vector<BigInt> divisors() {
  std::mt19937 generator(17);
  std::vector<BigInt> cases = {1, 2, 3, 10, 4'294'967'295u};
  for (std::size_t digits : {5u, 127u, 128u, 129u, 700u, 3'000u}) {
    cases.push_back(random_number(generator, digits));
    cases.push_back(all_ones(32 * digits));                      // reciprocal just above 2^k
    cases.push_back(BigInt(1) << (32 * digits - 1));             // reciprocal exactly 2^(k+1)
    cases.push_back(boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(9 * digits)));
  }
  return cases;
}

// Remainders taken modulo 2^(32 n) - 1 by a cyclic transform of length n, from the transform
// threshold on (below it Boost's product is folded): both sides of it, the operands' largest values,
// the modulus itself (which is 0) and operands longer than n, which are folded first.
TEST(MultiplyModWrap, EqualsTheProductModuloTheWrap) {
  std::mt19937 generator(31);
  const std::size_t threshold = transform_threshold_digits();
  for (std::size_t digits : {std::bit_floor(threshold - 1), std::bit_ceil(threshold), 2 * std::bit_ceil(threshold)}) {
    const BigInt modulus = all_ones(32 * digits);
    const BigInt a = random_number(generator, digits), b = random_number(generator, digits - 3);
    const std::vector<std::pair<BigInt, BigInt>> cases = {
        {a, b}, {b, a}, {modulus - 1, modulus - 1}, {modulus, a}, {0, a}, {BigInt(a * 3 + 5), b}, {BigInt(a << (32 * digits)), b}};
    for (const auto& [x, y] : cases) {
      const BigInt expected = BigInt(x * y) % modulus;
      ASSERT_TRUE(Same(multiply_mod_wrap(x, y, digits), expected)) << digits << " digits";
      ASSERT_TRUE(Same(reduce_mod_wrap(BigInt(x * y), digits), expected)) << digits << " digits";
    }
  }
  EXPECT_THROW(multiply_mod_wrap(-1, 1, 1'024), std::invalid_argument);
  EXPECT_THROW(multiply_mod_wrap(1, 1, 1'000), std::invalid_argument);
}

// Divisors either side of the transform threshold, where the remainder starts to come from a
// cyclic product modulo a wrap (and the wrap length's power of two just above and below).
TEST(FixedDivisor, RemaindersAcrossTheWrapThresholdEqualBoosts) {
  std::mt19937 generator(37);
  const std::size_t threshold = transform_threshold_digits();
  for (std::size_t digits : {threshold - 1, threshold, threshold + 1, std::bit_ceil(threshold) - 1}) {
    const BigInt d = random_number(generator, digits) | (BigInt(1) << (32 * digits - 1));
    const FixedDivisor divisor(d);
    for (const BigInt& value : {BigInt(d - 1), d, BigInt(d * d - 1), BigInt(random_number(generator, 2 * digits) % (d * d)),
                                all_ones(2 * (32 * digits))}) {
      BigInt quotient, remainder, expected_quotient, expected_remainder;
      divisor.divide(value, quotient, remainder);
      boost::multiprecision::divide_qr(value, d, expected_quotient, expected_remainder);
      ASSERT_TRUE(Same(quotient, expected_quotient)) << digits << "-digit divisor";
      ASSERT_TRUE(Same(remainder, expected_remainder)) << digits << "-digit divisor";
    }
  }
}

TEST(FixedDivisor, QuotientAndRemainderEqualBoosts) {
  std::mt19937 generator(19);
  for (const BigInt& d : divisors()) {
    const FixedDivisor divisor(d);
    const std::size_t digits = boost::multiprecision::msb(d) / 32 + 1;
    const std::size_t bits = boost::multiprecision::msb(d) + 1;
    const BigInt largest = all_ones(2 * bits);  // the largest value divide() accepts: 4^k - 1
    for (const BigInt& value : {BigInt(0), BigInt(1), BigInt(d - 1), d, BigInt(d + 1), BigInt(d * d - 1), BigInt(d * 7),
                                BigInt(random_number(generator, 2 * digits) % (d * d)), largest}) {
      BigInt quotient, remainder, expected_quotient, expected_remainder;
      divisor.divide(value, quotient, remainder);
      boost::multiprecision::divide_qr(value, d, expected_quotient, expected_remainder);
      ASSERT_TRUE(Same(quotient, expected_quotient)) << bits << "-bit divisor";
      ASSERT_TRUE(Same(remainder, expected_remainder)) << bits << "-bit divisor";
    }
  }
}

}  // namespace
}  // namespace playground::testing

// Big products: the number-theoretic transform against Boost's own product and against closed
// forms, across transform lengths, carries, signs and the switch-over inside multiply().
#include <cstdint>
#include <random>
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

}  // namespace
}  // namespace playground::testing

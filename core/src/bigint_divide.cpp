// Division by one divisor many times (Barrett): a reciprocal found once by Newton's iteration,
// then each quotient from two products, which the transform makes fast for big numbers.
#include "playground/bigint.hpp"

namespace playground {
namespace {

// Below this many bits Boost's own division is the faster way to the reciprocal.
constexpr std::uint64_t kDirectReciprocalBits = 4096;

std::uint64_t bit_length(const BigInt& value) { return value.is_zero() ? 0 : boost::multiprecision::msb(value) + 1; }

// floor(4^k / divisor) for the divisor's bit length k (divisor > 0).
BigInt reciprocal(const BigInt& divisor) {
  const std::uint64_t k = bit_length(divisor);
  BigInt four_to_k = 0;
  boost::multiprecision::bit_set(four_to_k, 2 * k);  // (1 << 2k makes GCC 12 warn falsely inside Boost)
  if (k <= kDirectReciprocalBits) return four_to_k / divisor;
  // The top h bits give a reciprocal good to about h - 2 bits; one Newton step doubles that,
  // past k bits, so that only a few units remain for the remainder to correct.
  const std::uint64_t h = k / 2 + 16;
  const BigInt estimate = reciprocal(BigInt(divisor >> (k - h))) << (k - h);
  const BigInt error = four_to_k - multiply(divisor, estimate);  // signed
  const BigInt step = multiply(estimate, abs(error)) >> (2 * k);
  BigInt result = error >= 0 ? BigInt(estimate + step) : BigInt(estimate - step);
  BigInt remainder = four_to_k - multiply(divisor, result);
  while (remainder < 0) {
    --result;
    remainder += divisor;
  }
  while (remainder >= divisor) {
    ++result;
    remainder -= divisor;
  }
  return result;
}

}  // namespace

FixedDivisor::FixedDivisor(BigInt divisor)
    : divisor_(std::move(divisor)), bits_(bit_length(divisor_)), reciprocal_(reciprocal(divisor_)) {}

void FixedDivisor::divide(const BigInt& value, BigInt& quotient, BigInt& remainder) const {
  // With r = floor(4^k / d), q = floor(v r / 4^k) falls short of floor(v / d) by at most 2 for v < 4^k.
  quotient = multiply(value, reciprocal_) >> (2 * bits_);
  remainder = value - multiply(quotient, divisor_);
  while (remainder >= divisor_) {
    ++quotient;
    remainder -= divisor_;
  }
}

}  // namespace playground

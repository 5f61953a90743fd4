// Division by one divisor many times (Barrett): a reciprocal found once by Newton's iteration,
// then each quotient from two products, which the transform makes fast for big numbers.
#include <bit>

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

// Digits as a power of two: at least `digits`.
std::size_t wrap_length(std::uint64_t digits) { return std::bit_ceil(static_cast<std::size_t>(digits)); }

}  // namespace

FixedDivisor::FixedDivisor(BigInt divisor)
    : divisor_(std::move(divisor)), bits_(bit_length(divisor_)), reciprocal_(reciprocal(divisor_)) {
  if (bits_ / 32 < transform_threshold_digits()) return;
  // value >> (k - 1) and the reciprocal have k + 1 bits each: their product fits 2 (k + 1) bits.
  const std::uint64_t operand_digits = (bits_ + 1) / 32 + 1;
  reciprocal_factor_.emplace(reciprocal_, wrap_length(2 * operand_digits));
  // Remainders before correction lie below 3 divisor < 2^(k + 2).
  divisor_factor_.emplace(divisor_, wrap_length((bits_ + 2) / 32 + 1));
}

void FixedDivisor::divide(const BigInt& value, BigInt& quotient, BigInt& remainder) const {
  // With r = floor(4^k / d), q = floor(floor(v / 2^(k-1)) r / 2^(k+1)) falls short of floor(v / d)
  // by at most 2 for v < 4^k (Barrett; Handbook of Applied Cryptography 14.42): only v's top k + 1
  // bits enter the product, half the length of v.
  const BigInt top = value >> (bits_ - 1);
  if (!reciprocal_factor_) {
    quotient = multiply(top, reciprocal_) >> (bits_ + 1);
    remainder = value - multiply(quotient, divisor_);
  } else {
    quotient = reciprocal_factor_->times(top) >> (bits_ + 1);
    // The remainder lies in [0, 3 divisor), below the wrap modulus m: value - q d taken modulo m
    // is the remainder itself, and q d modulo m needs a transform half as long as q d.
    const std::size_t wrap = wrap_length((bits_ + 2) / 32 + 1);  // as divisor_factor_ has
    remainder = reduce_mod_wrap(value, wrap) - divisor_factor_->times(quotient);
    if (remainder < 0) remainder += (BigInt(1) << (32 * wrap)) - 1;
  }
  while (remainder >= divisor_) {
    ++quotient;
    remainder -= divisor_;
  }
}

}  // namespace playground

#pragma once
#include <boost/config.hpp>
#if defined(__EMSCRIPTEN__) && defined(CPLAY_WASM_32BIT_LIMBS)
// wasm32 has __int128 only as slow library calls: 32-bit limbs multiply faster there.
#undef BOOST_HAS_INT128
#endif
#include <boost/multiprecision/cpp_int.hpp>

#include <cstddef>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace playground {
using BigInt = boost::multiprecision::cpp_int;

// Products for big operands: Boost's own (Karatsuba) below a measured size, a number-theoretic
// transform above it, where it is faster natively and several times faster in wasm.
BigInt multiply(const BigInt& a, const BigInt& b);
BigInt square(const BigInt& value);
BigInt power(const BigInt& base, std::uint64_t exponent);

// The transform's product alone, whatever the size (for tests and measurements).
BigInt multiply_by_transform(const BigInt& a, const BigInt& b);
// The shorter operand's size, in 32-bit digits, from which multiply() uses the transform.
std::size_t transform_threshold_digits();
// Or, for a lopsided product, from these sizes of the shorter and the longer operand on.
struct LopsidedThreshold {
  std::size_t shorter_digits;
  std::size_t longer_digits;
};
LopsidedThreshold lopsided_transform_threshold();

// value modulo 2^(32 digits) - 1, for value >= 0.
BigInt reduce_mod_wrap(BigInt value, std::size_t digits);
// a * b modulo 2^(32 digits) - 1, for a power of two `digits` and 0 <= a, b < 2^(32 digits): one
// cyclic transform of that length, half the length a whole product needs (digits above fold onto
// the bottom). Enough when the result is known to be small, as a remainder is.
BigInt multiply_mod_wrap(const BigInt& a, const BigInt& b, std::size_t digits);

// One factor of many products modulo 2^(32 digits) - 1 (as multiply_mod_wrap), its transforms
// computed once: each product then costs one forward and one inverse transform, not two and one.
// When digits covers both operands' lengths together, nothing wraps: the product is the exact one.
class WrapFactor {
 public:
  WrapFactor(const BigInt& value, std::size_t digits);  // value >= 0, digits a power of two
  BigInt times(const BigInt& other) const;               // other * value mod 2^(32 digits) - 1; other >= 0

 private:
  BigInt value_;  // for lengths below the transform threshold, where Boost's product is folded
  std::size_t digits_;
  std::array<std::vector<std::uint32_t>, 3> spectra_;  // value's transforms, one per prime, or empty
};

// Division by one positive divisor, many times, in the time of a few products (Barrett's method):
// Boost's division is quadratic, which makes the decimal text of a big number take minutes.
class FixedDivisor {
 public:
  explicit FixedDivisor(BigInt divisor);  // divisor > 0
  const BigInt& divisor() const { return divisor_; }
  // For 0 <= value < 4^k, k the divisor's bit length (so any value below divisor^2).
  void divide(const BigInt& value, BigInt& quotient, BigInt& remainder) const;

 private:
  BigInt divisor_;
  std::uint64_t bits_;
  BigInt reciprocal_;  // floor(4^bits / divisor)
  // From the transform threshold on: the quotient's product with the reciprocal (digits enough
  // for it whole) and the remainder modulo 2^(32 n) - 1 > 3 divisor, each with one factor's
  // transforms kept, as every division by this divisor multiplies by the same two numbers.
  std::optional<WrapFactor> reciprocal_factor_;
  std::optional<WrapFactor> divisor_factor_;
};
}  // namespace playground

#pragma once
#include <boost/config.hpp>
#if defined(__EMSCRIPTEN__) && defined(CPLAY_WASM_32BIT_LIMBS)
// wasm32 has __int128 only as slow library calls: 32-bit limbs multiply faster there.
#undef BOOST_HAS_INT128
#endif
#include <boost/multiprecision/cpp_int.hpp>

#include <cstddef>
#include <cstdint>

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
};
}  // namespace playground

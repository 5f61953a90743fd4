// Big products through three number-theoretic transforms and the Chinese remainder theorem.
#include <algorithm>
#include <bit>
#include <iterator>
#include <vector>

#include "ntt.hpp"
#include "playground/bigint.hpp"

namespace playground {
namespace {

using Digits = std::vector<std::uint32_t>;  // base 2^32, least significant first
using ntt::Field;

// Below this many 32-bit digits in the shorter operand, Boost's Karatsuba is faster: the
// crossover measured by multiply_bench (bench/), natively with g++ -O3 on x86-64 (64-bit limbs
// and a 64x64->128 multiply serve Boost well) and in wasm32 with em++ -O3 (32-bit limbs).
#ifdef __EMSCRIPTEN__
constexpr std::size_t kTransformThreshold = 700;
#else
constexpr std::size_t kTransformThreshold = 3500;
#endif

Digits digits_of(const BigInt& value) {
  Digits digits;
  boost::multiprecision::export_bits(value, std::back_inserter(digits), 32, false);
  return digits;
}

std::size_t digit_count(const BigInt& value) {
  return value.is_zero() ? 0 : boost::multiprecision::msb(abs(value)) / 32 + 1;
}

// The digits times 2^32 mod the field's prime (Montgomery form, which needs no division),
// padded to size and transformed.
Digits transformed(const Field& field, const Digits& digits, std::size_t size,
                   const std::vector<std::uint32_t>& roots) {
  Digits values(size, 0);
  std::transform(digits.begin(), digits.end(), values.begin(),
                 [&field](std::uint32_t d) { return field.to_montgomery_lazy(d); });
  field.forward_transform(values.data(), size, roots);
  return values;
}

// a * b modulo the field's prime, each term of the convolution in natural order; b == nullptr squares a.
Digits convolve(const Field& field, const Digits& a, const Digits* b, std::size_t size) {
  std::vector<std::uint32_t> scratch;
  const std::vector<std::uint32_t>& roots = ntt::shared_roots(field, size, scratch);
  Digits fa = transformed(field, a, size, roots);
  const Digits fb = b != nullptr ? transformed(field, *b, size, roots) : Digits{};
  const Digits& second = b != nullptr ? fb : fa;
  for (std::size_t i = 0; i < size; ++i) fa[i] = field.mul_lazy(fa[i], second[i]);
  field.inverse_transform(fa.data(), size, roots);
  // Both factors carried 2^32 and the pointwise Montgomery product divided one out; the inverse
  // transform multiplied by size. A Montgomery product by 1/size removes both.
  const std::uint32_t scale = field.reciprocal(static_cast<std::uint32_t>(size % field.prime()));
  for (std::uint32_t& value : fa) value = field.mul(value, scale);
  return fa;
}

// Garner's mixed-radix form of the three residues, then carries in base 2^32.
Digits combine(const Digits& r1, const Digits& r2, const Digits& r3, std::size_t length) {
  using ntt::kPrime1, ntt::kPrime2, ntt::kPrime3;
  constexpr std::uint64_t p1 = kPrime1.prime(), p2 = kPrime2.prime();
  constexpr std::uint64_t p1p2 = p1 * p2;  // < 2^62
  constexpr std::uint64_t kLow = 0xFFFF'FFFF;
  // Constants in Montgomery form, so one Montgomery product multiplies by the plain value.
  constexpr std::uint32_t p1_inverse_mod_p2 = kPrime2.to_montgomery(kPrime2.reciprocal(static_cast<std::uint32_t>(p1)));
  constexpr std::uint32_t p1_inverse_mod_p3 = kPrime3.to_montgomery(kPrime3.reciprocal(static_cast<std::uint32_t>(p1)));
  constexpr std::uint32_t p2_inverse_mod_p3 = kPrime3.to_montgomery(kPrime3.reciprocal(static_cast<std::uint32_t>(p2)));

  Digits out(length, 0);
  std::uint64_t carry_low = 0, carry_high = 0;  // the carry is carry_low + carry_high * 2^32
  for (std::size_t k = 0; k < length; ++k) {
    std::uint64_t low = 0, middle = 0, high = 0;  // this coefficient: low + middle * 2^32 + high * 2^64
    if (k < r1.size()) {
      const std::uint32_t x1 = r1[k];  // < p1 < p2 < p3: a residue for all three
      const std::uint32_t v2 = kPrime2.mul(kPrime2.sub(r2[k], x1), p1_inverse_mod_p2);
      const std::uint32_t v3 = kPrime3.mul(
          kPrime3.sub(kPrime3.mul(kPrime3.sub(r3[k], x1), p1_inverse_mod_p3), v2), p2_inverse_mod_p3);
      const std::uint64_t head = x1 + v2 * p1;  // < p1 p2
      const std::uint64_t tail_low = v3 * (p1p2 & kLow), tail_high = v3 * (p1p2 >> 32);  // v3 * p1 p2
      low = (head & kLow) + (tail_low & kLow);
      middle = (head >> 32) + (tail_low >> 32) + (tail_high & kLow);
      high = tail_high >> 32;
    }
    const std::uint64_t sum0 = low + carry_low;
    const std::uint64_t sum1 = middle + carry_high + (sum0 >> 32);
    out[k] = static_cast<std::uint32_t>(sum0);
    carry_low = sum1 & kLow;
    carry_high = high + (sum1 >> 32);
  }
  return out;
}

BigInt from_digits(const Digits& digits) {
  BigInt value;
  boost::multiprecision::import_bits(value, digits.begin(), digits.end(), 32, false);
  return value;
}

BigInt transform_product(const BigInt& a, const BigInt* b) {
  const Digits da = digits_of(a);
  const Digits db = b != nullptr ? digits_of(*b) : Digits{};
  const Digits& second = b != nullptr ? db : da;
  if (da.empty() || second.empty()) return 0;
  const std::size_t length = da.size() + second.size();  // digits of the product
  std::size_t size = 1;
  while (size < length - 1) size *= 2;
  const Digits* other = b != nullptr ? &db : nullptr;
  const Digits r1 = convolve(ntt::kPrime1, da, other, size);
  const Digits r2 = convolve(ntt::kPrime2, da, other, size);
  const Digits r3 = convolve(ntt::kPrime3, da, other, size);
  BigInt product = from_digits(combine(r1, r2, r3, length));
  const bool negative = b != nullptr ? (a.sign() < 0) != (b->sign() < 0) : false;
  return negative ? BigInt(-product) : product;
}

// The transform is limited by its primes' roots of unity: longer products stay with Boost.
bool transform_fits(std::size_t length) { return length <= (std::size_t{1} << ntt::kMaxLog2); }

}  // namespace

std::size_t transform_threshold_digits() { return kTransformThreshold; }

BigInt multiply_by_transform(const BigInt& a, const BigInt& b) {
  if (!transform_fits(digit_count(a) + digit_count(b))) return a * b;
  return transform_product(a, &b);
}

// snippet-begin: factorial-multiply
BigInt multiply(const BigInt& a, const BigInt& b) {
  // Boost's Karatsuba wins on small operands; above the threshold the number-theoretic transform
  // does, and its 32-bit products are fast in WebAssembly too.
  const std::size_t la = digit_count(a), lb = digit_count(b);
  if (std::min(la, lb) < kTransformThreshold || !transform_fits(la + lb)) return a * b;
  return transform_product(a, &b);
}
// snippet-end: factorial-multiply

BigInt square(const BigInt& value) {
  const std::size_t length = digit_count(value);
  if (length < kTransformThreshold || !transform_fits(2 * length)) return value * value;
  return transform_product(value, nullptr);
}

BigInt power(const BigInt& base, std::uint64_t exponent) {
  BigInt result = 1;
  for (int bit = static_cast<int>(std::bit_width(exponent)) - 1; bit >= 0; --bit) {
    result = square(result);
    if ((exponent >> bit) & 1) result = multiply(result, base);
  }
  return result;
}

}  // namespace playground

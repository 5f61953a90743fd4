// Big products through three number-theoretic transforms and the Chinese remainder theorem.
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <stdexcept>
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
constexpr std::size_t kTransformThreshold = 500;
#else
constexpr std::size_t kTransformThreshold = 3500;
#endif
// A lopsided product (one operand much longer) takes the transform from a smaller shorter operand:
// Boost then multiplies the long one piece by piece, each piece a Karatsuba product of the short
// one's size, while the transform cuts it into chunks that share the short one's spectra.
// Measured by multiply_bench's lopsided table, natively and in wasm. Natively (CPU time, best of 5,
// after the transform's small levels were vectorised) the transform wins from 500 x 4500 on, e.g.
// 19011 x 1562 (100000!'s odd(50000)^2 times swing(50000)) 0.79 ms against Boost's 2.66.
#ifdef __EMSCRIPTEN__
constexpr std::size_t kLopsidedShortDigits = 125;
constexpr std::size_t kLopsidedLongDigits = 4000;
#else
constexpr std::size_t kLopsidedShortDigits = 500;
constexpr std::size_t kLopsidedLongDigits = 4500;
#endif

static_assert(std::endian::native == std::endian::little, "limbs are read as 32-bit digits in memory order");
using boost::multiprecision::limb_type;

// |value|'s 32-bit digits straight from Boost's limbs (64 or 32 bits, little-endian either way),
// without the leading zero digit a 64-bit limb may carry.
Digits digits_of(const BigInt& value) {
  const auto& backend = value.backend();
  Digits digits(backend.size() * sizeof(limb_type) / sizeof(std::uint32_t));
  std::memcpy(digits.data(), backend.limbs(), backend.size() * sizeof(limb_type));
  while (!digits.empty() && digits.back() == 0) digits.pop_back();
  return digits;
}

std::size_t digit_count(const BigInt& value) {
  return value.is_zero() ? 0 : boost::multiprecision::msb(abs(value)) / 32 + 1;
}

BigInt from_digits(const Digits& digits) {
  const std::size_t limbs = (digits.size() * sizeof(std::uint32_t) + sizeof(limb_type) - 1) / sizeof(limb_type);
  if (limbs == 0) return 0;
  BigInt value;
  value.backend().resize(limbs, limbs);
  value.backend().limbs()[limbs - 1] = 0;  // the half a 64-bit top limb may not get from digits
  std::memcpy(value.backend().limbs(), digits.data(), digits.size() * sizeof(std::uint32_t));
  value.backend().normalize();
  return value;
}

// digits (count of them) as d * 2^32 mod p (Montgomery form, no division), zero-padded to size,
// then transformed: values in [0, 2p), bit-reversed order.
void transform_into(const Field& field, const std::uint32_t* digits, std::size_t count, std::size_t size,
                    const std::vector<std::uint32_t>& roots, Digits& values) {
  values.assign(size, 0);
  for (std::size_t i = 0; i < count; ++i) values[i] = field.to_montgomery_lazy(digits[i]);
  field.forward_transform(values.data(), size, roots);
}

// Garner's mixed-radix form of the three residues (each in [0, 2p)), then carries in base 2^32,
// added into out from position `at` on (out is long enough for the whole product, so the carry
// stops inside it). Two passes: the mixed-radix digits, written over the residues (which the
// callers no longer need), in a loop free of carries that the compiler vectorises; then the
// carries, a chain that has to run one coefficient at a time.
void combine_into(Digits& r1, Digits& r2, Digits& r3, std::size_t count, Digits& out, std::size_t at) {
  using ntt::kPrime1, ntt::kPrime2, ntt::kPrime3;
  constexpr std::uint64_t p1 = kPrime1.prime(), p2 = kPrime2.prime();
  constexpr std::uint64_t p1p2 = p1 * p2;  // < 2^62
  constexpr std::uint64_t kLow = 0xFFFF'FFFF;
  // Constants in Montgomery form, so one Montgomery product multiplies by the plain value.
  constexpr std::uint32_t p1_inverse_mod_p2 = kPrime2.to_montgomery(kPrime2.reciprocal(static_cast<std::uint32_t>(p1)));
  constexpr std::uint32_t p1_inverse_mod_p3 = kPrime3.to_montgomery(kPrime3.reciprocal(static_cast<std::uint32_t>(p1)));
  constexpr std::uint32_t p2_inverse_mod_p3 = kPrime3.to_montgomery(kPrime3.reciprocal(static_cast<std::uint32_t>(p2)));
  // Branch-free (x below p wraps above x - p), so that the first pass vectorises.
  const auto reduced = [](const Field& field, std::uint32_t x) { return std::min(x, x - field.prime()); };
  const auto minus = [](const Field& field, std::uint32_t x, std::uint32_t y) {  // x, y < p
    const std::uint32_t difference = x - y;
    return std::min(difference, difference + field.prime());
  };
  const auto times = [&](const Field& field, std::uint32_t x, std::uint32_t y) { return reduced(field, field.mul_lazy(x, y)); };

  std::uint32_t* x1s = r1.data();
  std::uint32_t* v2s = r2.data();
  std::uint32_t* v3s = r3.data();
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint32_t x1 = reduced(kPrime1, x1s[k]);  // < p1 < p2 < p3: a residue for all three
    const std::uint32_t v2 = times(kPrime2, minus(kPrime2, reduced(kPrime2, v2s[k]), x1), p1_inverse_mod_p2);
    const std::uint32_t v3 = times(
        kPrime3, minus(kPrime3, times(kPrime3, minus(kPrime3, reduced(kPrime3, v3s[k]), x1), p1_inverse_mod_p3), v2),
        p2_inverse_mod_p3);
    x1s[k] = x1;
    v2s[k] = v2;
    v3s[k] = v3;
  }

  std::uint64_t carry_low = 0, carry_high = 0;  // the carry is carry_low + carry_high * 2^32
  std::size_t k = 0;
  for (; k < count; ++k) {
    // This coefficient, x1 + v2 p1 + v3 p1 p2: low + middle * 2^32 + high * 2^64.
    const std::uint64_t x1 = x1s[k], v2 = v2s[k], v3 = v3s[k];
    const std::uint64_t head = x1 + v2 * p1;  // < p1 p2
    const std::uint64_t tail_low = v3 * (p1p2 & kLow), tail_high = v3 * (p1p2 >> 32);  // v3 * p1 p2
    const std::uint64_t low = (head & kLow) + (tail_low & kLow);
    const std::uint64_t middle = (head >> 32) + (tail_low >> 32) + (tail_high & kLow);
    const std::uint64_t high = tail_high >> 32;
    const std::uint64_t sum0 = low + carry_low + out[at + k];
    const std::uint64_t sum1 = middle + carry_high + (sum0 >> 32);
    out[at + k] = static_cast<std::uint32_t>(sum0);
    carry_low = sum1 & kLow;
    carry_high = high + (sum1 >> 32);
  }
  for (std::uint64_t carry = carry_low + (carry_high << 32); carry != 0; ++k) {
    const std::uint64_t sum = out[at + k] + (carry & kLow);
    out[at + k] = static_cast<std::uint32_t>(sum);
    carry = (carry >> 32) + (sum >> 32);
  }
}

// The three transforms of one operand, or of one chunk of it.
using Spectra = std::array<Digits, 3>;
constexpr const Field* kFields[3] = {&ntt::kPrime1, &ntt::kPrime2, &ntt::kPrime3};

struct RootTables {
  std::vector<std::uint32_t> scratch[3];
  const std::vector<std::uint32_t>* tables[3];
  explicit RootTables(std::size_t size) {
    for (int f = 0; f < 3; ++f) tables[f] = &ntt::shared_roots(*kFields[f], size, scratch[f]);
  }
};

// size^-1 mod the field's prime (plain form): what undoes the inverse transform's factor of size.
std::uint32_t size_inverse(const Field& field, std::size_t size) {
  return field.reciprocal(static_cast<std::uint32_t>(size % field.prime()));
}

// |a|^2: one forward transform per prime, not two.
Digits transform_square(const Digits& a) {
  const std::size_t length = 2 * a.size();
  const std::size_t size = std::bit_ceil(length - 1);
  const RootTables roots(size);
  Spectra spectra;
  for (int f = 0; f < 3; ++f) {
    const Field& field = *kFields[f];
    Digits& values = spectra[f];
    transform_into(field, a.data(), a.size(), size, *roots.tables[f], values);
    // x R * x R / R = x^2 R; times size^-1 (plain) / R: x^2 / size, which the inverse scales back up.
    field.square_pointwise(values.data(), size, size_inverse(field, size));
    field.inverse_transform(values.data(), size, *roots.tables[f]);
  }
  Digits out(length + 1, 0);
  combine_into(spectra[0], spectra[1], spectra[2], length - 1, out, 0);
  return out;
}

// b's transforms at `size` under each prime, times size^-1 (plain) / 2^32: a pointwise Montgomery
// product with another operand's transforms then carries neither 2^32 nor the size.
Spectra fixed_spectra(const std::uint32_t* b, std::size_t count, std::size_t size, const RootTables& roots) {
  Spectra fixed;
  for (int f = 0; f < 3; ++f) {
    const Field& field = *kFields[f];
    transform_into(field, b, count, size, *roots.tables[f], fixed[f]);
    field.scale_pointwise(fixed[f].data(), size, size_inverse(field, size));
  }
  return fixed;
}

Spectra fixed_spectra(const Digits& b, std::size_t size) {
  return fixed_spectra(b.data(), b.size(), size, RootTables(size));
}

// a's digits (count of them) times the operand whose fixed spectra these are, under each prime:
// the cyclic convolution of length size, in natural order, ready for combine_into.
void convolve_into(const std::uint32_t* a, std::size_t count, const Spectra& fixed, std::size_t size,
                   const RootTables& roots, Spectra& moving) {
  for (int f = 0; f < 3; ++f) {
    const Field& field = *kFields[f];
    transform_into(field, a, count, size, *roots.tables[f], moving[f]);
    field.multiply_pointwise(moving[f].data(), fixed[f].data(), size);
    field.inverse_transform(moving[f].data(), size, *roots.tables[f]);
  }
}

// The cyclic convolution of a (at most size digits) with the operand whose fixed_spectra these are,
// of length size: digit k of the product and digit k + size land on the same term, as they do
// modulo 2^(32 size) - 1.
Digits cyclic_with(const Digits& a, const Spectra& fixed, std::size_t size) {
  Spectra moving;
  convolve_into(a.data(), a.size(), fixed, size, RootTables(size), moving);
  Digits out(size + 4, 0);  // each term < 2^90: the carries reach at most three digits past size
  combine_into(moving[0], moving[1], moving[2], size, out, 0);
  return out;
}

// |a| * |b|, the longer operand cut into chunks that each fit one transform with the shorter one:
// the shorter one's spectra are computed once, and a lopsided product costs transforms of a few
// times the shorter size instead of one transform of the whole length.
Digits transform_multiply(const Digits& a, const Digits& b) {
  const Digits& longer = a.size() >= b.size() ? a : b;
  const Digits& shorter = a.size() >= b.size() ? b : a;
  const std::size_t length = longer.size() + shorter.size();
  // Chunks of about three times the shorter operand (transforms of 4x its size) cost little more
  // per digit than one whole transform, and much less when the longer operand is far longer.
  const std::size_t size = std::min(std::bit_ceil(length - 1), 4 * std::bit_ceil(shorter.size()));
  const std::size_t chunk = size - shorter.size() + 1;  // chunk + shorter - 1 terms fit the transform
  const RootTables roots(size);
  const Spectra fixed = fixed_spectra(shorter.data(), shorter.size(), size, roots);
  Spectra moving;
  Digits out(length + 1, 0);
  for (std::size_t at = 0; at < longer.size(); at += chunk) {
    const std::size_t count = std::min(chunk, longer.size() - at);
    convolve_into(longer.data() + at, count, fixed, size, roots, moving);
    combine_into(moving[0], moving[1], moving[2], count + shorter.size() - 1, out, at);
  }
  return out;
}

BigInt transform_product(const BigInt& a, const BigInt* b) {
  const Digits da = digits_of(a);
  if (b == nullptr) return da.empty() ? BigInt(0) : from_digits(transform_square(da));
  const Digits db = digits_of(*b);
  if (da.empty() || db.empty()) return 0;
  BigInt product = from_digits(transform_multiply(da, db));
  const bool negative = (a.sign() < 0) != (b->sign() < 0);
  return negative ? BigInt(-product) : product;
}

// The transform is limited by its primes' roots of unity: longer products stay with Boost.
bool transform_fits(std::size_t length) { return length <= (std::size_t{1} << ntt::kMaxLog2); }

}  // namespace

std::size_t transform_threshold_digits() { return kTransformThreshold; }
LopsidedThreshold lopsided_transform_threshold() { return {kLopsidedShortDigits, kLopsidedLongDigits}; }

BigInt multiply_by_transform(const BigInt& a, const BigInt& b) {
  if (!transform_fits(digit_count(a) + digit_count(b))) return a * b;
  return transform_product(a, &b);
}

BigInt reduce_mod_wrap(BigInt value, std::size_t digits) {
  const std::size_t bits = 32 * digits;
  const BigInt modulus = (BigInt(1) << bits) - 1;
  // 2^bits = 1 modulo 2^bits - 1: the digits above fold onto the bottom, until nothing is above.
  while (!value.is_zero() && boost::multiprecision::msb(value) >= bits) value = BigInt(value & modulus) + BigInt(value >> bits);
  return value == modulus ? BigInt(0) : value;
}

namespace {

bool wrap_takes_transform(std::size_t digits) {
  return digits >= kTransformThreshold && digits <= (std::size_t{1} << ntt::kMaxLog2);
}

void check_wrap_operands(const BigInt& a, const BigInt& b, std::size_t digits) {
  if (a.sign() < 0 || b.sign() < 0 || !std::has_single_bit(digits))
    throw std::invalid_argument("multiply_mod_wrap: operands must be >= 0 and the length a power of two");
}

// Operands longer than `digits` are first folded to that length, the most one cyclic transform takes.
Digits wrap_digits_of(const BigInt& value, std::size_t digits) {
  return digits_of(digit_count(value) > digits ? reduce_mod_wrap(value, digits) : value);
}

}  // namespace

BigInt multiply_mod_wrap(const BigInt& a, const BigInt& b, std::size_t digits) {
  check_wrap_operands(a, b, digits);
  if (!wrap_takes_transform(digits)) return reduce_mod_wrap(a * b, digits);
  const Spectra fixed = fixed_spectra(wrap_digits_of(b, digits), digits);
  return reduce_mod_wrap(from_digits(cyclic_with(wrap_digits_of(a, digits), fixed, digits)), digits);
}

WrapFactor::WrapFactor(const BigInt& value, std::size_t digits) : value_(value), digits_(digits) {
  check_wrap_operands(value, 0, digits);
  if (wrap_takes_transform(digits))
    spectra_ = fixed_spectra(wrap_digits_of(value, digits), digits);
}

BigInt WrapFactor::times(const BigInt& other) const {
  check_wrap_operands(other, 0, digits_);
  if (spectra_[0].empty()) return reduce_mod_wrap(other * value_, digits_);
  return reduce_mod_wrap(from_digits(cyclic_with(wrap_digits_of(other, digits_), spectra_, digits_)), digits_);
}

// snippet-begin: factorial-multiply
BigInt multiply(const BigInt& a, const BigInt& b) {
  // Boost's Karatsuba wins on small operands; above the threshold the number-theoretic transform
  // does, and its 32-bit products are fast in WebAssembly too.
  const std::size_t la = digit_count(a), lb = digit_count(b);
  const std::size_t shorter = std::min(la, lb), longer = std::max(la, lb);
  const bool lopsided = shorter >= kLopsidedShortDigits && longer >= kLopsidedLongDigits;
  if ((shorter < kTransformThreshold && !lopsided) || !transform_fits(la + lb)) return a * b;
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

#pragma once
// Number-theoretic transforms over word-sized primes, for multiplying big integers.
// Every product is a 32×32→64-bit multiply plus a Montgomery reduction: wasm32 and x86-64 both
// have these as single instructions, unlike the 64×64→128 products Boost's native limbs rely on.
#include <cstdint>
#include <vector>

namespace playground::ntt {

// A prime p < 2^30 with p - 1 divisible by a large power of two, so it has roots of unity of
// every power-of-two order up to 2^max_log2. Arithmetic results are fully reduced, in [0, p);
// the transforms keep values in [0, 2p) between steps (4p < 2^32 leaves room), which saves
// most of the conditional subtractions.
class Field {
 public:
  constexpr Field(std::uint32_t prime, std::uint32_t generator, int max_log2)
      : p_(prime), generator_(generator), max_log2_(max_log2), neg_p_inverse_(negated_inverse(prime)),
        r_squared_(static_cast<std::uint32_t>(r_mod(prime) * r_mod(prime) % prime)) {}

  constexpr std::uint32_t prime() const { return p_; }
  constexpr int max_log2() const { return max_log2_; }

  // Montgomery product: a * b / 2^32 mod p. With one factor in Montgomery form (x * 2^32 mod p)
  // this is the ordinary product of the other factor with x.
  constexpr std::uint32_t mul(std::uint32_t a, std::uint32_t b) const {
    const std::uint32_t r = mul_lazy(a, b);
    return r >= p_ ? r - p_ : r;
  }
  // The same, congruent but in [0, 2p), for a * b < 2^32 p (say a < 4p and b < p, or b < p alone).
  constexpr std::uint32_t mul_lazy(std::uint32_t a, std::uint32_t b) const {
    const std::uint64_t t = static_cast<std::uint64_t>(a) * b;
    const std::uint32_t m = static_cast<std::uint32_t>(t) * neg_p_inverse_;
    return static_cast<std::uint32_t>((t + static_cast<std::uint64_t>(m) * p_) >> 32);
  }
  constexpr std::uint32_t sub(std::uint32_t a, std::uint32_t b) const { return a >= b ? a - b : a + p_ - b; }

  constexpr std::uint32_t to_montgomery(std::uint32_t a) const { return mul(a, r_squared_); }
  // Any 32-bit value times 2^32, mod p, in [0, 2p): no division, unlike a % p.
  constexpr std::uint32_t to_montgomery_lazy(std::uint32_t a) const { return mul_lazy(a, r_squared_); }
  constexpr std::uint32_t pow(std::uint32_t base, std::uint64_t exponent) const;  // ordinary form
  constexpr std::uint32_t reciprocal(std::uint32_t a) const { return pow(a, p_ - 2); }

  // The root table, 2 size entries: roots[len + j] = w^j in Montgomery form, w a primitive 2len-th
  // root of unity, for every power of two len < size; roots[size + len + j] = -w^-j, for the inverse.
  std::vector<std::uint32_t> roots(std::size_t size) const;

  // Values in [0, 2p), natural order in, bit-reversed order out (decimation in frequency).
  void forward_transform(std::uint32_t* values, std::size_t size, const std::vector<std::uint32_t>& roots) const;
  // Values in [0, 2p), bit-reversed order in, natural order out, not yet divided by size
  // (decimation in time).
  void inverse_transform(std::uint32_t* values, std::size_t size, const std::vector<std::uint32_t>& roots) const;

  // Pointwise steps between the transforms, here so that they get the transforms' AVX2 copy:
  // values[i] = values[i] * other[i] / 2^32 (Montgomery), each result in [0, 2p).
  void multiply_pointwise(std::uint32_t* values, const std::uint32_t* other, std::size_t count) const;
  // values[i] = values[i]^2 / 2^32 * scale / 2^32, in [0, 2p).
  void square_pointwise(std::uint32_t* values, std::size_t count, std::uint32_t scale) const;
  // values[i] = values[i] * scale / 2^32, in [0, 2p).
  void scale_pointwise(std::uint32_t* values, std::size_t count, std::uint32_t scale) const;

 private:
  // -p^-1 mod 2^32 by Newton's iteration (each step doubles the correct low bits).
  static constexpr std::uint32_t negated_inverse(std::uint32_t p) {
    std::uint32_t inv = p;
    for (int i = 0; i < 5; ++i) inv *= 2 - p * inv;
    return 0u - inv;
  }
  static constexpr std::uint64_t r_mod(std::uint32_t p) { return (std::uint64_t{1} << 32) % p; }

  std::uint32_t p_;
  std::uint32_t generator_;
  int max_log2_;
  std::uint32_t neg_p_inverse_;
  std::uint32_t r_squared_;
};

constexpr std::uint32_t Field::pow(std::uint32_t base, std::uint64_t exponent) const {
  std::uint64_t result = 1, square = base % p_;
  for (; exponent != 0; exponent >>= 1) {
    if (exponent & 1) result = result * square % p_;
    square = square * square % p_;
  }
  return static_cast<std::uint32_t>(result);
}

// Three primes whose product (about 2^89.4) exceeds every coefficient of a convolution of
// 32-bit digits whose shorter factor has up to 2^25 digits: n * (2^32 - 1)^2 < p1 * p2 * p3.
// Ascending, so that a residue mod a smaller prime is already reduced mod the larger ones.
inline constexpr Field kPrime1{754974721u, 11u, 24};  // 45 * 2^24 + 1
inline constexpr Field kPrime2{985661441u, 3u, 22};   // 235 * 2^22 + 1
inline constexpr Field kPrime3{998244353u, 3u, 23};   // 119 * 2^23 + 1

// The longest transform all three primes allow: products up to 2^22 digits (2^27 bits).
inline constexpr int kMaxLog2 = 22;

// field.roots(size) for one of the three primes above, built once per size and shared, read-only,
// by every later product on every thread (building it cost as much as a few transform passes).
// Sizes above 2^kMaxCachedLog2 are built into `scratch` instead, so the cache stays bounded.
inline constexpr int kMaxCachedLog2 = 20;
const std::vector<std::uint32_t>& shared_roots(const Field& field, std::size_t size,
                                               std::vector<std::uint32_t>& scratch);

}  // namespace playground::ntt

// n! by the prime swing: n! = (floor(n/2)!)^2 * swing(n), where swing(n) = n! / (floor(n/2)!)^2
// has about n bits and is a product of prime powers read off a sieve. Each level costs one
// squaring of half the result (one forward transform, not two) plus a short product, instead of
// the product tree's multiplications of all n factors.
#include <algorithm>
#include <bit>
#include <vector>

#include "playground/factorial.hpp"
#include "playground/primes.hpp"

namespace playground {
namespace {

// Below this, n! is a handful of word products (and 20! still fits in 64 bits).
constexpr std::uint64_t kSwingDirectLimit = 20;

void swing_times_word(BigInt& product, std::uint64_t word) {
  using boost::multiprecision::limb_type;
  // Boost's limb is 32 bits in the wasm build: a 64-bit word goes in as a BigInt there.
  if constexpr (sizeof(limb_type) >= sizeof(std::uint64_t)) product *= static_cast<limb_type>(word);
  else product *= BigInt(word);
}

// Product of factors[lo, hi), each < 2^32: words packed while their product fits 64 bits,
// then halves of similar size multiplied, so the big products are balanced.
BigInt swing_product(const std::vector<std::uint64_t>& factors, std::size_t lo, std::size_t hi) {
  if (hi - lo <= 16) {
    BigInt product = 1;
    std::uint64_t word = 1;
    for (std::size_t k = lo; k < hi; ++k) {
      if (word > UINT64_MAX / factors[k]) {
        swing_times_word(product, word);
        word = 1;
      }
      word *= factors[k];
    }
    swing_times_word(product, word);
    return product;
  }
  const std::size_t mid = lo + (hi - lo) / 2;
  return multiply(swing_product(factors, lo, mid), swing_product(factors, mid, hi));
}

// The odd part of swing(n) = n! / (floor(n/2)!)^2 = prod over odd primes p <= n of p^e, where e
// is the number of k >= 1 with floor(n / p^k) odd (Legendre: e = sum floor(n/p^k) - 2 floor(n/(2p^k))).
BigInt odd_swing(std::uint64_t n, const std::vector<std::uint32_t>& primes) {
  std::vector<std::uint64_t> factors;
  for (const std::uint32_t p : primes) {
    if (p > n) break;
    if (p == 2) continue;  // the powers of two are shifted in once, at the end
    std::uint64_t power = 1;
    for (std::uint64_t q = n / p; q > 0; q /= p)
      if (q & 1) power *= p;  // p^e <= n < 2^32: no overflow
    if (power > 1) factors.push_back(power);
  }
  return swing_product(factors, 0, factors.size());
}

// The odd part of n!: n! = odd(n) * 2^(n - popcount(n)) (Legendre), and odd(n) = odd(n/2)^2 times
// the odd part of swing(n). The products skip n!'s zero low bits (6% of them); one shift puts them back.
BigInt odd_factorial(std::uint64_t n, const std::vector<std::uint32_t>& primes) {
  if (n <= kSwingDirectLimit) {
    std::uint64_t value = 1;
    for (std::uint64_t k = 2; k <= n; ++k) value *= k;
    return BigInt(value >> std::countr_zero(value));
  }
  return multiply(square(odd_factorial(n / 2, primes)), odd_swing(n, primes));
}

}  // namespace

BigInt factorial_prime_swing(std::uint64_t n) {
  if (n > UINT32_MAX) return factorial_product_tree(n);  // prime powers must fit 32 bits
  const BigInt odd = odd_factorial(n, primes_up_to(static_cast<std::uint32_t>(n)));
  return odd << (n - static_cast<std::uint64_t>(std::popcount(n)));
}

}  // namespace playground

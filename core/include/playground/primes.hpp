#pragma once
#include <cstdint>
#include <vector>

namespace playground {

// The seed's test: divide by every d in 2..isqrt(n), stop at the first divisor.
bool is_prime_trial_division(std::uint32_t n);

std::uint32_t integer_sqrt(std::uint64_t n);

struct PrimeTally {
  std::uint64_t count = 0;
  std::uint64_t largest = 0;  // 0 when count is 0
  void add(const PrimeTally& other);
};

// Primes in [first, last) by trial division.
PrimeTally tally_primes_trial(std::uint64_t first, std::uint64_t last);

// Primes in [first, last) by sieving the segment with `base` (all primes <= isqrt(last - 1)).
PrimeTally tally_primes_sieve(std::uint64_t first, std::uint64_t last,
                              const std::vector<std::uint32_t>& base);

// Every prime <= limit (small limits: the sieve's base primes).
std::vector<std::uint32_t> primes_up_to(std::uint32_t limit);

}  // namespace playground

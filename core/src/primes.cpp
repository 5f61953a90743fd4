#include "playground/primes.hpp"

#include <algorithm>
#include <cmath>

namespace playground {

std::uint32_t integer_sqrt(std::uint64_t n) {
  // Near 2^64 the double rounds up to 2^32, whose square overflows: clamp to the largest root.
  constexpr std::uint64_t kMaxRoot = 0xFFFF'FFFF;
  auto root = std::min(kMaxRoot, static_cast<std::uint64_t>(std::sqrt(static_cast<double>(n))));
  while (root * root > n) --root;  // correct the double's rounding both ways
  while (root < kMaxRoot && (root + 1) * (root + 1) <= n) ++root;
  return static_cast<std::uint32_t>(root);
}

// snippet-begin: primes-trial-division
bool is_prime_trial_division(std::uint32_t n) {
  if (n < 2) return false;
  // A divisor above the square root pairs with one below it, so testing up to the root is enough.
  const std::uint32_t bound = integer_sqrt(n);
  for (std::uint32_t divisor = 2; divisor <= bound; ++divisor)
    if (n % divisor == 0) return false;  // found one: no need to try the rest
  return true;
}
// snippet-end: primes-trial-division

void PrimeTally::add(const PrimeTally& other) {
  count += other.count;
  largest = std::max(largest, other.largest);
}

PrimeTally tally_primes_trial(std::uint64_t first, std::uint64_t last) {
  PrimeTally tally;
  for (std::uint64_t n = first; n < last; ++n) {
    if (is_prime_trial_division(static_cast<std::uint32_t>(n))) {
      ++tally.count;
      tally.largest = n;
    }
  }
  return tally;
}

std::vector<std::uint32_t> primes_up_to(std::uint32_t limit) {
  std::vector<bool> composite(static_cast<std::size_t>(limit) + 1, false);
  std::vector<std::uint32_t> primes;
  for (std::uint64_t n = 2; n <= limit; ++n) {
    if (composite[n]) continue;
    primes.push_back(static_cast<std::uint32_t>(n));
    for (std::uint64_t multiple = n * n; multiple <= limit; multiple += n) composite[multiple] = true;
  }
  return primes;
}

PrimeTally tally_primes_sieve(std::uint64_t first, std::uint64_t last,
                              const std::vector<std::uint32_t>& base) {
  PrimeTally tally;
  first = std::max<std::uint64_t>(first, 2);
  if (first >= last) return tally;
  // snippet-begin: primes-sieve-segment
  // Cross off this segment's multiples of each base prime (the primes up to the square root of the
  // limit, found once before the run): no division at all, and what stays uncrossed is prime.
  std::vector<char> composite(last - first, 0);
  for (const std::uint64_t p : base) {
    if (p * p >= last) break;
    // First multiple of p in the segment that is not p itself.
    std::uint64_t multiple = std::max(p * p, (first + p - 1) / p * p);
    for (; multiple < last; multiple += p) composite[multiple - first] = 1;
  }
  // snippet-end: primes-sieve-segment
  for (std::uint64_t i = composite.size(); i-- > 0;) {
    if (!composite[i]) {
      if (tally.count == 0) tally.largest = first + i;
      ++tally.count;
    }
  }
  return tally;
}

}  // namespace playground

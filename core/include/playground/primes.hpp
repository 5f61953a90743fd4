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

// The sieve's working memory, reused from call to call: one per worker, never shared.
struct SieveScratch {
  std::vector<std::uint8_t> segment;  // one bit per number coprime to 30, a byte per 30 numbers
  std::vector<std::uint32_t> next;    // per base prime, 8 runs: the next byte each crosses off
};

// Numbers in one segment of the sieve: 32 KiB of bits on the mod-30 wheel, sized to stay in L1.
inline constexpr std::uint64_t kSieveSegmentBytes = 32 * 1024;
inline constexpr std::uint64_t kSieveSegmentNumbers = 30 * kSieveSegmentBytes;
// The sieve computes p * q near `last`: beyond this it refuses (std::invalid_argument).
inline constexpr std::uint64_t kSieveMaxLast = std::uint64_t{1} << 62;

// Primes in [first, last) by a segmented sieve on the mod-30 wheel; `base` holds (at least) every
// prime <= isqrt(last - 1), in increasing order.
PrimeTally tally_primes_sieve(std::uint64_t first, std::uint64_t last,
                              const std::vector<std::uint32_t>& base, SieveScratch& scratch);
// The same with scratch memory of its own.
PrimeTally tally_primes_sieve(std::uint64_t first, std::uint64_t last,
                              const std::vector<std::uint32_t>& base);

// Every prime <= limit (small limits: the sieve's base primes).
std::vector<std::uint32_t> primes_up_to(std::uint32_t limit);

}  // namespace playground

#include "playground/primes.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>

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

namespace {

// The mod-30 wheel: every prime above 5 is 30b + r for one of these 8 residues r, so a byte b holds
// the 8 candidates among 30b .. 30b + 29, bit k for kWheelResidues[k] (increasing with k).
constexpr std::array<std::uint8_t, 8> kWheelResidues = {1, 7, 11, 13, 17, 19, 23, 29};

// Bit of residue r (0..29) on the wheel; 8 where r shares a factor with 30 and has no bit.
constexpr std::array<std::uint8_t, 30> kWheelBitOf = [] {
  std::array<std::uint8_t, 30> bits{};
  bits.fill(8);
  for (std::uint8_t k = 0; k < 8; ++k) bits[kWheelResidues[k]] = k;
  return bits;
}();

// kWheelCrossMask[a][k] clears the bit of p * q for p on wheel bit a and q on wheel bit k: the
// residue of a product depends only on the residues of its factors.
constexpr auto kWheelCrossMask = [] {
  std::array<std::array<std::uint8_t, 8>, 8> masks{};
  for (std::size_t a = 0; a < 8; ++a)
    for (std::size_t k = 0; k < 8; ++k)
      masks[a][k] = static_cast<std::uint8_t>(~(1u << kWheelBitOf[kWheelResidues[a] * kWheelResidues[k] % 30]));
  return masks;
}();

// 7, 11, 13 and 17 strike the densest; their multiples repeat every 7*11*13*17 bytes, so each
// segment starts as a copy of that pattern instead of crossing them off one by one.
constexpr std::uint64_t kSievePresievePeriod = 7 * 11 * 13 * 17;
constexpr std::uint32_t kSieveFirstCrossedPrime = 19;
// Byte 0's fix after the copy: 1 is not prime, 7..17 are (the pattern struck them as multiples).
constexpr std::uint8_t kSieveByteZeroPrimes = 0b0001'1110;

const std::vector<std::uint8_t>& sieve_presieve_pattern() {
  static const std::vector<std::uint8_t> pattern = [] {
    std::vector<std::uint8_t> bytes(kSievePresievePeriod, 0);
    for (std::uint64_t b = 0; b < kSievePresievePeriod; ++b)
      for (std::size_t k = 0; k < 8; ++k) {
        const std::uint64_t n = 30 * b + kWheelResidues[k];
        if (n % 7 != 0 && n % 11 != 0 && n % 13 != 0 && n % 17 != 0) bytes[b] |= static_cast<std::uint8_t>(1u << k);
      }
    return bytes;
  }();
  return pattern;
}

// The bits of byte b for the numbers >= first, or < last.
std::uint8_t sieve_bits_from(std::uint64_t b, std::uint64_t first) {
  std::uint8_t mask = 0;
  for (std::size_t k = 0; k < 8; ++k)
    if (30 * b + kWheelResidues[k] >= first) mask |= static_cast<std::uint8_t>(1u << k);
  return mask;
}
std::uint8_t sieve_bits_below(std::uint64_t b, std::uint64_t last) {
  std::uint8_t mask = 0;
  for (std::size_t k = 0; k < 8; ++k)
    if (30 * b + kWheelResidues[k] < last) mask |= static_cast<std::uint8_t>(1u << k);
  return mask;
}

// The runs' offsets are 32-bit: the range is sieved in stretches of at most this many bytes, and
// each run's start is computed afresh for each stretch.
constexpr std::uint64_t kSieveStretchBytes = std::uint64_t{1} << 30;

// For each prime p and each residue k, the first byte of the stretch [from, from + bytes) where
// p * q (q >= p, q on wheel bit k) falls; `bytes` when that is beyond the stretch.
void sieve_start_runs(const std::uint32_t* primes, std::size_t count, std::uint64_t from, std::uint64_t bytes,
                      std::uint32_t* next) {
  const std::uint64_t start = 30 * from;
  for (std::size_t j = 0; j < count; ++j) {
    const std::uint64_t p = primes[j];
    // Multiples below p * p have a smaller factor and are crossed off by it.
    const std::uint64_t q0 = std::max(p, (start + p - 1) / p);
    for (std::size_t k = 0; k < 8; ++k) {
      const std::uint64_t q = q0 + (kWheelResidues[k] + 30 - q0 % 30) % 30;
      const std::uint64_t byte = p * q / 30 - from;
      next[8 * j + k] = static_cast<std::uint32_t>(std::min(byte, bytes));
    }
  }
}

void sieve_fill_presieved(std::uint8_t* segment, std::uint64_t from, std::uint64_t len) {
  const std::vector<std::uint8_t>& pattern = sieve_presieve_pattern();
  std::uint64_t offset = from % kSievePresievePeriod;
  for (std::uint64_t done = 0; done < len;) {
    const std::uint64_t piece = std::min(len - done, kSievePresievePeriod - offset);
    std::memcpy(segment + done, pattern.data() + offset, piece);
    done += piece;
    offset = 0;
  }
  if (from == 0) segment[0] = static_cast<std::uint8_t>((segment[0] & ~1u) | kSieveByteZeroPrimes);
}

void sieve_cross_off(std::uint8_t* segment, std::uint64_t len, const std::uint32_t* primes, std::size_t count,
                     std::uint32_t* next) {
  // snippet-begin: primes-sieve-segment
  // Each base prime p crosses off p * q for every q coprime to 30. q's 8 residues make 8 runs, and
  // along a run the number grows by 30p each step: p bytes on, always the same bit. Each run goes
  // through this segment (32 KiB, in L1) and remembers where to resume in the next one.
  for (std::size_t j = 0; j < count; ++j) {
    const std::uint64_t p = primes[j];
    const auto& masks = kWheelCrossMask[kWheelBitOf[p % 30]];
    for (std::size_t k = 0; k < 8; ++k) {
      std::uint64_t i = next[8 * j + k];
      for (; i < len; i += p) segment[i] &= masks[k];
      next[8 * j + k] = static_cast<std::uint32_t>(i - len);
    }
  }
  // snippet-end: primes-sieve-segment
}

// Adds the segment's primes (its set bits) to the tally; from is the segment's first byte.
void sieve_count(std::uint8_t* segment, std::uint64_t len, std::uint64_t from, PrimeTally& tally) {
  const std::uint64_t words = (len + 7) / 8;
  std::fill(segment + len, segment + 8 * words, std::uint8_t{0});
  for (std::uint64_t w = 0; w < words; ++w) {
    std::uint64_t word;
    std::memcpy(&word, segment + 8 * w, sizeof word);
    tally.count += static_cast<std::uint64_t>(std::popcount(word));
  }
  for (std::uint64_t i = len; i-- > 0;) {
    if (segment[i] == 0) continue;
    const auto top = static_cast<std::size_t>(std::bit_width(static_cast<unsigned>(segment[i]))) - 1;
    tally.largest = std::max(tally.largest, 30 * (from + i) + kWheelResidues[top]);
    break;
  }
}

}  // namespace

PrimeTally tally_primes_sieve(std::uint64_t first, std::uint64_t last, const std::vector<std::uint32_t>& base,
                              SieveScratch& scratch) {
  if (last > kSieveMaxLast) throw std::invalid_argument("tally_primes_sieve: last must be at most 2^62");
  PrimeTally tally;
  // 2, 3 and 5 divide the wheel's 30: they have no bit and are counted here.
  for (const std::uint64_t p : {2u, 3u, 5u}) {
    if (first <= p && p < last) {
      ++tally.count;
      tally.largest = p;
    }
  }
  if (first >= last) return tally;
  const std::uint64_t lo = first / 30;            // the bytes that hold [first, last)
  const std::uint64_t hi = (last - 1) / 30 + 1;
  // The base primes that cross anything off: from 19 (below, the pattern) while p * p < last.
  const auto from = std::lower_bound(base.begin(), base.end(), kSieveFirstCrossedPrime);
  const auto to = std::partition_point(from, base.end(), [&](std::uint64_t p) { return p * p < last; });
  const std::uint32_t* primes = base.data() + (from - base.begin());
  const auto count = static_cast<std::size_t>(to - from);
  scratch.segment.resize(kSieveSegmentBytes + 8);  // + a word of zeros for the count's last word
  scratch.next.resize(8 * count);
  std::uint8_t* segment = scratch.segment.data();
  for (std::uint64_t stretch = lo; stretch < hi; stretch += kSieveStretchBytes) {
    const std::uint64_t stretch_end = std::min(hi, stretch + kSieveStretchBytes);
    sieve_start_runs(primes, count, stretch, stretch_end - stretch, scratch.next.data());
    for (std::uint64_t seg = stretch; seg < stretch_end; seg += kSieveSegmentBytes) {
      const std::uint64_t len = std::min(kSieveSegmentBytes, stretch_end - seg);
      sieve_fill_presieved(segment, seg, len);
      sieve_cross_off(segment, len, primes, count, scratch.next.data());
      // The range may begin or end inside a byte: drop the bits outside it.
      if (seg == lo) segment[0] &= sieve_bits_from(lo, first);
      if (seg + len == hi) segment[len - 1] &= sieve_bits_below(hi - 1, last);
      sieve_count(segment, len, seg, tally);
    }
  }
  return tally;
}

PrimeTally tally_primes_sieve(std::uint64_t first, std::uint64_t last, const std::vector<std::uint32_t>& base) {
  SieveScratch scratch;
  return tally_primes_sieve(first, last, base, scratch);
}

}  // namespace playground

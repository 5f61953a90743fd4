// Digit count and leading digits of a big integer without its full decimal conversion.
// The leading digits are floor(v / 10^k); an exact 10^k (or 5^k) of a million bits costs as much
// as the factorial's last products, so 5^k is bracketed by two short numbers instead, and the
// quotient is exact whenever both brackets give the same floor. Only when v / 10^k lies within a
// hair of an integer (powers of ten, say) does the exact division run.
#include <bit>
#include <cmath>

#include "playground/factorial.hpp"

namespace playground {
namespace {

// Working precision of the brackets: 5^k's relative error grows to about 2k * 2^-(bits - 1), which
// for any k below 2^40 leaves dozens of bits under the 67-bit quotient.
constexpr std::uint64_t kBracketBits = 192;

// Below this many decimal digits the exact way is already cheap.
constexpr std::uint64_t kSummaryExactDigits = 40;

std::uint64_t summary_bit_length(const BigInt& value) { return boost::multiprecision::msb(value) + 1; }

// x * 2^exponent, with x cut to kBracketBits bits (rounded down or up).
struct ScaledBound {
  BigInt mantissa;
  std::int64_t exponent = 0;
};

ScaledBound truncate_bound(BigInt mantissa, std::int64_t exponent, bool round_up) {
  const std::uint64_t bits = summary_bit_length(mantissa);
  if (bits <= kBracketBits) return {std::move(mantissa), exponent};
  const std::uint64_t drop = bits - kBracketBits;
  BigInt kept = mantissa >> drop;
  if (round_up) ++kept;  // (kept + 1) * 2^drop > mantissa whenever any bit was dropped or not
  return {std::move(kept), exponent + static_cast<std::int64_t>(drop)};
}

// A bound on 5^k from below (round_up false) or above (true): binary powering, each product cut
// back to kBracketBits, always in the same direction, so the bound stays a bound.
ScaledBound power_of_five_bound(std::uint64_t k, bool round_up) {
  ScaledBound result{1, 0};
  for (int bit = static_cast<int>(std::bit_width(k)) - 1; bit >= 0; --bit) {
    result = truncate_bound(result.mantissa * result.mantissa, 2 * result.exponent, round_up);
    if ((k >> bit) & 1) result = truncate_bound(result.mantissa * 5, result.exponent, round_up);
  }
  return result;
}

// x * 2^shift, rounded down (shift may be negative).
BigInt bound_shifted_down(const BigInt& x, std::int64_t shift) {
  return shift >= 0 ? BigInt(x << shift) : BigInt(x >> static_cast<std::uint64_t>(-shift));
}
// x * 2^shift, rounded up.
BigInt bound_shifted_up(const BigInt& x, std::int64_t shift) {
  if (shift >= 0) return x << shift;
  return BigInt((x - 1) >> static_cast<std::uint64_t>(-shift)) + 1;  // x >= 1 here
}

enum class BracketOutcome { Exact, TooFewDigits, TooManyDigits, Undecided };

// Tries floor(value / 10^(digits - 20)) from the brackets; on Exact, leading holds it (20 digits).
BracketOutcome leading_by_brackets(const BigInt& value, std::uint64_t bits, std::uint64_t digits, BigInt& leading) {
  const std::uint64_t k = digits - 20;
  // value lies in [top, top + 1) * 2^s.
  const std::uint64_t s = bits - kBracketBits;
  const BigInt top = value >> s;
  const ScaledBound below = power_of_five_bound(k, false), above = power_of_five_bound(k, true);
  // value / 10^k = value / (5^k 2^k): smallest with the largest 5^k, largest with the smallest.
  const std::int64_t base_shift = static_cast<std::int64_t>(s) - static_cast<std::int64_t>(k);
  const BigInt low = bound_shifted_down(top, base_shift - above.exponent) / above.mantissa;
  const BigInt high = bound_shifted_up(BigInt(top + 1), base_shift - below.exponent) / below.mantissa;
  if (low != high) return BracketOutcome::Undecided;  // floors differ: within a hair of an integer
  static const BigInt ten_to_19 = boost::multiprecision::pow(BigInt(10), 19);
  static const BigInt ten_to_20 = ten_to_19 * 10;
  if (low >= ten_to_20) return BracketOutcome::TooFewDigits;
  if (low < ten_to_19) return BracketOutcome::TooManyDigits;
  leading = low;
  return BracketOutcome::Exact;
}

// The exact way: 10^k = 5^k * 2^k, so v < 10^k exactly when (v >> k) < 5^k, and
// v / 10^k = (v >> k) / 5^k (floors of floors).
void summarize_exactly(const BigInt& value, std::uint64_t digits, DecimalSummary& summary) {
  BigInt five_power = power(BigInt(5), digits - 1);  // 5^(digits - 1)
  if (BigInt(value >> (digits - 1)) < five_power) {
    --digits;
    five_power /= 5;
  } else if (BigInt(value >> digits) >= five_power * 5) {
    ++digits;
    five_power *= 5;
  }
  summary.digits = digits;
  if (digits <= 20) {
    summary.leading = value.str();
    return;
  }
  // 5^19 leaves in divisors of one 32-bit limb: Boost divides by a multi-limb number in quadratic
  // time when the quotient is long, which the wasm build's 32-bit limbs would hit.
  const BigInt scale = five_power / 1'220'703'125u / 15'625u;  // 5^(digits-20), as 5^19 = 5^13 * 5^6
  summary.leading = BigInt(BigInt(value >> (digits - 20)) / scale).str();
}

}  // namespace

DecimalSummary summarize_decimal(const BigInt& value) {
  if (value == 0) return {1, "0", 0};
  DecimalSummary summary;
  summary.bits = summary_bit_length(value);
  // Estimate log10 from the top 53 bits (off by far less than one digit).
  const std::uint64_t shift = summary.bits > 53 ? summary.bits - 53 : 0;
  const double top = static_cast<double>(static_cast<std::uint64_t>(value >> shift));
  const double log10_value = std::log10(top) + static_cast<double>(shift) * std::log10(2.0);
  std::uint64_t digits = static_cast<std::uint64_t>(log10_value) + 1;
  if (digits > kSummaryExactDigits && summary.bits > kBracketBits) {
    BigInt leading;
    // The estimate is off by at most one: at most two corrections settle it.
    for (int attempt = 0; attempt < 3; ++attempt) {
      const BracketOutcome outcome = leading_by_brackets(value, summary.bits, digits, leading);
      if (outcome == BracketOutcome::Exact) {
        summary.digits = digits;
        summary.leading = leading.str();
        return summary;
      }
      if (outcome == BracketOutcome::Undecided) break;
      digits = outcome == BracketOutcome::TooFewDigits ? digits + 1 : digits - 1;
    }
  }
  summarize_exactly(value, digits, summary);
  return summary;
}

}  // namespace playground

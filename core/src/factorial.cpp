#include "playground/factorial.hpp"

#include <vector>

namespace playground {
namespace {

using boost::multiprecision::limb_type;

// snippet-begin: factorial-product-tree
// Product of lo..hi (inclusive), split in halves until the factors fit a machine word.
// Halving keeps the two operands of each big multiplication about the same size, where fast
// multiplication pays off; multiplying 1, 2, 3 ... in order would grow one huge number by tiny steps.
BigInt product_range(std::uint64_t lo, std::uint64_t hi) {
  if (hi - lo < 8) {
    // Short ranges: multiplying by one machine word at a time is cheap.
    BigInt product = 1;
    for (std::uint64_t k = lo; k <= hi; ++k) product *= static_cast<limb_type>(k);
    return product;
  }
  const std::uint64_t mid = lo + (hi - lo) / 2;
  return multiply(product_range(lo, mid), product_range(mid + 1, hi));
}
// snippet-end: factorial-product-tree

BigInt power_of_ten(std::uint64_t exponent) { return power(BigInt(10), exponent); }

// powers[k] divides by 10^(kChunkDigits * 2^k). A value below powers[level + 1] splits at
// powers[level] into two halves of equal digit width; the recursion ends in str() on small pieces.
constexpr std::uint64_t kChunkDigits = 512;

// Writes value (< powers[level + 1]) with exactly kChunkDigits * 2^(level + 1) digits.
void append_padded(std::string& out, const BigInt& value, const std::vector<FixedDivisor>& powers, int level) {
  if (level < 0) {
    const std::string text = value.str();
    out.append(kChunkDigits - text.size(), '0');
    out += text;
    return;
  }
  BigInt high, low;
  powers[level].divide(value, high, low);
  append_padded(out, high, powers, level - 1);
  append_padded(out, low, powers, level - 1);
}

// Writes value (< powers[level + 1]) without leading zeros.
void append_unpadded(std::string& out, const BigInt& value, const std::vector<FixedDivisor>& powers, int level) {
  while (level >= 0 && value < powers[level].divisor()) --level;
  if (level < 0) {
    out += value.str();
    return;
  }
  BigInt high, low;
  powers[level].divide(value, high, low);
  append_unpadded(out, high, powers, level - 1);
  append_padded(out, low, powers, level - 1);
}

}  // namespace

BigInt factorial_product_tree(std::uint64_t n) {
  if (n < 2) return 1;
  return product_range(2, n);
}

std::uint64_t factorial_trailing_zeros(std::uint64_t n) {
  std::uint64_t zeros = 0;
  for (std::uint64_t power = 5; power <= n; power *= 5) zeros += n / power;
  return zeros;
}

std::string to_decimal(const BigInt& value) {
  if (value < 0) {
    std::string digits = to_decimal(-value);
    digits.insert(digits.begin(), '-');  // (not "-" + ...: GCC 12 warns falsely on that, -Wrestrict)
    return digits;
  }
  std::vector<FixedDivisor> powers;
  for (BigInt ten_power = power_of_ten(kChunkDigits); ten_power <= value; ten_power = square(ten_power))
    powers.emplace_back(ten_power);
  if (powers.empty()) return value.str();
  std::string out;
  append_unpadded(out, value, powers, static_cast<int>(powers.size()) - 1);
  return out;
}

}  // namespace playground

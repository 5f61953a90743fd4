// Factorials and big-number decimal facts: golden digit counts and leading digits, trailing
// zeros, bit lengths, and the divide-and-conquer decimal conversion against Boost's own str().
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core_support.hpp"
#include "playground/factorial.hpp"

namespace playground::testing {
namespace {

struct FactorialGolden {
  std::uint64_t n;
  std::uint64_t digits;
  std::string leading;  // first min(20, digits) digits
  std::uint64_t trailing_zeros;
  std::uint64_t bits;
};

const std::vector<FactorialGolden> kFactorials = {
    {0, 1, "1", 0, 1},
    {1, 1, "1", 0, 1},
    {5, 3, "120", 1, 7},
    {20, 19, "2432902008176640000", 4, 62},
    {25, 26, "15511210043330985984", 6, 84},
    {100, 158, "93326215443944152681", 24, 525},
    {1'000, 2'568, "40238726007709377354", 249, 8'530},
    {10'000, 35'660, "28462596809170545189", 2'499, 118'459},
    {100'000, 456'574, "28242294079603478742", 24'999, 1'516'705},
};

BigInt power_of_ten(unsigned exponent) { return boost::multiprecision::pow(BigInt(10), exponent); }

// Trailing zeros counted on the decimal text itself, independently of Legendre's formula.
std::uint64_t zeros_at_end(const std::string& text) {
  const auto last_nonzero = text.find_last_not_of('0');
  return last_nonzero == std::string::npos ? 0 : text.size() - 1 - last_nonzero;
}

TEST(Factorial, ProductTreeMatchesRunningProduct) {
  // A running product is the obvious definition; the tree must compute the same numbers,
  // including across the split threshold of short ranges.
  BigInt running = 1;
  for (std::uint64_t n = 0; n <= 300; ++n) {
    if (n > 1) running *= n;
    ASSERT_EQ(factorial_product_tree(n), running) << n << "!";
  }
}

TEST(Factorial, PrimeSwingMatchesProductTree) {
  // 0..300 crosses the swing's direct cases (n <= 20) and its recursion's small levels; the
  // larger sizes cross multiply()'s transform threshold (3500 digits natively, 500 in wasm) in
  // both the squaring of (n/2)! and the swing's own product; 70001! has a lopsided last product
  // (the square, about 28,000 digits, times the swing, about 2,100) past the lopsided threshold.
  for (std::uint64_t n = 0; n <= 300; ++n) ASSERT_EQ(factorial_prime_swing(n), factorial_product_tree(n)) << n << "!";
  for (std::uint64_t n : {1'023u, 1'024u, 4'099u, 7'919u, 10'000u, 12'345u, 20'000u, 70'001u})
    ASSERT_TRUE(factorial_prime_swing(n) == factorial_product_tree(n)) << n << "!";
}

TEST(Factorial, PrimeSwingHundredThousandFacts) {
  const BigInt value = factorial_prime_swing(100'000);
  const DecimalSummary summary = summarize_decimal(value);
  EXPECT_EQ(summary.digits, 456'574u);
  EXPECT_EQ(summary.leading, "28242294079603478742");
  EXPECT_EQ(summary.bits, 1'516'705u);
  // The exponent of 2 is 100000 - popcount(100000) = 99994 (Legendre).
  EXPECT_EQ(boost::multiprecision::lsb(value), 99'994u);
  // n! is divisible by every prime <= n and leaves 0 modulo each; Wilson: (p-1)! = -1 mod p for p > n.
  for (unsigned p : {2u, 3u, 97u, 99'991u}) EXPECT_EQ(static_cast<unsigned>(value % p), 0u) << p;
  EXPECT_EQ(static_cast<unsigned>(factorial_prime_swing(100'002) % 100'003u), 100'002u);  // 100003 is prime
}

TEST(Factorial, GoldenDigitsLeadingDigitsAndBits) {
  for (const auto& golden : kFactorials) {
    const DecimalSummary summary = summarize_decimal(factorial_product_tree(golden.n));
    EXPECT_EQ(summary.digits, golden.digits) << golden.n << "!";
    EXPECT_EQ(summary.leading, golden.leading) << golden.n << "!";
    EXPECT_EQ(summary.bits, golden.bits) << golden.n << "!";
  }
}

TEST(Factorial, TrailingZerosByLegendre) {
  for (const auto& golden : kFactorials)
    EXPECT_EQ(factorial_trailing_zeros(golden.n), golden.trailing_zeros) << golden.n << "!";
  // 5^k boundaries: 24! has 4, 25! adds two at once.
  EXPECT_EQ(factorial_trailing_zeros(4), 0u);
  EXPECT_EQ(factorial_trailing_zeros(24), 4u);
  EXPECT_EQ(factorial_trailing_zeros(124), 28u);
  EXPECT_EQ(factorial_trailing_zeros(125), 31u);
}

// The decimal text, the summary and Legendre's formula are three independent computations.
// Whole texts up to 10000! (35660 digits); 100000! has its own test below.
TEST(Factorial, DecimalTextAgreesWithSummaryAndTrailingZeros) {
  for (const auto& golden : kFactorials) {
    if (golden.n > 10'000) continue;
    const std::string text = to_decimal(factorial_product_tree(golden.n));
    EXPECT_EQ(text.size(), golden.digits) << golden.n << "!";
    EXPECT_EQ(text.substr(0, 20), golden.leading) << golden.n << "!";
    EXPECT_EQ(zeros_at_end(text), golden.trailing_zeros) << golden.n << "!";
    EXPECT_EQ(zeros_at_end(text), factorial_trailing_zeros(golden.n)) << golden.n << "!";
  }
}

// The brief's headline case, converted whole: 1.5 million bits, every level of the conversion's
// divide and conquer, each with its own reciprocal.
TEST(Factorial, HundredThousandFactorialAsText) {
  const FactorialGolden& golden = kFactorials.back();
  ASSERT_EQ(golden.n, 100'000u);
  const std::string text = to_decimal(factorial_product_tree(golden.n));
  EXPECT_EQ(text.size(), golden.digits);
  EXPECT_EQ(text.substr(0, 20), golden.leading);
  EXPECT_EQ(zeros_at_end(text), golden.trailing_zeros);
  EXPECT_EQ(zeros_at_end(text), factorial_trailing_zeros(golden.n));
}

TEST(Factorial, SmallFactorialsAsText) {
  EXPECT_EQ(to_decimal(factorial_product_tree(0)), "1");
  EXPECT_EQ(to_decimal(factorial_product_tree(5)), "120");
  EXPECT_EQ(to_decimal(factorial_product_tree(20)), "2432902008176640000");
  EXPECT_EQ(to_decimal(factorial_product_tree(25)), "15511210043330985984000000");
}

TEST(Factorial, RunReportsEveryField) {
  const json result = run_result_json("factorial", "sequential", {{"n", 1000}, {"count", 2}});
  EXPECT_EQ(result, (json{{"n", 1000},
                          {"count", 2},
                          {"digits", 2568},
                          {"leading", "40238726007709377354"},
                          {"trailing_zeros", 249},
                          {"bits", 8530}}));
}

TEST(Factorial, RunPrintsTheWholeNumberOnlyWhenAsked) {
  const json printed = run_result_json("factorial", "threads", {{"n", 25}, {"count", 3}, {"print", true}}, 3);
  EXPECT_EQ(printed.at("decimal"), "15511210043330985984000000");
  const json quiet = run_result_json("factorial", "threads", {{"n", 25}, {"count", 3}}, 3);
  EXPECT_FALSE(quiet.contains("decimal"));
}

// The values where a chunked conversion goes wrong: one below, at and above a power of ten,
// around the 512-digit chunk and its doublings (where the recursion adds a level).
std::vector<BigInt> conversion_cases() {
  std::vector<BigInt> cases;
  for (unsigned exponent : {1u, 2u, 19u, 20u, 63u, 64u, 510u, 511u, 512u, 513u, 1'023u, 1'024u, 1'025u, 2'047u,
                            2'048u, 2'049u, 4'095u, 4'096u, 4'097u}) {
    const BigInt power = power_of_ten(exponent);
    cases.push_back(power - 1);
    cases.push_back(power);
    cases.push_back(power + 1);
  }
  // Numbers with zeros inside a chunk, where a missing padding would shift digits.
  cases.push_back(power_of_ten(1'024) + power_of_ten(511) + 7);
  cases.push_back(power_of_ten(3'000) * 12'345 + 1);
  // Dense numbers with no special structure.
  BigInt three = 1;
  for (int k = 0; k < 6'000; ++k) {
    three *= 3;
    if (k % 997 == 0) cases.push_back(three);
  }
  for (int small = 0; small <= 1'000; small += 37) cases.push_back(small);
  return cases;
}

TEST(ToDecimal, EqualsBoostStr) {
  for (const BigInt& value : conversion_cases()) ASSERT_EQ(to_decimal(value), value.str()) << value.str().size() << " digits";
}

// Large enough for divisors whose reciprocals take Newton steps and whose products take the
// transform (3^100000 has 47,713 digits), small enough for Boost's quadratic str() to check it.
TEST(ToDecimal, LargeNumberEqualsBoostStr) {
  const BigInt value = boost::multiprecision::pow(BigInt(3), 100'000u);
  const std::string text = to_decimal(value);
  EXPECT_EQ(text.size(), 47'713u);
  EXPECT_TRUE(text == value.str()) << "to_decimal(3^100000) differs from Boost's str()";
}

TEST(ToDecimal, NegativeNumbersAndZero) {
  EXPECT_EQ(to_decimal(0), "0");
  EXPECT_EQ(to_decimal(-1), "-1");
  const BigInt negative = -(power_of_ten(600) + 42);
  EXPECT_EQ(to_decimal(negative), negative.str());
}

TEST(SummarizeDecimal, AroundPowersOfTen) {
  for (unsigned k : {1u, 19u, 20u, 21u, 22u, 100u, 511u, 512u, 513u, 1'024u, 5'000u}) {
    const BigInt power = power_of_ten(k);
    const std::string nines(std::min(20u, k), '9');
    const std::string one_zeros = "1" + std::string(std::min(19u, k), '0');

    const DecimalSummary below = summarize_decimal(power - 1);
    EXPECT_EQ(below.digits, k) << "10^" << k << " - 1";
    EXPECT_EQ(below.leading, nines) << "10^" << k << " - 1";

    const DecimalSummary at = summarize_decimal(power);
    EXPECT_EQ(at.digits, k + 1) << "10^" << k;
    EXPECT_EQ(at.leading, one_zeros) << "10^" << k;

    const DecimalSummary above = summarize_decimal(power + 1);
    EXPECT_EQ(above.digits, k + 1) << "10^" << k << " + 1";
    // Leading digits are truncated, not rounded: the final 1 only shows when it is among the first 20.
    const std::string expected_above = k + 1 <= 20 ? BigInt(power + 1).str() : one_zeros;
    EXPECT_EQ(above.leading, expected_above) << "10^" << k << " + 1";
  }
}

// Above 40 digits the leading digits come from two short bounds on 5^k; these are Python's
// (gmpy2) digit counts and first digits, far past where any cut in those bounds would show.
TEST(SummarizeDecimal, LargePowersMatchPython) {
  struct Golden {
    unsigned base, exponent;
    std::uint64_t digits;
    std::string leading;
  };
  for (const Golden& golden : {Golden{3, 1'000'000, 477'122, "17977101166757438380"},
                               Golden{7, 777'777, 657'298, "65806405404383716697"},
                               Golden{2, 4'000'000, 1'204'120, "96085073077698429403"}}) {
    const DecimalSummary summary = summarize_decimal(power(BigInt(golden.base), golden.exponent));
    EXPECT_EQ(summary.digits, golden.digits) << golden.base << "^" << golden.exponent;
    EXPECT_EQ(summary.leading, golden.leading) << golden.base << "^" << golden.exponent;
  }
}

// Either side of 40 digits (the bounds' lower limit) and values whose quotient by 10^k lies a
// hair from an integer, where the bounds cannot decide and the exact division takes over.
TEST(SummarizeDecimal, AgreesWithTheTextAcrossTheBoundsLimit) {
  std::vector<BigInt> values;
  for (unsigned k : {38u, 39u, 40u, 41u, 42u, 58u, 59u, 60u, 300u, 2'000u}) {
    values.push_back(power_of_ten(k) * 2 - 1);                    // 1999...9|999: just below an integer
    values.push_back(power_of_ten(k) * 3 + 1);                    // 3000...0|001: just above one
    values.push_back(power_of_ten(k) + power_of_ten(k / 2) * 7);  // zeros deep inside
  }
  BigInt three = 1;
  for (int k = 1; k <= 3'000; ++k) {
    three *= 3;
    if (k % 61 == 0) values.push_back(three);
  }
  for (const BigInt& value : values) {
    const std::string text = value.str();
    const DecimalSummary summary = summarize_decimal(value);
    ASSERT_EQ(summary.digits, text.size()) << text;
    ASSERT_EQ(summary.leading, text.substr(0, 20)) << text;
  }
}

TEST(SummarizeDecimal, LeadingDigitsAreNotRounded) {
  // 19999999999999999999|9 would round up to 2000...; the summary must keep the 1.
  const BigInt value = power_of_ten(21) * 2 - 1;  // 21 nines after a 1
  const DecimalSummary summary = summarize_decimal(value);
  EXPECT_EQ(summary.digits, 22u);
  EXPECT_EQ(summary.leading, "1" + std::string(19, '9'));
}

TEST(SummarizeDecimal, ZeroAndSmallValues) {
  const DecimalSummary zero = summarize_decimal(0);
  EXPECT_EQ(zero.digits, 1u);
  EXPECT_EQ(zero.leading, "0");
  EXPECT_EQ(zero.bits, 0u);
  const DecimalSummary seven = summarize_decimal(7);
  EXPECT_EQ(seven.digits, 1u);
  EXPECT_EQ(seven.leading, "7");
  EXPECT_EQ(seven.bits, 3u);
}

TEST(SummarizeDecimal, BitLengthAtPowersOfTwo) {
  for (unsigned k : {1u, 52u, 53u, 54u, 64u, 65u, 1'000u}) {
    const BigInt power = BigInt(1) << k;
    EXPECT_EQ(summarize_decimal(power - 1).bits, k) << "2^" << k << " - 1";
    EXPECT_EQ(summarize_decimal(power).bits, k + 1) << "2^" << k;
    EXPECT_EQ(summarize_decimal(power).digits, power.str().size()) << "2^" << k;
    EXPECT_EQ(summarize_decimal(power - 1).leading, BigInt(power - 1).str().substr(0, 20)) << "2^" << k << " - 1";
  }
}

}  // namespace
}  // namespace playground::testing

#pragma once
#include <cstdint>
#include <string>

#include "playground/bigint.hpp"
#include "playground/decimal_summary.hpp"

namespace playground {

// n! by a balanced product tree: operands of similar size let multiply() (Karatsuba, then a
// number-theoretic transform) do the heavy products, where a running product would multiply one
// huge number by one small number n times.
BigInt factorial_product_tree(std::uint64_t n);

// n! by the prime swing (factorial_swing.cpp): half the factorial squared, times a product of
// prime powers. The same value, computed faster for large n.
BigInt factorial_prime_swing(std::uint64_t n);

DecimalSummary summarize_decimal(const BigInt& value);

// Trailing decimal zeros of n!: Legendre's formula for the exponent of 5 (2 is always more plentiful).
std::uint64_t factorial_trailing_zeros(std::uint64_t n);

// The full decimal string by divide and conquer over powers of ten (Boost's str() is quadratic).
std::string to_decimal(const BigInt& value);

}  // namespace playground

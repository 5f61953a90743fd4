#pragma once
// How a fuzz target reports what it found: a line naming the target and the check, then abort(),
// which libFuzzer turns into a saved crash input.
#include <cstdio>
#include <cstdlib>
#include <string_view>

[[noreturn]] inline void report_finding(std::string_view target, std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "%.*s: %.*s: %.*s\n", static_cast<int>(target.size()), target.data(),
               static_cast<int>(what.size()), what.data(), static_cast<int>(detail.size()), detail.data());
  std::abort();
}

#include "playground/platform.hpp"

#include <chrono>
#include <thread>

#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#elif defined(__EMSCRIPTEN__)
#include <pthread.h>
#endif

namespace playground {

double now_ms() {
  // steady_clock is CLOCK_MONOTONIC on Linux: comparable across the processes of one machine.
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

std::int64_t current_pid() { return static_cast<std::int64_t>(::getpid()); }

std::int64_t current_tid() {
#if defined(__linux__)
  return static_cast<std::int64_t>(::syscall(SYS_gettid));
#elif defined(__EMSCRIPTEN__)
  // pthread_t is the thread's control block address in Emscripten: unique per live thread.
  return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(pthread_self()));
#else
  return static_cast<std::int64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()));
#endif
}

unsigned hardware_cores() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

std::string compiler_name() {
#if defined(__clang__)
  std::string version = "clang " __clang_version__;
  while (!version.empty() && version.back() == ' ') version.pop_back();  // the macro ends in a space
  return version;
#elif defined(__GNUC__)
  return "gcc " __VERSION__;
#else
  return "unknown";
#endif
}

const char* runtime_name() {
#if defined(__EMSCRIPTEN__)
  return "wasm";
#else
  return "native";
#endif
}

const char* os_name() {
#if defined(__EMSCRIPTEN__)
  return "emscripten";
#elif defined(__linux__)
  return "linux";
#elif defined(__APPLE__)
  return "macos";
#else
  return "unknown";
#endif
}

}  // namespace playground

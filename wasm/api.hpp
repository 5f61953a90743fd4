#pragma once
#include <string>

// The module's functions, JSON text in and out (see playground.d.ts for the contract).
// Every failure comes back as an error report, never as a thrown exception.
namespace cplay_wasm {

std::string run(const std::string& request_json);
std::string validate(const std::string& request_json);
std::string run_shard(const std::string& request_json, double index, double count, double origin_ms);
std::string assemble(const std::string& request_json, const std::string& shards_json, double wall_ms);
std::string info();
// This module's clock in ms (runShard()'s origin_ms is read on it): a number, no JSON.
double now_ms();

}  // namespace cplay_wasm

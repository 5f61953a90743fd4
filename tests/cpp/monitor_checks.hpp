#pragma once
// What every monitor run must show, whatever the mode and however noisy the machine: each worker
// starts once and ends once after it, and each sample says alive exactly for the workers whose
// 'started' came before it and whose 'ended' did not (order, never time). Used by core and native tests.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace cplay::testing {

// `events`: the JSON lines in stream order (monitor_event_to_json's shape).
inline void expect_consistent_monitor_events(const std::vector<nlohmann::json>& events, std::size_t workers) {
  std::map<std::string, int> state;  // 0 not started, 1 alive, 2 ended
  std::size_t samples = 0;
  for (const nlohmann::json& event : events) {
    const std::string kind = event.at("event").get<std::string>();
    if (kind == "started") {
      EXPECT_EQ(state[event.at("worker")], 0) << event.dump();
      state[event.at("worker")] = 1;
    } else if (kind == "ended") {
      EXPECT_EQ(state[event.at("worker")], 1) << "ended before it started: " << event.dump();
      state[event.at("worker")] = 2;
    } else {
      ASSERT_EQ(kind, "sample");
      ++samples;
      ASSERT_EQ(event.at("workers").size(), workers) << event.dump();
      for (const nlohmann::json& w : event.at("workers"))
        EXPECT_EQ(w.at("alive").get<bool>(), state[w.at("worker")] == 1) << "sample disagrees with the events before it: "
                                                                         << event.dump();
    }
  }
  EXPECT_EQ(state.size(), workers);
  for (const auto& [name, s] : state) EXPECT_EQ(s, 2) << name << " never ended";
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().at("event"), "sample") << "the run ends with a last check";
  EXPECT_GE(samples, 1u);
}

}  // namespace cplay::testing

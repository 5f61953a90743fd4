#include "playground/run.hpp"

namespace playground {

using json = nlohmann::json;

json shard_to_json(const ShardOutcome& outcome) {
  const Span& s = outcome.span;
  return {{"partial", outcome.partial},
          {"span",
           {{"worker", s.worker},
            {"pid", s.pid},
            {"tid", s.tid},
            {"start_ms", s.start_ms},
            {"end_ms", s.end_ms},
            {"items", s.items}}}};
}

ShardOutcome shard_from_json(const json& in) {
  const json& s = in.at("span");
  ShardOutcome outcome;
  outcome.partial = in.at("partial");
  outcome.span = Span{s.at("worker").get<std::uint64_t>(), s.at("pid").get<std::int64_t>(),
                      s.at("tid").get<std::int64_t>(),     s.at("start_ms").get<double>(),
                      s.at("end_ms").get<double>(),        s.at("items").get<std::uint64_t>()};
  return outcome;
}

}  // namespace playground

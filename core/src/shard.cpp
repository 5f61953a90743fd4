#include <string>

#include "json_fields.hpp"
#include "playground/report_json.hpp"

namespace playground {

using json = nlohmann::json;

json shard_to_json(const ShardOutcome& outcome) {
  const Span& s = outcome.span;
  return {{"partial", partial_to_json(outcome.partial)},
          {"span",
           {{"worker", s.worker},
            {"pid", s.pid},
            {"tid", s.tid},
            {"start_ms", s.start_ms},
            {"end_ms", s.end_ms},
            {"items", s.items}}}};
}

ShardOutcome shard_from_json(const json& in, Demo demo) {
  const JsonFields shard(in, "shard");
  const JsonFields span(shard.at("span"), "shard span");
  ShardOutcome outcome;
  outcome.partial = partial_from_json(demo, shard.at("partial"));
  outcome.span = Span{span.integer<std::uint64_t>("worker"), span.integer<std::int64_t>("pid"),
                      span.integer<std::int64_t>("tid"),     span.number("start_ms"),
                      span.number("end_ms"),                 span.integer<std::uint64_t>("items")};
  return outcome;
}

}  // namespace playground

#include "playground/run.hpp"

#include "playground/json_integer.hpp"

#include <stdexcept>
#include <string>
#include <utility>

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
  outcome.span = Span{integer_of<std::uint64_t>(s.at("worker"), "worker"),
                      integer_of<std::int64_t>(s.at("pid"), "pid"),
                      integer_of<std::int64_t>(s.at("tid"), "tid"),
                      s.at("start_ms").get<double>(),
                      s.at("end_ms").get<double>(),
                      integer_of<std::uint64_t>(s.at("items"), "items")};
  return outcome;
}

}  // namespace playground

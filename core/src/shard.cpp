#include "playground/run.hpp"

#include <stdexcept>
#include <string>
#include <utility>

namespace playground {

using json = nlohmann::json;

namespace {

// An integer field of a shard message (from a child process or a browser Worker). get<Integer>()
// would cast a JSON float (1e300, -1.5) with static_cast, undefined behaviour outside Integer's
// range, and wrap a negative into an unsigned.
template <typename Integer>
Integer integer_of(const json& value, const char* field) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (std::in_range<Integer>(number)) return static_cast<Integer>(number);
  } else if (value.is_number_integer()) {
    const auto number = value.get<std::int64_t>();
    if (std::in_range<Integer>(number)) return static_cast<Integer>(number);
  }
  throw std::runtime_error(std::string("shard span ") + field + " must be an integer in range, not " + value.dump());
}

}  // namespace

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

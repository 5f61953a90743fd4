// Results and partials to and from JSON: the only place their report keys are spelled.
#include <cmath>
#include <string>
#include <variant>

#include "json_fields.hpp"
#include "playground/report_json.hpp"

namespace playground {

using json = nlohmann::json;

namespace {

Sync sync_named(const JsonFields& fields, const char* key) {
  const std::string name = fields.text(key);
  std::string names;
  for (const Sync sync : {Sync::None, Sync::Lock, Sync::Atomic}) {
    if (name == to_string(sync)) return sync;
    names += (names.empty() ? "" : ", ") + std::string(to_string(sync));
  }
  fields.wrong(key, "one of " + names, fields.at(key));
}

std::vector<std::int64_t> integers_named(const JsonFields& fields, const char* key) {
  const json& values = fields.at(key);
  if (!values.is_array()) fields.wrong(key, "an array of integers", values);
  std::vector<std::int64_t> out;
  for (const json& value : values) out.push_back(integer_of<std::int64_t>(value, fields.name(key).c_str()));
  return out;
}

}  // namespace

// ---- results ----

void to_json(json& out, const PrimesResult& r) { out = {{"count", r.count}, {"largest", r.largest}}; }

void from_json(const json& in, PrimesResult& r) {
  const JsonFields fields(in, "primes result");
  r = {fields.integer<std::uint64_t>("count"), fields.integer<std::uint64_t>("largest")};
}

void to_json(json& out, const FactorialResult& r) {
  out = {{"n", r.n},
         {"count", r.count},
         {"digits", r.digits},
         {"leading", r.leading},
         {"trailing_zeros", r.trailing_zeros},
         {"bits", r.bits}};
  if (r.decimal) out["decimal"] = *r.decimal;
}

void from_json(const json& in, FactorialResult& r) {
  const JsonFields fields(in, "factorial result");
  r.n = fields.integer<std::uint64_t>("n");
  r.count = fields.integer<std::uint64_t>("count");
  r.digits = fields.integer<std::uint64_t>("digits");
  r.leading = fields.text("leading");
  r.trailing_zeros = fields.integer<std::uint64_t>("trailing_zeros");
  r.bits = fields.integer<std::uint64_t>("bits");
  r.decimal = fields.has("decimal") ? std::optional(fields.text("decimal")) : std::nullopt;
}

void to_json(json& out, const RaceResult& r) {
  out = {{"expected", r.expected},
         {"final", r.final_value},
         {"sync", to_string(r.sync)},
         {"increments_done", r.increments_done}};
  if (r.shared_memory) out["shared_memory"] = *r.shared_memory;
  if (r.child_finals) out["child_finals"] = *r.child_finals;
  if (r.lost) out["lost"] = *r.lost;
}

void from_json(const json& in, RaceResult& r) {
  const JsonFields fields(in, "race result");
  r.expected = fields.integer<std::int64_t>("expected");
  r.final_value = fields.integer<std::int64_t>("final");
  r.sync = sync_named(fields, "sync");
  r.increments_done = fields.integer<std::uint64_t>("increments_done");
  r.shared_memory = fields.has("shared_memory") ? std::optional(fields.boolean("shared_memory")) : std::nullopt;
  r.child_finals = fields.has("child_finals") ? std::optional(integers_named(fields, "child_finals")) : std::nullopt;
  r.lost = fields.has("lost") ? std::optional(fields.integer<std::int64_t>("lost")) : std::nullopt;
}

void to_json(json& out, const FetchRecord& f) {
  const auto rounded = [](double ms) { return std::round(ms * 1000.0) / 1000.0; };
  out = {{"task", f.task},
         {"bytes", f.bytes},
         {"intact", f.intact},
         {"start_ms", rounded(f.start_ms)},
         {"first_byte_ms", rounded(f.first_byte_ms)},
         {"end_ms", rounded(f.end_ms)}};
}

void from_json(const json& in, FetchRecord& f) {
  const JsonFields fields(in, "io fetch");
  f = {fields.integer<std::uint64_t>("task"), fields.integer<std::uint64_t>("bytes"), fields.boolean("intact"),
       fields.number("start_ms"), fields.number("first_byte_ms"), fields.number("end_ms")};
}

namespace {

// A bounded array of fetches from another process: at most one per task a run may have.
std::vector<FetchRecord> fetches_named(const JsonFields& fields, const char* key) {
  const json& values = fields.at(key);
  if (!values.is_array() || values.size() > combined_limits().max_http_tasks)
    fields.wrong(key, "an array of at most " + std::to_string(combined_limits().max_http_tasks) + " fetches", values);
  return values.get<std::vector<FetchRecord>>();
}

}  // namespace

void to_json(json& out, const IoResult& r) {
  out = {{"tasks", r.tasks}, {"completed", r.completed}};
  if (r.fetches) out["fetches"] = *r.fetches;
  if (r.total_bytes) out["total_bytes"] = *r.total_bytes;
  if (r.intact) out["intact"] = *r.intact;
}

void from_json(const json& in, IoResult& r) {
  const JsonFields fields(in, "io result");
  r = IoResult{};
  r.tasks = fields.integer<std::uint64_t>("tasks");
  r.completed = fields.integer<std::uint64_t>("completed");
  if (fields.has("fetches")) {
    r.fetches = fetches_named(fields, "fetches");
    r.total_bytes = fields.integer<std::uint64_t>("total_bytes");
    r.intact = fields.boolean("intact");
  }
}

// ---- partials ----

void to_json(json& out, const PrimesPartial& p) { out = {{"count", p.count}, {"largest", p.largest}}; }

void from_json(const json& in, PrimesPartial& p) {
  const JsonFields fields(in, "primes partial");
  p = {fields.integer<std::uint64_t>("count"), fields.integer<std::uint64_t>("largest")};
}

void to_json(json& out, const FactorialPartial& p) {
  out = {{"computed", p.computed}};
  if (p.summary) {
    out["digits"] = p.summary->digits;
    out["leading"] = p.summary->leading;
    out["bits"] = p.summary->bits;
  }
  if (p.decimal) out["decimal"] = *p.decimal;
}

void from_json(const json& in, FactorialPartial& p) {
  const JsonFields fields(in, "factorial partial");
  p.computed = fields.integer<std::uint64_t>("computed");
  p.summary = std::nullopt;
  if (fields.has("digits"))
    p.summary = DecimalSummary{fields.integer<std::uint64_t>("digits"), fields.text("leading"),
                               fields.integer<std::uint64_t>("bits")};
  p.decimal = fields.has("decimal") ? std::optional(fields.text("decimal")) : std::nullopt;
}

void to_json(json& out, const RacePartial& p) {
  out = {{"final", p.final_value}, {"increments_done", p.increments_done}};
}

void from_json(const json& in, RacePartial& p) {
  const JsonFields fields(in, "race partial");
  p = {fields.integer<std::int64_t>("final"), fields.integer<std::uint64_t>("increments_done")};
}

void to_json(json& out, const IoPartial& p) {
  out = {{"completed", p.completed}};
  if (p.fetches) out["fetches"] = *p.fetches;
}

void from_json(const json& in, IoPartial& p) {
  const JsonFields fields(in, "io partial");
  p = IoPartial{};
  p.completed = fields.integer<std::uint64_t>("completed");
  if (fields.has("fetches")) p.fetches = fetches_named(fields, "fetches");
}

// ---- mode facts ----

void to_json(json& out, const GilFacts& g) { out = {{"switches", g.switches}}; }

void from_json(const json& in, GilFacts& g) {
  const JsonFields fields(in, "gil");
  g = {fields.integer<std::uint64_t>("switches")};
}

// ---- whichever demo's ----

json result_to_json(const DemoResult& result) {
  return std::visit([](const auto& r) { return json(r); }, result);
}

DemoResult result_from_json(Demo demo, const json& in) {
  switch (demo) {
    case Demo::Primes: return in.get<PrimesResult>();
    case Demo::Factorial: return in.get<FactorialResult>();
    case Demo::Race: return in.get<RaceResult>();
    case Demo::Io: return in.get<IoResult>();
  }
  throw std::runtime_error("result_from_json: unknown demo");
}

json partial_to_json(const DemoPartial& partial) {
  return std::visit([](const auto& p) { return json(p); }, partial);
}

DemoPartial partial_from_json(Demo demo, const json& in) {
  switch (demo) {
    case Demo::Primes: return in.get<PrimesPartial>();
    case Demo::Factorial: return in.get<FactorialPartial>();
    case Demo::Race: return in.get<RacePartial>();
    case Demo::Io: return in.get<IoPartial>();
  }
  throw std::runtime_error("partial_from_json: unknown demo");
}

}  // namespace playground

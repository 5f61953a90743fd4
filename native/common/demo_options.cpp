#include "common/demo_options.hpp"

#include "common/execute.hpp"

namespace cplay {

using playground::Demo;
using playground::ParamKind;
using playground::ParamSpec;

namespace {
std::string range_text(const ParamSpec& spec) { return std::to_string(spec.min) + ".." + std::to_string(spec.max); }

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (auto name : names) {
    if (!out.empty()) out += '|';
    out += name;
  }
  return out;
}

std::string default_workers_text(const playground::DefaultWorkers& rule) {
  switch (rule.rule) {
    case playground::DefaultWorkers::Rule::Cores:
      return "the cores, at most " + std::to_string(playground::combined_limits().max_default_workers);
    case playground::DefaultWorkers::Rule::Param: return "one per " + std::string(playground::param_spec(rule.param).flag);
    case playground::DefaultWorkers::Rule::Fixed: return std::to_string(rule.value);
  }
  return "";
}
}  // namespace

DemoOptions::DemoOptions(CLI::App& app, Demo demo, bool with_mode) : demo_(demo) {
  const playground::DemoSpec& spec = playground::demo_spec(demo);
  for (auto key : spec.params) add_param(app, playground::param_spec(key));
  add_param(app, playground::param_spec("workers"), default_workers_text(spec.default_workers));
  if (!with_mode) {
    repeat_option_ = app.add_option("--repeat", repeat_,
                                    "run each mode R times and show the fastest (machines are noisy); " +
                                        range_text(kCompareRepeat) + ", default 1")
                         ->type_name("R");
  }
  if (with_mode) {
    add_param(app, playground::param_spec("mode"));
    add_param(app, playground::param_spec("start_method"));
    timeout_option_ = app.add_option("--timeout-s", timeout_,
                                     "stop each run after S seconds (children killed and reaped), exit 1; " +
                                         range_text(kTimeoutSeconds) + ", default none")
                          ->type_name("S");
  }
  // Inputs of one mode only (the GIL's switch interval): compare runs every mode, so it takes them too.
  for (const auto& mode : playground::mode_specs())
    for (auto key : mode.params) add_param(app, playground::param_spec(key));
  app.add_flag("--json", json_, "print one JSON report per run instead of text");
}

void DemoOptions::add_param(CLI::App& app, const ParamSpec& spec, const std::string& default_text) {
  const std::string key(spec.key);
  const std::string flag(spec.flag);
  const std::string help(spec.help);
  switch (spec.kind) {
    case ParamKind::Integer: {
      const std::string shown_default =
          default_text.empty() && spec.default_number ? std::to_string(*spec.default_number) : default_text;
      given_[key] = app.add_option(flag, text_[key], help + " (default " + shown_default + "); " + range_text(spec))
                        ->type_name("N");
      break;
    }
    case ParamKind::Choice: {
      // Start methods: only those this machine has (a browser's Worker is not one of them).
      std::vector<std::string_view> choices = spec.choices;
      if (spec.key == "start_method") {
        choices.clear();
        for (auto method : native_capabilities().start_methods) choices.push_back(playground::to_string(method));
      }
      given_[key] = app.add_option(flag, text_[key], help + " (default " + std::string(spec.default_choice) + ")")
                        ->type_name(joined(choices));
      break;
    }
    case ParamKind::Flag: given_[key] = app.add_flag(flag, switches_[key], help); break;
  }
}

std::uint64_t DemoOptions::repeat() const {
  if (repeat_option_ == nullptr || repeat_option_->count() == 0) return 1;
  return playground::parse_numeric(repeat_, kCompareRepeat);
}

double DemoOptions::timeout_ms() const {
  if (timeout_option_ == nullptr || timeout_option_->count() == 0) return 0;
  return 1000.0 * static_cast<double>(playground::parse_numeric(timeout_, kTimeoutSeconds));
}

nlohmann::json DemoOptions::request_json() const {
  nlohmann::json request = {{"demo", playground::to_string(demo_)}, {"params", nlohmann::json::object()}};
  for (const auto& [key, option] : given_) {
    if (option->count() == 0) continue;
    const bool is_switch = switches_.count(key) != 0;
    const nlohmann::json value = is_switch ? nlohmann::json(switches_.at(key)) : nlohmann::json(text_.at(key));
    if (playground::param_spec(key).top_level) request[key] = value;
    else request["params"][key] = value;
  }
  return request;
}

}  // namespace cplay

#include "cli/start_methods_output.hpp"
#include "cli/human_output.hpp"

#include <cstdio>
#include <iomanip>
#include <string>

namespace cplay {
namespace {

using nlohmann::json;

// Built by appending: GCC 12 warns falsely (-Wrestrict) about "literal" + std::string.
std::string yes_no(bool yes, const std::string& detail) {
  std::string text = yes ? "yes: " : "no: ";
  return text += detail;
}

std::string quoted(const json& value) {
  std::string text = "\"";
  text += value.get<std::string>();
  return text += "\"";
}

std::string variable_cell(const json& row) {
  return yes_no(row.at("sees_changed_variable").get<bool>(), quoted(row.at("variable")));
}

std::string file_cell(const json& row) {
  if (row.at("sees_open_file").get<bool>()) return "yes: same inode";
  // Another file may hold the number in a spawned child (its pipe, say): open is not enough.
  return row.at("fd_open").get<bool>() ? "no: another file there" : "no: not open";
}

std::string thread_cell(const json& row) {
  const auto threads = row.at("threads").get<std::int64_t>();
  return yes_no(row.at("sees_parent_thread").get<bool>(),
                std::to_string(threads) + (threads == 1 ? " thread here" : " threads here"));
}

}  // namespace

void print_start_methods(std::ostream& out, const json& report) {
  const json& parent = report.at("parent");
  const std::string fd = std::to_string(parent.at("fd").get<int>());
  out << "fork vs spawn: what a worker inherits (pid " << report.at("pid") << ", tid " << report.at("tid") << ", "
      << report.at("cores") << " cores)\n"
      << "Before starting any worker the parent changed a global variable from " << quoted(parent.at("initial_variable"))
      << " to " << quoted(parent.at("variable")) << ", opened a file (fd " << fd << ", inode " << parent.at("inode")
      << ", already unlinked) and started a thread that keeps running (tid " << parent.at("ticker_tid")
      << "). Then one worker of each kind looked around:\n\n";

  const int widths[] = {8, 9, 32, 26, 30};
  const auto row_out = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                           const std::string& e, const std::string& f) {
    out << std::left << std::setw(widths[0]) << a << std::setw(widths[1]) << b << std::setw(widths[2]) << c
        << std::setw(widths[3]) << d << std::setw(widths[4]) << e << f << "\n";
  };
  row_out("kind", "pid", "sees changed variable", "sees open file (fd " + fd + ")", "sees parent's running thread",
          "start+join per worker");
  for (const json& row : report.at("kinds"))
    row_out(row.at("kind").get<std::string>(), std::to_string(row.at("pid").get<std::int64_t>()), variable_cell(row),
            file_cell(row), thread_cell(row), fine_ms_text(row.at("start_join_ms_per_worker").get<double>()));
  out << "(start+join: " << report.at("workers") << " workers of each kind that do nothing, started, then joined,"
      << " timed as one batch)\n\n"
      << "A thread shares everything. fork copies the parent's memory and open descriptors, but only the thread\n"
      << "that called it. spawn runs this program afresh from main: it gets only what the parent hands over\n"
      << "(its arguments and one pipe), and close-on-exec files stay behind.\n";
}

}  // namespace cplay

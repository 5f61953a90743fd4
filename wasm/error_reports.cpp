#include "error_reports.hpp"

#include <new>

#include "playground/errors.hpp"
#include "playground/report.hpp"

namespace cplay_wasm {

// Mirrors playground::run_json's mapping, which validate(), runShard() and assemble() cannot
// reuse because run_json also runs the request.
nlohmann::json error_report(std::exception_ptr error) {
  using playground::error_to_json;
  try {
    std::rethrow_exception(error);
  } catch (const nlohmann::json::parse_error& e) {
    return error_to_json("invalid-json", std::string("the request is not valid JSON: ") + e.what());
  } catch (const playground::ArgumentError& e) {
    return error_to_json(e.code(), e.what());
  } catch (const playground::RunError& e) {
    return error_to_json(e.code(), e.what());
  } catch (const std::bad_alloc&) {
    return error_to_json("out-of-memory", "the run needed more memory than is available");
  } catch (const std::exception& e) {
    return error_to_json("internal", e.what());
  } catch (...) {
    return error_to_json("internal", "unknown failure");
  }
}

}  // namespace cplay_wasm

#include "queue/queue_experiment.hpp"

#include "queue/queue_handoff.hpp"
#include "queue/queue_processes.hpp"

namespace cplay {
namespace {

constexpr const char* kQueueExperiment = "queue";

}  // namespace

QueueRunReport run_queue(const playground::QueueRequest& request) {
  QueueRunReport out;
  if (request.mode != playground::Mode::Processes) {
    out.report = playground::queue_stream_report(request, playground::run_queue_threads(request.options));
    return out;
  }
  const QueueProcessesStream stream = run_queue_processes_stream(request);
  out.report = playground::queue_stream_report(request, stream.stream);
  out.report["pipe"] = {{"requested_bytes", stream.pipe.requested_bytes},
                        {"capacity_bytes", stream.pipe.capacity_bytes},
                        {"frame_bytes", stream.pipe.frame_bytes}};
  const HandoffOutcome handoff = run_handoff(request.order, request.result_bytes, request.grace_ms);
  out.report["handoff"] = handoff_to_json(handoff);
  out.deadlock = handoff.deadlock;
  if (handoff.deadlock) out.deadlock_message = describe_deadlock(handoff);
  return out;
}

nlohmann::json queue_task(const playground::QueueRequest& request) {
  return {{"experiment", kQueueExperiment}, {"options", playground::queue_request_to_json(request)}};
}

bool is_queue_task(const nlohmann::json& task) {
  return task.is_object() && task.contains("experiment") && task["experiment"] == kQueueExperiment;
}

}  // namespace cplay

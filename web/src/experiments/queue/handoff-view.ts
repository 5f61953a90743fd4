// The hand-off of one result from a child process, in the order asked: completed, or the
// deadlock join-then-get makes when the result is larger than the pipe.
import type { QueueHandoff } from '../../../../wasm/js/types';
import { h } from '../../ui/dom';

export function handoffView(handoff: QueueHandoff): HTMLElement {
  const size = `The child’s result was ${handoff.result_bytes} bytes (${handoff.frame_bytes} with its length); the pipe holds ${handoff.pipe_capacity_bytes}.`;
  if (handoff.outcome === 'deadlock') {
    return h(
      'div',
      { class: 'queue-handoff stuck', 'data-testid': 'queue-handoff', 'data-outcome': 'deadlock', 'data-order': handoff.order },
      h('p', {}, h('strong', {}, `${handoff.order}: deadlock. `), size),
      h(
        'p',
        {},
        `The pipe filled with ${handoff.bytes_in_pipe ?? '?'} bytes nobody read, so the child (pid ${handoff.child_pid}) blocked in its write; the parent blocked in join, waiting for the child to exit. After ${(handoff.child_alive_after_ms ?? 0).toFixed(0)} ms of join the child was still alive: ${handoff.child_end}.`,
      ),
    );
  }
  return h(
    'div',
    { class: 'queue-handoff done', 'data-testid': 'queue-handoff', 'data-outcome': 'completed', 'data-order': handoff.order },
    h('p', {}, h('strong', {}, `${handoff.order}: completed in ${handoff.wall_ms.toFixed(1)} ms. `), size),
    h('p', {}, `The parent read ${handoff.bytes_received ?? 0} bytes${handoff.result_intact ? ', intact' : ', damaged'}; the child ${handoff.child_end}.`),
  );
}

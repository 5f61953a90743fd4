// The queue's timeline: a row per producer and consumer on one time axis, the stretch it was
// alive and, marked over it, each time it waited (a producer on a full queue, a consumer on an
// empty one). Plain elements: a few rows of bars need no chart library.
import { h } from '../../ui/dom';
import type { TimelineRow } from './browser-workers-run';

const waitsText = (count: number): string => `${count} ${count === 1 ? 'wait' : 'waits'}`;

const percent = (ms: number, end: number): string => `${Math.max(0, Math.min(100, (ms / end) * 100)).toFixed(3)}%`;

function bar(className: string, start: number, end: number, axisEnd: number, title: string): HTMLElement {
  const element = h('span', { class: className, title });
  element.style.left = percent(start, axisEnd);
  // At least a sliver, so a wait of a few µs still shows that it happened.
  element.style.width = `max(2px, ${percent(end - start, axisEnd)})`;
  return element;
}

export function queueTimeline(rows: TimelineRow[], wallMs: number, caption: string): HTMLElement {
  const axisEnd = Math.max(wallMs, ...rows.map((r) => r.end_ms), 0.001);
  const body = rows.map((row) => {
    const waited = row.waits.reduce((sum, w) => sum + (w.end_ms - w.start_ms), 0);
    const what = row.role === 'producer' ? 'on a full queue' : 'on an empty queue';
    const words = `${row.label}: ${row.messages} messages, ${waitsText(row.waits.length)} ${what} (${waited.toFixed(1)} ms)`;
    return h(
      'div',
      { class: `queue-row queue-${row.role}`, 'data-waits': row.waits.length },
      h('span', { class: 'queue-row-label' }, row.label),
      h(
        'span',
        { class: 'queue-track', role: 'img', 'aria-label': words, title: words },
        bar('queue-alive', row.start_ms, row.end_ms, axisEnd, `${row.label} from ${row.start_ms.toFixed(1)} to ${row.end_ms.toFixed(1)} ms`),
        ...row.waits.map((w) => bar('queue-wait', w.start_ms, w.end_ms, axisEnd, `waiting ${what} from ${w.start_ms.toFixed(2)} to ${w.end_ms.toFixed(2)} ms`)),
      ),
      h('span', { class: 'queue-row-waits' }, `${waitsText(row.waits.length)}, ${waited.toFixed(1)} ms`),
    );
  });
  return h(
    'figure',
    { class: 'queue-timeline' },
    ...body,
    h('figcaption', {}, `${caption} Time runs left to right, 0 to ${axisEnd.toFixed(1)} ms; dark marks are waits.`),
  );
}

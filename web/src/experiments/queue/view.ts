// One side's result: did every message arrive exactly once, what moved, how long it took, and the
// timeline of waits. Reports from the core (native, wasm) and the page's Workers read alike.
import type { QueueReport } from '../../../../wasm/js/types';
import { h } from '../../ui/dom';
import type { BrowserQueueResult, TimelineRow } from './browser-workers-run';
import { queueTimeline } from './timeline';

export interface SideFigures {
  sent: number;
  received: number;
  bytes: number;
  duplicates: number;
  missing: number;
  exactlyOnce: boolean;
  wallMs: number;
  /** What bounded the queue, in words, with the measured most it held. */
  bound: string;
  rows: TimelineRow[];
}

export function figuresOfReport(report: QueueReport): SideFigures {
  const rows: TimelineRow[] = report.roles.map((role) => {
    const span = report.spans.find((s) => s.worker === role.worker);
    const index = role.role === 'producer' ? role.worker : role.worker - report.request.producers;
    const name = report.request.mode === 'processes' && role.role === 'consumer' ? 'consumer (the parent)' : `${role.role} ${index}`;
    return {
      label: name,
      role: role.role,
      start_ms: span?.start_ms ?? 0,
      end_ms: span?.end_ms ?? report.wall_ms,
      messages: role.messages,
      waits: report.events.filter((e) => e.worker === role.worker && e.state === 'waiting').map(({ start_ms, end_ms }) => ({ start_ms, end_ms })),
    };
  });
  const r = report.result;
  const holder = report.request.mode === 'processes' ? `the pipe (${report.pipe?.capacity_bytes ?? '?'} bytes)` : 'the queue';
  return {
    sent: r.messages_sent,
    received: r.messages_received,
    bytes: r.bytes_received,
    duplicates: r.duplicates,
    missing: r.missing,
    exactlyOnce: r.exactly_once,
    wallMs: report.wall_ms,
    bound: `capacity ${report.request.capacity}; ${holder} held at most ${r.max_depth} messages`,
    rows,
  };
}

export function figuresOfBrowser(result: BrowserQueueResult, capacity: number): SideFigures {
  return ledgerFigures(result, `${capacity} credits per producer; at most ${result.maxOutstanding} unacknowledged per producer, ${result.maxBacklog} waiting at the page`);
}

export function figuresOfRing(result: BrowserQueueResult, capacity: number): SideFigures {
  return ledgerFigures(result, `a ring of ${capacity} slots shared by every producer held at most ${result.maxBacklog} messages`);
}

function ledgerFigures(result: BrowserQueueResult, bound: string): SideFigures {
  const s = result.summary;
  return {
    sent: s.messagesSent,
    received: s.messagesReceived,
    bytes: s.bytesReceived,
    duplicates: s.duplicates,
    missing: s.missing + s.damaged,
    exactlyOnce: s.exactlyOnce,
    wallMs: result.wallMs,
    bound,
    rows: result.rows,
  };
}

export function sideView(figures: SideFigures, caption: string): HTMLElement {
  const verdict = figures.exactlyOnce
    ? `Every message arrived exactly once: ${figures.received} of ${figures.sent}.`
    : `Not exactly once: ${figures.received} received of ${figures.sent} sent, ${figures.duplicates} duplicates, ${figures.missing} missing or damaged.`;
  return h(
    'div',
    { class: 'queue-side-result', 'data-exactly-once': String(figures.exactlyOnce), 'data-received': figures.received, 'data-sent': figures.sent },
    h('p', { class: figures.exactlyOnce ? 'queue-verdict done' : 'queue-verdict stuck' }, h('strong', {}, verdict)),
    h(
      'p',
      { class: 'note' },
      `${figures.bytes} payload bytes in ${figures.wallMs.toFixed(1)} ms; ${figures.bound}; ${figures.rows.filter((r) => r.role === 'producer').reduce((n, r) => n + r.waits.length, 0)} producer waits.`,
    ),
    queueTimeline(figures.rows, figures.wallMs, caption),
  );
}

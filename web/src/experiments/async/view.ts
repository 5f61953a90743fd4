// One side's result: per scenario, a lane per coroutine (grey while it awaits, marks where it was
// cancelled, cleaned up, timed out or ended) and its outcome; the race's verdict on top. Every
// number is the report's. The race runs in well under a millisecond, so its lanes are laid out by
// the order of its events instead of their time.
import { h } from '../../ui/dom';
import type { AsyncReport, AsyncRun } from './report';

type AsyncEvent = AsyncRun['events'][number];

const MARKED = new Set(['cancel', 'cancelled', 'cleanup', 'timeout', 'end']);

function percent(fraction: number): string {
  return `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(2)}%`;
}

function timeline(run: AsyncRun): HTMLElement {
  const byOrder = run.scenario === 'race';
  const last = Math.max(run.events.length - 1, 1);
  const at = (event: AsyncEvent, index: number) => (byOrder ? index / last : event.at_ms / Math.max(run.wall_ms, 1e-9));
  const lanes = [...new Set(run.events.map((e) => e.lane))];
  const items = lanes.map((lane) => {
    const track = h('span', { class: 'async-track' });
    const own = run.events.map((event, index) => ({ event, index })).filter(({ event }) => event.lane === lane);
    own.forEach(({ event, index }, k) => {
      const next = own[k + 1];
      if (event.kind === 'await' && next) {
        const bar = h('span', { class: 'async-bar', title: `${lane}: ${event.detail}` });
        bar.style.left = percent(at(event, index));
        bar.style.width = percent(at(next.event, next.index) - at(event, index));
        track.append(bar);
      }
      if (MARKED.has(event.kind)) {
        const mark = h('span', { class: `async-mark ${event.kind}`, title: `${lane} ${event.kind} ${event.detail} at ${event.at_ms.toFixed(1)} ms` });
        mark.style.left = percent(at(event, index));
        track.append(mark);
      }
    });
    return h('li', { class: 'async-lane', 'data-lane': lane }, h('span', { class: 'async-lane-name' }, lane), track);
  });
  return h('ol', { class: 'async-timeline', 'data-testid': `async-timeline-${run.scenario}` }, ...items);
}

function outcomeText(run: AsyncRun): string {
  const o = run.outcome as unknown as Record<string, unknown>;
  switch (run.scenario) {
    case 'gather':
      return `gather's results, in the order given: [${(o.results as number[]).join(', ')}]; the tasks ended in the order [${(o.finish_order as number[]).join(', ')}].`;
    case 'cancel':
      return `Task ${String(o.cancelled_task)} cancelled at ${(o.cancelled_at_ms as number).toFixed(1)} ms: its wait ended ${o.wait_cancelled ? 'cancelled' : 'normally'}, cleanup ran = ${String(o.cleanup_ran)}; ${String(o.completed)} other task(s) finished their wait.`;
    case 'timeout':
      return o.timed_out
        ? `Timed out at ${(o.timed_out_at_ms as number).toFixed(1)} ms (timeout ${String(o.timeout_ms)} ms, the slow task needed ${String(o.slow_ms)} ms); its cleanup ran = ${String(o.cleanup_ran)}.`
        : `The slow task finished in time (${String(o.slow_ms)} ms within ${String(o.timeout_ms)} ms).`;
    case 'race':
      return `Sync ${String(o.sync)}: expected ${String(o.expected)}, final ${String(o.final)}, lost ${String(o.lost)}.`;
  }
}

function steps(run: AsyncRun): HTMLElement {
  const rows = run.events.map((e) => h('li', {}, `${e.at_ms.toFixed(1)} ms  ${e.lane}  ${e.kind}${e.detail ? `  ${e.detail}` : ''}`));
  return h('details', {}, h('summary', {}, `Every event (${run.events.length})`), h('ol', { class: 'async-steps' }, ...rows));
}

function scenarioView(run: AsyncRun): HTMLElement {
  return h(
    'div',
    { class: 'async-scenario', 'data-scenario': run.scenario },
    h('h4', {}, `${run.scenario} (${run.wall_ms.toFixed(1)} ms)`),
    timeline(run),
    h('p', { 'data-testid': `async-outcome-${run.scenario}` }, outcomeText(run)),
    steps(run),
  );
}

function verdict(report: AsyncReport): HTMLElement | null {
  const race = report.runs.find((run) => run.scenario === 'race');
  if (!race) return null;
  const o = race.outcome as { lost: number; expected: number; final: number; sync: string };
  const text =
    o.lost > 0
      ? `Lost ${o.lost} of ${o.expected} updates on one thread: each await between read and write let the other coroutines read the same value.`
      : o.sync === 'lock'
        ? `Every update kept (${o.final} of ${o.expected}): the async lock covers the read, the await and the write.`
        : `Every update kept (${o.final} of ${o.expected}): with one coroutine nothing else runs at its await.`;
  return h('p', { class: 'async-verdict', 'data-testid': 'async-verdict', 'data-lost': String(o.lost) }, h('strong', {}, text));
}

export function asyncView(report: AsyncReport): HTMLElement {
  const top = verdict(report);
  return h(
    'div',
    { 'data-exact': String(report.exact) },
    ...(top ? [top] : []),
    ...report.runs.map(scenarioView),
    h('p', { class: 'note' }, 'Grey: awaiting; red marks: a cancel asked, a wait cancelled, a deadline passed; green: cleanup ran.'),
  );
}

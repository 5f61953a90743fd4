// The io card's http source on screen: a row per fetch (bytes, intact, start, first byte, end)
// on either side, and the browser side's whole run with its wall time.
import type { Fetch } from '../../../../wasm/js/contract.generated';
import { h } from '../../ui/dom';
import { formatCount, formatMs } from '../../ui/format';
import { SERVER_PAYLOAD_LIMIT, type BrowserFetchRun } from './fetch-runner';

export function fetchTable(fetches: readonly Fetch[]): HTMLElement {
  const rows = fetches.map((f) =>
    h(
      'tr',
      { 'data-intact': String(f.intact), 'data-start': f.start_ms, 'data-end': f.end_ms },
      h('td', {}, f.task),
      h('td', {}, formatCount(f.bytes)),
      h('td', {}, f.intact ? 'yes' : 'NO'),
      h('td', {}, f.start_ms.toFixed(1)),
      h('td', {}, f.first_byte_ms.toFixed(1)),
      h('td', {}, f.end_ms.toFixed(1)),
    ),
  );
  const col = (name: string) => h('th', { scope: 'col' }, name);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'workers', 'data-testid': 'fetches' },
      h('caption', {}, 'Fetches (times in ms from the start of the run)'),
      h('thead', {}, h('tr', {}, col('task'), col('bytes'), col('intact'), col('start'), col('first byte'), col('end'))),
      h('tbody', {}, ...rows),
    ),
  );
}

/** One line on the bodies: how many bytes came and whether every one was the server's. */
export function bodiesSummary(fetches: number, totalBytes: number, intact: boolean): string {
  return `${fetches} fetches, ${formatCount(totalBytes)} bytes, ${intact ? 'every body intact' : 'a body was short or damaged'}`;
}

export function browserFetchView(run: BrowserFetchRun): HTMLElement[] {
  const how = run.concurrent ? 'all at once, awaited together with Promise.all' : 'one after another';
  return [
    h('p', { class: 'result', 'data-testid': 'browser-http-result', 'data-intact': String(run.intact), 'data-concurrent': String(run.concurrent) }, bodiesSummary(run.fetches.length, run.total_bytes, run.intact)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'wall time'),
      h('dd', {}, formatMs(run.wall_ms)),
      h('dt', {}, 'how'),
      h('dd', {}, `real fetch() calls to cplay serve’s GET /api/payload, ${how}`),
    ),
    fetchTable(run.fetches),
  ];
}

/** What the browser side does with the http source, shown under the card's inputs. */
export function browserHttpNote(served: boolean): string {
  const how = `In this browser the http source is real fetch() calls to cplay serve’s GET /api/payload: sequential fetches one after another, every other mode starts them all at once and awaits them together (Promise.all on the page’s one event loop). At most ${SERVER_PAYLOAD_LIMIT} tasks, the number cplay serve answers at once; more are refused, not batched.`;
  return served ? how : `${how} This page is not served by cplay serve, so the browser side cannot run it; the native side shows stored reports.`;
}

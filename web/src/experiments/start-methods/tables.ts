// The two tables of "fork vs spawn": one row per kind of worker, the same four questions.
import { h, type Child } from '../../ui/dom';
import { formatMs } from '../../ui/format';
import type { BrowserStartResult } from './browser-probe';
import type { NativeKindRow, NativeStartReport } from './native-probe';

/** Starting a thread takes microseconds: below 1 ms, three decimals keep it from reading 0.00. */
function formatCost(ms: number): string {
  return ms < 1 ? `${ms.toFixed(3)} ms` : formatMs(ms);
}

function yesNo(yes: boolean, detail: string): string {
  return `${yes ? 'yes' : 'no'}: ${detail}`;
}

function table(caption: string, headers: string[], rows: HTMLElement[]): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h('table', { class: 'start-methods' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))), h('tbody', {}, ...rows)),
  );
}

function row(kind: string, cells: [fact: string, text: Child][]): HTMLElement {
  return h('tr', { 'data-kind': kind }, h('th', { scope: 'row' }, kind), ...cells.map(([fact, text]) => h('td', { 'data-fact': fact }, text)));
}

function fileCell(entry: NativeKindRow, fd: number): string {
  if (entry.sees_open_file) return `yes: fd ${fd}, same inode`;
  // A spawned child may hold another file under that number (its pipe, say).
  return entry.fd_open ? `no: fd ${fd} is another file` : `no: fd ${fd} not open`;
}

export function nativeTable(report: NativeStartReport): HTMLElement {
  const fd = report.parent.fd;
  return table(
    `Native: ${report.workers} workers of each kind timed`,
    ['kind', 'sees the changed variable', 'sees the open file', "sees the parent's running thread", 'start + join per worker'],
    report.kinds.map((entry) =>
      row(entry.kind, [
        ['variable', yesNo(entry.sees_changed_variable, `“${entry.variable}”`)],
        ['file', fileCell(entry, fd)],
        ['thread', yesNo(entry.sees_parent_thread, `${entry.threads} ${entry.threads === 1 ? 'thread' : 'threads'} in its process`)],
        ['cost', formatCost(entry.start_join_ms_per_worker)],
      ]),
    ),
  );
}

export function browserTable(result: BrowserStartResult): HTMLElement {
  const { view } = result;
  return table(
    `This browser: ${result.workers} Workers timed`,
    ['kind', 'sees the changed variable', 'sees an open file', "sees the page's running timer", 'start + join per worker'],
    [
      row('Worker', [
        ['variable', yesNo(view.variable === result.pageVariable, `“${view.variable}”`)],
        ['file', 'not applicable: a page opens no files'],
        ['thread', yesNo(view.seesPageTimer, view.seesPageTimer ? 'on its global object' : 'its global object is its own')],
        ['cost', formatCost(result.startJoinMsPerWorker)],
      ]),
    ],
  );
}

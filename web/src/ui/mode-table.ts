// "All modes": the lesson's comparison tables, measured — one row per mode, both sides, with
// each side's speedup over its own sequential run.
import type { Mode, Report } from '../model/types';
import { resultDifference } from '../model/request';
import { h } from './dom';
import { formatMs, formatSpeedup } from './format';

export interface ModeRow {
  mode: Mode;
  browser: Report | string | null;
  native: Report | string | null;
}

function cells(entry: Report | string | null, sequential: Report | string | null): HTMLElement[] {
  if (entry === null) return [h('td', { colspan: 2 }, '…')];
  if (typeof entry === 'string') return [h('td', { colspan: 2, class: 'note' }, entry)];
  const base = typeof sequential === 'object' && sequential !== null ? sequential.wall_ms : null;
  const speedup = base !== null && entry.wall_ms > 0 ? formatSpeedup(base / entry.wall_ms) : '—';
  return [h('td', {}, formatMs(entry.wall_ms)), h('td', {}, speedup)];
}

function agreement(row: ModeRow): string {
  if (typeof row.browser !== 'object' || row.browser === null) return '';
  if (typeof row.native !== 'object' || row.native === null) return '';
  return resultDifference(row.browser, row.native) === null ? 'yes' : 'no';
}

export function renderModeTable(rows: ModeRow[]): HTMLElement {
  const sequential = rows.find((r) => r.mode === 'sequential');
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'mode-table', 'data-testid': 'mode-table' },
      h('caption', {}, 'Every mode on the same workload (speedup over the same side’s sequential run)'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'mode'),
          h('th', { scope: 'col' }, 'browser'),
          h('th', { scope: 'col' }, '×'),
          h('th', { scope: 'col' }, 'native'),
          h('th', { scope: 'col' }, '×'),
          h('th', { scope: 'col' }, 'same result'),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((row) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, row.mode),
            ...cells(row.browser, sequential?.browser ?? null),
            ...cells(row.native, sequential?.native ?? null),
            h('td', {}, agreement(row)),
          ),
        ),
      ),
    ),
  );
}

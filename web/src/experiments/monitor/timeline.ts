// A lane per worker that grows while the run goes on: a bar from its 'started' to its 'ended'
// (to the latest event while it still runs) and a tick for each sample, filled when the parent
// saw it alive and hollow when gone. Fed one line at a time, as the lines arrive.
import { h } from '../../ui/dom';
import type { MonitorLine } from './events';

export class MonitorTimeline {
  readonly element: HTMLElement;
  private readonly lanes = new Map<string, { bar: HTMLElement; label: HTMLElement; started?: number; ended?: number; pid?: number }>();
  private readonly log: HTMLElement;
  private latest = 0;

  /** `spanMs`: the width of the lanes, the longest duration plus an interval. */
  constructor(names: string[], private readonly spanMs: number) {
    const rows = names.map((name) => {
      const bar = h('div', { class: 'monitor-bar', hidden: true });
      const label = h('span', { class: 'monitor-name' }, name);
      this.lanes.set(name, { bar, label });
      return h('div', { class: 'monitor-lane', 'data-worker': name }, label, h('div', { class: 'monitor-track' }, bar));
    });
    this.log = h('ol', { class: 'monitor-log', 'aria-live': 'polite' });
    this.element = h('div', { class: 'monitor-timeline' }, ...rows, this.log);
  }

  private x(ms: number): string {
    return `${Math.min(100, (ms / this.spanMs) * 100).toFixed(2)}%`;
  }

  add(line: MonitorLine): void {
    this.latest = Math.max(this.latest, line.t_ms);
    if (line.event === 'sample') {
      for (const w of line.workers) {
        const lane = this.lanes.get(w.worker);
        if (!lane) continue;
        const tick = h('span', { class: `monitor-tick ${w.alive ? 'alive' : 'gone'}`, title: `t=${(line.t_ms / 1000).toFixed(2)} s: ${w.alive ? 'alive' : 'gone'}` });
        tick.style.left = this.x(line.t_ms);
        lane.bar.parentElement?.append(tick);
      }
      const text = line.workers.map((w) => `${w.worker}${w.pid ? ` pid ${w.pid}` : ''} ${w.alive ? 'alive' : 'gone'}`).join(', ');
      this.log.append(h('li', { class: 'monitor-sample' }, `t=${(line.t_ms / 1000).toFixed(2)} s  ${text}`));
    } else {
      const lane = this.lanes.get(line.worker);
      if (lane) {
        if (line.event === 'started') lane.started = line.t_ms;
        else lane.ended = line.t_ms;
        if (line.pid) lane.label.textContent = `${line.worker} pid ${line.pid}`;
      }
      this.log.append(h('li', {}, `t=${(line.t_ms / 1000).toFixed(2)} s  ${line.worker} ${line.event}${line.pid ? ` (pid ${line.pid}${line.tid ? `, tid ${line.tid}` : ''})` : ''}`));
    }
    this.redraw();
  }

  /** Lets running lanes grow between lines (called on a timer with the run's clock). */
  advance(nowMs: number): void {
    this.latest = Math.max(this.latest, nowMs);
    this.redraw();
  }

  private redraw(): void {
    for (const lane of this.lanes.values()) {
      if (lane.started === undefined) continue;
      const end = lane.ended ?? this.latest;
      lane.bar.hidden = false;
      lane.bar.classList.toggle('running', lane.ended === undefined);
      lane.bar.style.left = this.x(lane.started);
      lane.bar.style.width = `calc(${this.x(end)} - ${this.x(lane.started)})`;
    }
  }
}

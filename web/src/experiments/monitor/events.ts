// One line of the monitor stream, the same shape on both sides (docs/schema/monitor-event.schema.json
// natively; the page's Web Workers give the browser's, with no pid: a Worker has none to show).
export type MonitorLine =
  | { event: 'started' | 'ended'; t_ms: number; worker: string; pid?: number; tid?: number }
  | { event: 'sample'; t_ms: number; workers: { worker: string; pid?: number; alive: boolean }[] };

export function isMonitorLine(value: unknown): value is MonitorLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as { event?: unknown; t_ms?: unknown; worker?: unknown; workers?: unknown };
  if (typeof line.t_ms !== 'number') return false;
  if (line.event === 'started' || line.event === 'ended') return typeof line.worker === 'string';
  return line.event === 'sample' && Array.isArray(line.workers);
}

/** 'A', 'B', ... as the core names workers. */
export function workerName(index: number): string {
  return String.fromCharCode(65 + index);
}

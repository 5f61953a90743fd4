/** What a probe Worker reports: the module variable it sees, and whether the page's timer is visible. */
export interface WorkerView {
  variable: string;
  seesPageTimer: boolean;
}

export function isWorkerView(value: unknown): value is WorkerView {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Record<string, unknown>;
  return typeof view.variable === 'string' && typeof view.seesPageTimer === 'boolean';
}

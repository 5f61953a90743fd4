// How an experiment's section shows the page's JobLock: one card runs at a time (they share the
// cores), the others' buttons wait disabled and their notes say who is running.
import type { JobLock } from '../ui/page-context';

/** Takes the lock for `job`; when another card holds it, says so in `note` and returns false. */
export function claimJob(jobs: JobLock, job: string, note: HTMLElement): boolean {
  if (jobs.acquire(job)) return true;
  note.textContent = `Waiting: the ${jobs.busyWith ?? 'other'} card is running.`;
  return false;
}

/** Keeps `buttons` disabled while any card runs, and `note` saying which other one. */
export function followJobLock(jobs: JobLock, job: string, buttons: HTMLButtonElement[], note: HTMLElement): void {
  jobs.subscribe((owner) => {
    for (const button of buttons) button.disabled = owner !== null;
    if (owner !== null && owner !== job) note.textContent = `Waiting: the ${owner} card is running.`;
    else if (owner === null && note.textContent?.startsWith('Waiting')) note.textContent = '';
  });
}

/**
 * Runs `body` holding the page's lock for `job`: `section` is marked busy and `note` says
 * "Running…" meanwhile; when another card holds the lock, `note` says so and nothing runs.
 */
export async function runAsJob(jobs: JobLock, job: string, section: HTMLElement, note: HTMLElement, body: () => Promise<void>): Promise<void> {
  if (!claimJob(jobs, job, note)) return;
  section.dataset.busy = 'true';
  note.textContent = 'Running…';
  try {
    await body();
    note.textContent = '';
  } finally {
    section.dataset.busy = 'false';
    jobs.release(job);
  }
}

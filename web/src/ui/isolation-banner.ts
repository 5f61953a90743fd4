// Says plainly whether this page may use shared memory, and what follows for the modes.
import type { IsolationStatus } from '../runtime/isolation';
import { h } from './dom';

export function createIsolationBanner(status: IsolationStatus, fullPageUrl: string): HTMLElement {
  if (status.isolated) {
    return h(
      'p',
      { class: 'isolation ok', 'data-testid': 'isolation-status', 'data-isolated': 'true' },
      'Cross-origin isolated: WebAssembly threads share memory here, so every mode runs in this browser.',
    );
  }
  return h(
    'div',
    { class: 'isolation banner', role: 'alert', 'data-testid': 'isolation-banner', 'data-isolated': 'false' },
    h('p', {}, h('strong', {}, 'This page is not cross-origin isolated. '), status.reason ?? ''),
    h(
      'p',
      {},
      'So it uses the single-threaded WebAssembly build: sequential, async and processes (one Worker per process) run here; threads and threads + GIL need shared memory and are shown as unavailable. The native column is not affected.',
    ),
    h('p', {}, h('a', { href: fullPageUrl, target: '_blank', rel: 'noopener' }, 'Open the playground in a new tab'), ' to get threads, where the server or its service worker allows it.'),
  );
}

// Which WebAssembly build this page can use. The threads build needs SharedArrayBuffer, and
// browsers hand that out only to cross-origin isolated pages (COOP + COEP, or Chromium's
// Document-Isolation-Policy). Everything else falls back to the single-threaded build.

export type Variant = 'threads' | 'single';

export interface IsolationStatus {
  isolated: boolean;
  variant: Variant;
  inFrame: boolean;
  /** Plain words for the banner: why the page is not isolated. Null when it is. */
  reason: string | null;
}

interface IsolationEnvironment {
  crossOriginIsolated?: boolean;
  isSecureContext?: boolean;
  SharedArrayBuffer?: unknown;
  inFrame: boolean;
  serviceWorkerControlled: boolean;
  serviceWorkerDisabled: boolean;
}

export function readEnvironment(): IsolationEnvironment {
  let inFrame = false;
  try {
    inFrame = window.self !== window.top;
  } catch {
    inFrame = true; // a cross-origin parent hides itself, which also means we are framed
  }
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    isSecureContext: globalThis.isSecureContext,
    SharedArrayBuffer: (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer,
    inFrame,
    serviceWorkerControlled: Boolean(navigator.serviceWorker?.controller),
    serviceWorkerDisabled: new URLSearchParams(location.search).get('coi') === '0',
  };
}

export function detectIsolation(env: IsolationEnvironment): IsolationStatus {
  const isolated = env.crossOriginIsolated === true && typeof env.SharedArrayBuffer === 'function';
  if (isolated) return { isolated, variant: 'threads', inFrame: env.inFrame, reason: null };
  let reason: string;
  if (env.isSecureContext === false) {
    reason = 'The page was loaded over plain HTTP from another machine, so the browser withholds shared memory. Use https or http://127.0.0.1.';
  } else if (env.inFrame) {
    reason = 'This page is embedded in a frame, and the page around it is not cross-origin isolated, so the browser withholds shared memory here.';
  } else if (env.serviceWorkerDisabled) {
    reason = 'The server sends no cross-origin isolation headers and the helper service worker is switched off (coi=0 in the address).';
  } else if (env.serviceWorkerControlled) {
    reason = 'Even the helper service worker could not isolate this page (the browser may not support it).';
  } else {
    reason = 'The server sends no cross-origin isolation headers (COOP and COEP). The helper service worker may fix this after one reload.';
  }
  return { isolated: false, variant: 'single', inFrame: env.inFrame, reason };
}

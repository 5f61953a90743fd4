// Whether to ask this server for the native API (GET api/info) at all. Only `cplay serve` has
// one; a static host (GitHub Pages, python3 -m http.server) answers 404, which the browser logs
// as an error. So the page does not ask where the coi service worker isolates it, which only a
// static host needs, or is about to register and reload the page to do so.

declare global {
  interface Window {
    /** The coi service worker's settings, from index.html. */
    coi?: { shouldRegister?: () => boolean };
  }
}

export interface ApiLookupEnvironment {
  crossOriginIsolated: boolean;
  serviceWorkerControlled: boolean;
  /** The coi script registers its worker now and reloads: not isolated, a secure context with
   *  service workers, and index.html's settings allow it (top-level page, no coi=0). */
  serviceWorkerWillRegister: boolean;
}

/**
 * `ask`: look for the API. `skip`: this page is about to reload under the coi worker.
 * `ask-if-server-isolates`: the coi worker controls the page; that happens on static hosts, and
 * also where a worker left by an earlier static serving of this origin still runs in front of
 * `cplay serve`, so ask only if the server sends isolation headers of its own.
 */
export type ApiLookup = 'ask' | 'skip' | 'ask-if-server-isolates';

export function apiLookup(env: ApiLookupEnvironment): ApiLookup {
  if (env.serviceWorkerControlled) return 'ask-if-server-isolates';
  if (!env.crossOriginIsolated && env.serviceWorkerWillRegister) return 'skip';
  return 'ask';
}

export function readApiLookupEnvironment(): ApiLookupEnvironment {
  const crossOriginIsolated = globalThis.crossOriginIsolated === true;
  const workers = window.isSecureContext && 'serviceWorker' in navigator;
  let allowed = false;
  try {
    allowed = window.coi?.shouldRegister?.() ?? false;
  } catch {
    allowed = false;
  }
  return {
    crossOriginIsolated,
    serviceWorkerControlled: Boolean(navigator.serviceWorker?.controller),
    serviceWorkerWillRegister: workers && allowed,
  };
}

/**
 * True when the server itself sends the isolation headers, as `cplay serve` and Vite do. The coi
 * worker copies a response's headers and sets COOP, COEP and CORP, but never adds
 * Document-Isolation-Policy, so that header can only come from the server.
 */
export async function serverSendsIsolationHeaders(base: URL): Promise<boolean> {
  try {
    // GET, not HEAD: the worker's copy of a HEAD answer (headers saying a body, none given) ends
    // as a cancelled request in Chromium's network log. The page's own HTML is small.
    const response = await fetch(base, { cache: 'no-store' });
    await response.arrayBuffer();
    return response.ok && response.headers.has('document-isolation-policy');
  } catch {
    return false;
  }
}

/** Whether the page should call LiveApi.probe here. */
export async function mayHaveNativeApi(base: URL, env: ApiLookupEnvironment = readApiLookupEnvironment()): Promise<boolean> {
  const lookup = apiLookup(env);
  if (lookup === 'ask-if-server-isolates') return serverSendsIsolationHeaders(base);
  return lookup === 'ask';
}

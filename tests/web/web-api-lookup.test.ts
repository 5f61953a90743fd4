// When the page asks for the native API: never where the answer can only be a 404 from a static
// host, which the browser would log as an error on every load.
import { describe, expect, it } from 'vitest';
import { apiLookup, type ApiLookupEnvironment } from '../../web/src/native/api-lookup';

const base: ApiLookupEnvironment = { crossOriginIsolated: false, serviceWorkerControlled: false, serviceWorkerWillRegister: false };

describe('apiLookup', () => {
  it('asks when the server isolated the page (cplay serve, vite)', () => {
    expect(apiLookup({ ...base, crossOriginIsolated: true })).toBe('ask');
  });

  it('asks when nothing will isolate the page: cplay serve --no-isolation with coi=0, a frame, plain http on a LAN', () => {
    expect(apiLookup(base)).toBe('ask');
  });

  it('skips on the first load of a static host, which the coi worker is about to reload', () => {
    expect(apiLookup({ ...base, serviceWorkerWillRegister: true })).toBe('skip');
  });

  it('an isolated page needs no worker, so it asks even where the worker could register', () => {
    expect(apiLookup({ ...base, crossOriginIsolated: true, serviceWorkerWillRegister: true })).toBe('ask');
  });

  it('under the coi worker asks only if the server sends isolation headers of its own', () => {
    expect(apiLookup({ ...base, serviceWorkerControlled: true, crossOriginIsolated: true })).toBe('ask-if-server-isolates');
    expect(apiLookup({ ...base, serviceWorkerControlled: true })).toBe('ask-if-server-isolates');
  });
});

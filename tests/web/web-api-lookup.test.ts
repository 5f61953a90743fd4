// When the page asks for the native API: only where `cplay serve` sent the page, never where the
// answer can only be a 404 from a static host, which the browser would log as an error.
import { describe, expect, it } from 'vitest';
import { mayHaveNativeApi } from '../../web/src/native/api-lookup';

const base = new URL('http://127.0.0.1:8080/');

function answering(status: number, headers: Record<string, string>): typeof fetch {
  return async () => new Response('<!doctype html>', { status, headers });
}

describe('mayHaveNativeApi', () => {
  it('asks where the page came with a Cplay-Serve header', async () => {
    await expect(mayHaveNativeApi(base, answering(200, { 'Cplay-Serve': '0.1.0' }))).resolves.toBe(true);
  });

  it('does not ask a static host, isolated or not', async () => {
    await expect(mayHaveNativeApi(base, answering(200, {}))).resolves.toBe(false);
    await expect(mayHaveNativeApi(base, answering(200, { 'Cross-Origin-Opener-Policy': 'same-origin' }))).resolves.toBe(false);
  });

  it('does not ask when the page itself cannot be fetched', async () => {
    await expect(mayHaveNativeApi(base, answering(500, { 'Cplay-Serve': '0.1.0' }))).resolves.toBe(false);
    await expect(mayHaveNativeApi(base, () => Promise.reject(new TypeError('Failed to fetch')))).resolves.toBe(false);
  });
});

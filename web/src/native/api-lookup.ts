// Whether to ask this server for the native API (GET api/info) at all. Only `cplay serve` has
// one; a static host (GitHub Pages, python3 -m http.server) answers 404, which the browser logs
// as an error on every load. `cplay serve` names itself in a Cplay-Serve header on every
// response, and the coi service worker, where it stands in front, passes that header on.

/** True when the server that sent this page is `cplay serve` (its Cplay-Serve header). */
export async function mayHaveNativeApi(base: URL, fetchPage: typeof fetch = fetch): Promise<boolean> {
  try {
    // GET, not HEAD: the coi worker's copy of a HEAD answer (headers saying a body, none given)
    // ends as a cancelled request in Chromium's network log. The page's own HTML is small.
    const response = await fetchPage(base, { cache: 'no-store' });
    await response.arrayBuffer();
    return response.ok && response.headers.has('cplay-serve');
  } catch {
    return false;
  }
}

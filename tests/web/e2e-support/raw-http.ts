// One HTTP request with node:http, so that a test may set Host, Origin and any body bytes, as any
// client (or attacker) can; a browser's fetch() would not let it.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as received, and as UTF-8 text. */
  bytes: Buffer;
  body: string;
}

export function send(base: string, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Reply> {
  const url = new URL(path, base);
  // Browsers state the length of every body they send.
  const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((done, fail) => {
    const req = httpRequest(
      // No keep-alive pool: each request its own connection, as the tests of per-request limits need.
      { host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers: { ...length, ...headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          done({ status: res.statusCode ?? 0, headers: res.headers, bytes, body: bytes.toString('utf8') });
        });
      },
    );
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

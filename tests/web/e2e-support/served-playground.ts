// One served page and one Chromium shared by every test of a file: starting them takes seconds,
// and a fresh browser profile per file already keeps files from leaking into one another.
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { startServer, type ServerOptions, type TestServer } from './server';

export interface ServedPlayground {
  server: TestServer;
  browser: LaunchedBrowser;
}

/**
 * Registers the file's beforeAll/afterAll and returns the object they fill: read its fields
 * inside tests and hooks, not while the file is being collected.
 */
export function servePlaygroundInChromium(options: ServerOptions = {}, browserArgs: readonly string[] = []): ServedPlayground {
  const served: Partial<ServedPlayground> = {};
  beforeAll(async () => {
    served.server = await startServer(options);
    served.browser = await launchChromium({}, browserArgs);
  });
  afterAll(async () => {
    // Either may be missing when beforeAll failed half-way.
    await served.browser?.close();
    await served.server?.stop();
  });
  return served as ServedPlayground;
}

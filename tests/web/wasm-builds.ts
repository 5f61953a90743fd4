// Both builds, loaded once per describe block: starting a module (and the threads build's
// pthread pool) takes a while, and shutting them down afterwards lets node exit.
import { afterAll, beforeAll } from 'vitest';

import { loadPlayground, type Playground } from '../../wasm/js/loader';

export interface BothBuilds {
  threads: Playground;
  single: Playground;
}

/**
 * Registers beforeAll/afterAll in the calling block and returns the object they fill: read its
 * fields inside tests, not while the file is being collected.
 */
export function loadBothBuilds(): BothBuilds {
  const builds: Partial<BothBuilds> = {};
  beforeAll(async () => {
    [builds.threads, builds.single] = await Promise.all([loadPlayground('threads'), loadPlayground('single')]);
  });
  afterAll(() => {
    // Either may be missing when loading failed.
    builds.threads?.shutdown();
    builds.single?.shutdown();
  });
  return builds as BothBuilds;
}

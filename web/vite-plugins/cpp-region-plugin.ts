// Lets the page import a region of the core's C++ as a string:
//   import raceNone from 'cpp-region:core/src/workload_race.cpp:race-sync-none';
// The path is from the repository root, the region follows the last colon. The module resolves
// to the real file (with a query naming the region), so Vite's watcher reloads the snippet when
// the C++ changes, and a region that is missing, duplicated or unterminated fails the build (and
// any Vitest file that imports the demos) with the file and region in the message.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { extractRegion } from './cpp-regions';

export const CPP_REGION_PREFIX = 'cpp-region:';
const QUERY = '?cpp-region=';

export interface RegionRequest {
  /** The file, relative to the repository root. */
  file: string;
  region: string;
}

/** Splits `cpp-region:<file>:<region>`; undefined for any other import. */
export function parseRegionImport(specifier: string): RegionRequest | undefined {
  if (!specifier.startsWith(CPP_REGION_PREFIX)) return undefined;
  const rest = specifier.slice(CPP_REGION_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  const file = rest.slice(0, colon);
  const region = rest.slice(colon + 1);
  if (colon <= 0 || region === '' || isAbsolute(file))
    throw new Error(`"${specifier}": write cpp-region:<file from the repository root>:<region>`);
  return { file, region };
}

export function cppRegions(options: { repoRoot: string }): Plugin {
  const root = resolve(options.repoRoot);
  return {
    name: 'cplay-cpp-regions',
    enforce: 'pre',
    resolveId(source) {
      const request = parseRegionImport(source);
      if (!request) return null;
      const path = resolve(root, request.file);
      if (relative(root, path).startsWith('..'))
        this.error(`"${source}": the file must be inside the repository`);
      return `${path}${QUERY}${encodeURIComponent(request.region)}`;
    },
    async load(id) {
      const at = id.indexOf(QUERY);
      if (at < 0) return null;
      const path = id.slice(0, at);
      const region = decodeURIComponent(id.slice(at + QUERY.length));
      const file = relative(root, path);
      this.addWatchFile(path);
      let source: string;
      try {
        source = await readFile(path, 'utf8');
      } catch (error) {
        this.error(`${file}: cannot read it for C++ snippet region "${region}" (${(error as Error).message})`);
      }
      try {
        return { code: `export default ${JSON.stringify(extractRegion(source, file, region))};`, map: null };
      } catch (error) {
        this.error((error as Error).message);
      }
    },
  };
}

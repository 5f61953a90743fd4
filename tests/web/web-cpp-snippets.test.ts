// The C++ on the cards is the core's own: each demo names its regions in `cpp-region:` imports,
// and every block it shows is found line for line in those files. A region the page names that
// is missing, duplicated or unterminated fails a real Vite build.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_LIST } from '../../web/src/demos/catalog';
import { cppRegions, parseRegionImport, type RegionRequest } from '../../web/vite-plugins/cpp-region-plugin';
import { dedent } from '../../web/vite-plugins/cpp-regions';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(`${repoRoot}${file}`, 'utf8');
const CAPTION = /^\/\/ ── .*$/m;

function regionsNamedBy(demoId: string): RegionRequest[] {
  const source = read(`web/src/demos/${demoId}.ts`);
  const specifiers = [...source.matchAll(/from '(cpp-region:[^']+)'/g)].map((m) => m[1] ?? '');
  return specifiers.map((specifier) => parseRegionImport(specifier) as RegionRequest);
}

/** Whether `block`'s lines stand, one after another, in `source` under one common indentation. */
function appearsDedented(block: string, source: string): boolean {
  const want = block.split('\n');
  const have = source.split(/\r?\n/).filter((line) => !/^\s*\/\/\s*snippet-(begin|end):/.test(line));
  for (let start = 0; start + want.length <= have.length; start++) {
    const window = have.slice(start, start + want.length);
    if (dedent(window).join('\n') === block) return true;
  }
  return false;
}

describe('the C++ shown on each card', () => {
  it.each(DEMO_LIST.map((demo) => [demo.id, demo] as const))('%s shows code cut from the sources it names', (id, demo) => {
    const regions = regionsNamedBy(id);
    expect(regions.length).toBeGreaterThan(0);
    expect(demo.cpp.trim()).not.toBe('');
    const files = [...new Set(regions.map((r) => r.file))];
    const sources = files.map(read);
    const blocks = demo.cpp
      .split(CAPTION)
      .map((block) => block.replace(/^\n+|\n+$/g, ''))
      .filter((block) => block.trim() !== '');
    expect(blocks.length).toBe(regions.length);
    for (const block of blocks) {
      const found = sources.some((source) => appearsDedented(block, source));
      expect(found, `not found in ${files.join(', ')}:\n${block}`).toBe(true);
    }
  });
});

describe('the cpp-region plugin', () => {
  const fixture = 'tests/web/fixtures/cpp-regions/kernel.cpp';

  // A one-module build whose entry imports `specifier`; write: false keeps it in memory.
  async function buildImporting(specifier: string): Promise<string> {
    const entry: Plugin = {
      name: 'entry',
      resolveId: (id) => (id === 'entry' ? '\0entry' : null),
      load: (id) => (id === '\0entry' ? `import code from '${specifier}'; export default code;` : null),
    };
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: repoRoot,
      plugins: [cppRegions({ repoRoot }), entry],
      build: { write: false, minify: false, rollupOptions: { input: 'entry', preserveEntrySignatures: 'strict' } },
    });
    const outputs = Array.isArray(result) ? result : [result];
    const chunks = outputs.flatMap((o) => ('output' in o ? o.output : []));
    return chunks.map((chunk) => ('code' in chunk ? chunk.code : '')).join('');
  }

  it('builds a region into the bundle as a string', async () => {
    const code = await buildImporting(`cpp-region:${fixture}:good`);
    expect(code).toContain(JSON.stringify('// Doubling by adding keeps the example free of overflow questions.\nreturn x + x;'));
  });

  it.each([
    ['not-there', /is missing/],
    ['twice-begun', /is duplicated/],
    ['never-ended', /is unterminated/],
  ])('fails the build when region %s is wrong, naming the file and the region', async (region, problem) => {
    const failure = buildImporting(`cpp-region:${fixture}:${region}`);
    await expect(failure).rejects.toThrow(problem);
    await expect(failure).rejects.toThrow(`${fixture}: C++ snippet region "${region}"`);
  });

  it('fails the build when the named file does not exist', async () => {
    await expect(buildImporting('cpp-region:core/src/no_such_file.cpp:r')).rejects.toThrow(
      /core\/src\/no_such_file\.cpp: cannot read it for C\+\+ snippet region "r"/,
    );
  });

  it('asks the watcher to follow the C++ file, so an edit rebuilds the snippet', async () => {
    const plugin = cppRegions({ repoRoot });
    const context = { addWatchFile: vi.fn(), error: (message: string) => { throw new Error(message); } };
    const id = (plugin.resolveId as (this: unknown, source: string) => string).call(context, `cpp-region:${fixture}:good`);
    expect(id).toBe(`${repoRoot}${fixture}?cpp-region=good`);
    await (plugin.load as (this: unknown, id: string) => Promise<unknown>).call(context, id);
    expect(context.addWatchFile).toHaveBeenCalledWith(`${repoRoot}${fixture}`);
  });
});

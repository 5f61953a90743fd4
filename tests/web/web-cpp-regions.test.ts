import { describe, expect, it } from 'vitest';
import { CPP_REGION_PREFIX, parseRegionImport } from '../../web/vite-plugins/cpp-region-plugin';
import { dedent, extractRegion, RegionError } from '../../web/vite-plugins/cpp-regions';

const lines = (...text: string[]) => text.join('\n');

describe('extractRegion', () => {
  it('returns the lines between the markers, without them and without the shared indentation', () => {
    const source = lines(
      'void step() {',
      '    // snippet-begin: loop',
      '    for (int i = 0; i < n; ++i) {',
      '      // why, briefly',
      '      ++count;',
      '    }',
      '    // snippet-end: loop',
      '}',
    );
    expect(extractRegion(source, 'a.cpp', 'loop')).toBe(
      lines('for (int i = 0; i < n; ++i) {', '  // why, briefly', '  ++count;', '}'),
    );
  });

  it('keeps inner blank lines, drops those at either end, and reads CRLF sources', () => {
    const source = ['// snippet-begin: r', '', '  int a;', '', '  int b;   ', '', '// snippet-end: r'].join('\r\n');
    expect(extractRegion(source, 'a.cpp', 'r')).toBe(lines('int a;', '', 'int b;'));
  });

  it('leaves out the markers of other regions nested or overlapping inside', () => {
    const source = lines(
      '// snippet-begin: outer',
      'int a;',
      '// snippet-begin: inner',
      'int b;',
      '// snippet-end: inner',
      '// snippet-end: outer',
    );
    expect(extractRegion(source, 'a.cpp', 'outer')).toBe(lines('int a;', 'int b;'));
    expect(extractRegion(source, 'a.cpp', 'inner')).toBe('int b;');
  });

  it('reads only whole-line markers, not a name that merely starts the same', () => {
    const source = lines(
      'int x;  // snippet-begin: r (not a marker: code comes first)',
      '// snippet-begin: r-longer',
      'int y;',
      '// snippet-end: r-longer',
    );
    expect(() => extractRegion(source, 'a.cpp', 'r')).toThrow(/is missing/);
  });

  const refusals: [string, string, RegExp][] = [
    ['missing', lines('int a;'), /^a\.cpp: C\+\+ snippet region "r" is missing: no "\/\/ snippet-begin: r" line$/],
    ['begun twice', lines('// snippet-begin: r', 'a;', '// snippet-end: r', '// snippet-begin: r'), /"r" is duplicated: it begins at line 1 and line 4/],
    ['ended twice', lines('// snippet-begin: r', 'a;', '// snippet-end: r', '// snippet-end: r'), /"r" is duplicated: it ends at line 3 and line 4/],
    ['unterminated', lines('// snippet-begin: r', 'a;'), /"r" is unterminated: it begins at line 1 but has no "\/\/ snippet-end: r" line/],
    ['ended before it begins', lines('// snippet-end: r', 'a;', '// snippet-begin: r'), /"r" is unterminated: it ends at line 1, before it begins at line 3/],
    ['empty', lines('// snippet-begin: r', '  ', '// snippet-end: r'), /"r" is empty \(line 1 to line 3\)/],
  ];
  it.each(refusals)('refuses a region that is %s, naming the file and the region', (_, source, message) => {
    let thrown: unknown;
    try {
      extractRegion(source, 'a.cpp', 'r');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RegionError);
    expect((thrown as RegionError).file).toBe('a.cpp');
    expect((thrown as RegionError).region).toBe('r');
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('dedent', () => {
  it('removes only what every non-blank line shares', () => {
    expect(dedent(['    a', '      b', '', '    c'])).toEqual(['a', '  b', '', 'c']);
    expect(dedent(['a', '  b'])).toEqual(['a', '  b']);
  });
});

describe('parseRegionImport', () => {
  it('splits the file from the region at the last colon', () => {
    expect(parseRegionImport(`${CPP_REGION_PREFIX}core/src/workload_race.cpp:race-sync-none`)).toEqual({
      file: 'core/src/workload_race.cpp',
      region: 'race-sync-none',
    });
  });

  it('ignores other imports and refuses a malformed one', () => {
    expect(parseRegionImport('./definition')).toBeUndefined();
    expect(() => parseRegionImport('cpp-region:core/src/primes.cpp')).toThrow(/cpp-region:<file/);
    expect(() => parseRegionImport('cpp-region:core/src/primes.cpp:')).toThrow(/cpp-region:<file/);
    expect(() => parseRegionImport('cpp-region:/etc/passwd:r')).toThrow(/cpp-region:<file/);
  });
});

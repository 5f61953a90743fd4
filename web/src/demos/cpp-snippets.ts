// A card can show several regions of the core's C++ (cut at build time, see cpp-region.d.ts).
// Each goes under a one-line caption that says where it sits in the run.
export function captioned(...parts: readonly (readonly [caption: string, code: string])[]): string {
  return parts.map(([caption, code]) => `// ── ${caption}\n${code}`).join('\n\n');
}

// wasm/js/loader.ts also runs in node and checks for it with `typeof process`. The page has no
// node types, so declare just what that check reads.
declare const process: { versions?: { node?: string } } | undefined;

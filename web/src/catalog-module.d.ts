// `virtual:catalog` is the core's catalog, read at build time from the wasm module's info()
// (web/vite-plugins/catalog-plugin.ts).
declare module 'virtual:catalog' {
  const catalog: import('../../wasm/js/types').Catalog;
  export default catalog;
}

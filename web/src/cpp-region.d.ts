// `cpp-region:<file>:<region>` imports are cut from the core's C++ at build time
// (web/vite-plugins/cpp-region-plugin.ts); each is the region's text.
declare module 'cpp-region:*' {
  const code: string;
  export default code;
}

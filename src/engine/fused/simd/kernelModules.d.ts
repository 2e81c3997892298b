/* The AssemblyScript kernels, compiled at build time (scripts/assemblyScriptPlugin.ts): a WebAssembly module's bytes. */
declare module '*.as' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
declare module '*.as?shared' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}

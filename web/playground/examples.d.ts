// The examples' .nn files, bundled as text (esbuild's text loader, scripts/bundle-web.mjs).
declare module '*.nn' {
  const text: string;
  export default text;
}

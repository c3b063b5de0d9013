/**
 * The script-tag bundle: `widget/cdn.ts` → `widget/dist/cdn/pay-checkout.js` (a stable name:
 * the companion server serves that folder at `/`, and the package exports it as
 * `pay-checkout/cdn/pay-checkout.js`), Lit included, provider code in lazily loaded
 * `chunks/*`. The npm build (one module per source file, for the app's bundler) is tsc's:
 * `tsc -p widget/tsconfig.build.json`.
 *
 * Library mode keeps `import.meta.url` (the element finds its server from it) and emits
 * chunk imports relative to the importing file, so the bundle works from any origin.
 */
import {defineConfig} from 'vite';

export default defineConfig({
  // No public dir, no HTML: this is a library.
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'widget/dist/cdn',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: 'widget/cdn.ts',
      formats: ['es'],
      fileName: () => 'pay-checkout.js',
    },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode leaves ES output unminified-looking (whitespace, pure annotations)
        // for an app's bundler; this file is final, so minify it fully.
        minify: true,
        comments: {legal: true, annotation: false, jsdoc: false},
      },
    },
  },
});

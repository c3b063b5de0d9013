/**
 * Two builds of the widget, picked with `--mode`:
 *
 * - `vite build --mode cdn`: the script-tag bundle. `widget/cdn.ts` → `dist/cdn/pay-checkout.js`
 *   (a stable name: the companion server serves `dist/cdn/` at `/`), Lit included, provider
 *   code in lazily loaded `dist/cdn/chunks/*`.
 * - `vite build --mode npm`: the package entry. `widget/index.ts` → `dist/npm/index.js`, with
 *   Lit and the provider loaders left as imports for the app's bundler. Type declarations are
 *   emitted next to it by `tsc -p tsconfig.build.json`.
 *
 * Library mode keeps `import.meta.url` (the element finds its server from it) and emits
 * chunk imports relative to the importing file, so the bundle works from any origin.
 */
import {defineConfig} from 'vite';

export default defineConfig(({mode}) => {
  const cdn = mode !== 'npm';
  return {
    // No public dir, no HTML: this is a library.
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist/npm',
      emptyOutDir: true,
      sourcemap: true,
      // The CDN file is what browsers download; the npm build is minified by the app.
      minify: cdn,
      reportCompressedSize: false,
      lib: {
        entry: cdn ? 'widget/cdn.ts' : 'widget/index.ts',
        formats: ['es'],
        fileName: () => (cdn ? 'pay-checkout.js' : 'index.js'),
      },
      rolldownOptions: {
        external: cdn
          ? []
          : [
              /^lit(\/|$)/,
              /^@lit\//,
              /^@stripe\/stripe-js/,
              /^@paypal\/paypal-js/,
            ],
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Library mode leaves ES output unminified-looking (whitespace, pure annotations)
          // for the app's bundler; the CDN file is final, so minify it fully.
          ...(cdn && {
            minify: true,
            comments: {legal: true, annotation: false, jsdoc: false},
          }),
        },
      },
    },
  };
});

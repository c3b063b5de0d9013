/**
 * The script-tag bundle: `widget/cdn.ts` → `widget/dist/cdn/pay-checkout.js` (a stable name:
 * the companion server serves that folder at `/`, and the package exports it as
 * `pay-checkout/cdn/pay-checkout.js`), Lit included, provider code in lazily loaded
 * `chunks/*`. The npm build (one module per source file, for the app's bundler) is tsc's:
 * `tsc -p widget/tsconfig.build.json`.
 *
 * Library mode keeps `import.meta.url` (the element finds its server from it) and emits
 * chunk imports relative to the importing file, so the bundle works from any origin.
 *
 * What the chunks share with the element (Lit, the API client) stays in pay-checkout.js, which
 * they import back (`allow-extension`: the entry may export more than cdn.ts does). Under
 * `strict` rolldown puts it in a chunk of its own, which the browser finds only once
 * pay-checkout.js is parsed: one more round trip before anything shows. So the page must load
 * the bundle by the URL the chunks import it by (no query string), or it is loaded twice.
 */
import {defineConfig} from 'vite';
import {minifyLitCss} from './scripts/vite-minify-lit-css.js';

/**
 * The licences of the code in a chunk, once at its top, instead of a copy of each source
 * file's header (Lit alone has one per module: 36 in pay-checkout.js).
 */
const NOTICES: [RegExp, string][] = [
  [/\/widget\//, 'pay-checkout, MIT'],
  [
    /\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//,
    'Lit, Copyright (c) 2017 Google LLC, BSD-3-Clause',
  ],
  [
    /\/node_modules\/@stripe\/stripe-js\//,
    '@stripe/stripe-js, Copyright (c) 2017 Stripe, MIT',
  ],
  [/\/node_modules\/@paypal\/paypal-js\//, '@paypal/paypal-js, Apache-2.0'],
  [
    /\/node_modules\/@floating-ui\//,
    'Floating UI, Copyright (c) 2021-present Floating UI contributors, MIT',
  ],
];

function licences(moduleIds: readonly string[]): string {
  const names = NOTICES.filter(([path]) =>
    moduleIds.some((id) => path.test(id))
  ).map(([, notice]) => notice);
  return names.length ? `/*! ${names.join('; ')} */` : '';
}

export default defineConfig({
  // No public dir, no HTML: this is a library.
  publicDir: false,
  plugins: [minifyLitCss()],
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
      preserveEntrySignatures: 'allow-extension',
      output: {
        // What the provider chunks share with each other and with the checkout chunk
        // (widget/internal/providers/shared.ts, the modules it re-exports, and hosted.ts) is
        // one chunk, which the element fetches together with the checkout's and the provider's.
        codeSplitting: {
          groups: [
            {
              name: 'provider-shared',
              test: /widget\/internal\/(csp-nonce|hosted|providers\/(errors|provider|shared))\.ts$/,
            },
          ],
        },
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode leaves ES output unminified-looking (whitespace, pure annotations)
        // for an app's bundler; this file is final, so minify it fully.
        minify: true,
        comments: {legal: false, annotation: false, jsdoc: false},
        postBanner: (chunk) => licences(chunk.moduleIds),
      },
    },
  },
});

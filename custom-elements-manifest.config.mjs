/**
 * Custom Elements Manifest for <pay-checkout> and <pay-item>: `npm run analyze` writes
 * widget/custom-elements.json from the class JSDoc (@summary, @slot, @event, @csspart,
 * @cssproperty) and the decorated properties. The manifest ships in the package, so its module
 * paths name the built files (`dist/….js`), not the TypeScript sources (the analyzer writes
 * some as `widget/…`, custom-element definitions as `/widget/…`).
 */
const shipped = (path) =>
  path.replace(/^\/?widget\//, 'dist/').replace(/\.ts$/, '.js');

export default {
  globs: ['widget/pay-*/*.ts'],
  exclude: ['widget/**/*.styles.ts'],
  outdir: 'widget',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      name: 'shipped-module-paths',
      packageLinkPhase({customElementsManifest}) {
        const rewrite = (node) => {
          if (Array.isArray(node)) return node.forEach(rewrite);
          if (!node || typeof node !== 'object') return;
          for (const [key, value] of Object.entries(node)) {
            if (
              (key === 'path' || key === 'module') &&
              typeof value === 'string'
            )
              node[key] = shipped(value);
            else rewrite(value);
          }
        };
        rewrite(customElementsManifest.modules);
      },
    },
  ],
};

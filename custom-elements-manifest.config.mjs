/**
 * Custom Elements Manifest for <pay-checkout> and <pay-item>: `npm run analyze` writes
 * ./custom-elements.json from the class JSDoc (@summary, @slot, @event, @csspart,
 * @cssproperty) and the decorated properties. package.json's `customElements` field points at
 * it; it is set with `npm pkg set`, so the analyzer is told not to edit package.json.
 */
export default {
  globs: ['widget/pay-*/*.ts'],
  exclude: ['widget/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};

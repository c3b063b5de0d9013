/**
 * A Vite plugin for the script-tag bundle: minifies the CSS inside Lit's css`…` templates of
 * the element's `*.styles.ts` files with Lightning CSS (Vite's own CSS minifier), at build time.
 * The JS minifier leaves template literals as they are, so the sheets would otherwise ship with
 * their indentation and comments (a fifth of the initial download).
 *
 * Only the static text between interpolations is touched, each piece as a stylesheet of its
 * own: a `${sheet}` between rules (how the element composes its sheets) stays where it is. A
 * piece that is not a stylesheet on its own (an interpolation inside a rule) is left as it is,
 * and the build says so; so is a template holding a backslash (an escape whose cooked and raw
 * text differ) or a nested template.
 */
import {transform} from 'lightningcss';
import type {Plugin} from 'vite';

const STYLES = /\/widget\/.+\.styles\.ts$/;
/** A css`…` template whose interpolations are plain expressions (no braces or backticks). */
const CSS_TEMPLATE = /\bcss`((?:[^`\\$]|\$(?!\{)|\$\{[^{}`]*\})*)`/g;
const INTERPOLATION = /(\$\{[^{}`]*\})/;

export function minifyLitCss(): Plugin {
  return {
    name: 'pay-checkout:minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!STYLES.test(id)) return null;
      let changed = false;
      const minified = code.replace(CSS_TEMPLATE, (template, body: string) => {
        const parts = body.split(INTERPOLATION).map((part, index) => {
          if (index % 2 === 1 || !part.trim()) return index % 2 ? part : '';
          try {
            return transform({
              filename: id,
              code: Buffer.from(part),
              minify: true,
            }).code.toString();
          } catch (error) {
            this.warn(`left unminified, not a stylesheet on its own: ${error}`);
            return part;
          }
        });
        changed = true;
        return `css\`${parts.join('')}\``;
      });
      // No mappings: a styles module is its one template, and the lines moved.
      return changed ? {code: minified, map: {mappings: ''}} : null;
    },
  };
}

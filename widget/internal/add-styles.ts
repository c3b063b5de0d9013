/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {adoptStyles, supportsAdoptingStyleSheets, type CSSResult} from 'lit';

/**
 * Adds the styles of a lazily loaded chunk after the element's own sheet: appended to the
 * adopted sheets (Lit's adoptStyles would replace them), or a `<style>` where sheets cannot be
 * adopted.
 */
export function addStyles(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (supportsAdoptingStyleSheets && sheet)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else adoptStyles(root, [styles]);
}

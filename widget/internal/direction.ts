/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/** Languages written right to left (their primary subtag). */
const RIGHT_TO_LEFT = new Set([
  'ar',
  'ckb',
  'dv',
  'fa',
  'he',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);

/**
 * The direction the checkout sets on itself, if any: a `dir` on the element or on anything
 * around it (across shadow roots) is the page's choice and is inherited as it is; with none,
 * the buyer's language decides (`locale="ar"` on an unmarked page reads right to left).
 */
export function ownDirection(host: Element, tag: string): 'rtl' | undefined {
  for (
    let node: Node | null = host;
    node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode
  ) {
    if (node instanceof Element && node.hasAttribute('dir')) return undefined;
  }
  const language = tag.split('-')[0]!.toLowerCase();
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : undefined;
}

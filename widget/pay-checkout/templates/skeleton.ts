/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {html} from 'lit';

/**
 * The placeholder while the quote loads: bars for the eye, one sentence for a screen reader
 * (`label`: the locale's, once the checkout chunk has the tables; until then the element's
 * `aria-busy` says it).
 */
export function skeleton(label: string) {
  const row = (total = false) =>
    html`<div class="skeleton__row">
      <span class="skeleton__bar ${total ? 'skeleton__bar--total' : ''}"></span>
      <span class="skeleton__bar skeleton__bar--short"></span>
    </div>`;
  return html`<div part="skeleton">
    <span class="sr-only">${label}</span>
    <div class="skeleton" aria-hidden="true">
      ${row()} ${row()} ${row(true)}
      <span class="skeleton__bar skeleton__bar--button"></span>
    </div>
  </div>`;
}

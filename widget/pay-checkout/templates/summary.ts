/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The order summary of <pay-checkout>: a table of the server's quote (lines, subtotal,
 * total), and the skeleton that stands in for it while the first quote loads.
 */
import {html} from 'lit';
import type {Quote} from '../../contract.js';
import type {Messages} from '../../internal/messages.js';
import {formatMoney} from '../../internal/money.js';

/** The placeholder while the quote loads: bars for the eye, one sentence for a screen reader. */
export function skeleton(t: Messages) {
  const row = (total = false) =>
    html`<div class="skeleton__row">
      <span class="skeleton__bar ${total ? 'skeleton__bar--total' : ''}"></span>
      <span class="skeleton__bar skeleton__bar--short"></span>
    </div>`;
  return html`<div part="skeleton">
    <span class="sr-only">${t.loading}</span>
    <div class="skeleton" aria-hidden="true">
      ${row()} ${row()} ${row(true)}
      <span class="skeleton__bar skeleton__bar--button"></span>
    </div>
  </div>`;
}

/** The quote as a table; `stale` while a cart change waits for its quote (`aria-busy`). */
export function summary(
  t: Messages,
  quote: Quote,
  {locale, stale}: {locale: string; stale: boolean}
) {
  const count = new Intl.NumberFormat(locale);
  const money = (amount: number) => formatMoney(amount, quote.currency, locale);
  return html`<table
    class="summary"
    part="summary"
    aria-busy=${stale ? 'true' : 'false'}
  >
    <caption class="summary__caption">
      ${t.orderSummary}
    </caption>
    <thead class="sr-only">
      <tr>
        <th scope="col">${t.item}</th>
        <th scope="col">${t.amount}</th>
      </tr>
    </thead>
    <tbody>
      ${quote.lines.map(
        (line) =>
          html`<tr class="line" part="line">
            <th scope="row" class="line__name">
              ${line.name}<span class="line__qty"
                >${t.quantity(count.format(line.quantity))}</span
              >
            </th>
            <td class="line__amount">${money(line.amount)}</td>
          </tr>`
      )}
    </tbody>
    <tfoot>
      <tr class="subtotal" part="subtotal">
        <th scope="row">${t.subtotal}</th>
        <td>${money(quote.subtotal)}</td>
      </tr>
      <tr class="total" part="total">
        <th scope="row">${t.total}</th>
        <td>${money(quote.total)}</td>
      </tr>
    </tfoot>
  </table>`;
}

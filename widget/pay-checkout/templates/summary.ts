/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The order summary of <pay-checkout>: a table of the server's quote (lines, subtotal,
 * discount, shipping, tax, total); ./skeleton.ts stands in for it while the first quote
 * loads.
 */
import {html, nothing} from 'lit';
import type {CartItem, Quote} from '../../contract.js';
import type {Messages} from '../../internal/messages.js';
import {formatMoney} from '../../internal/money.js';
import type {cartLine} from './cart-line.js';

/** What an `editable` cart adds to the summary. */
export interface CartEditing {
  /** The editable line's template, from the lazily loaded chunk (../cart-editing.ts). */
  line: typeof cartLine;
  /** The cart now: its quantities are shown, and lines it no longer has are hidden, before their quote comes. */
  items: CartItem[];
  disabled: boolean;
  /** The quantity the server refused at the buyer's last edit. */
  refused?: CartItem | undefined;
  /** Per SKU, the smallest quantity the server refused. */
  limits: ReadonlyMap<string, number>;
  onQuantity: (sku: string, quantity: number) => void;
  onRemove: (sku: string, index: number) => void;
}

interface SummaryOptions {
  locale: string;
  /** A change waits for its quote: the table is `aria-busy`. */
  stale: boolean;
  /** A re-quote changed the total: the live region says the new one. */
  announce: boolean;
  /** Set when the buyer may edit the cart. */
  cart?: CartEditing | undefined;
}

/**
 * The quote as a table: the lines, then subtotal, discount, shipping, tax and total, and a
 * polite live region that says a changed total (not the whole table: it is `aria-busy` while
 * stale, and would say too much).
 */
export function summary(
  t: Messages,
  quote: Quote,
  {locale, stale, announce, cart}: SummaryOptions
) {
  const count = new Intl.NumberFormat(locale);
  const money = (amount: number) => formatMoney(amount, quote.currency, locale);
  return html`<table
      class="summary ${cart ? 'summary--editable' : ''}"
      part="summary"
      aria-busy=${stale ? 'true' : 'false'}
      tabindex="-1"
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
      ${
        cart
          ? editableLines(t, quote, cart, money, count)
          : html`<tbody>
              ${lines(t, quote, money, count)}
            </tbody>`
      }
      <tfoot>
        ${totals(t, quote, money)}
      </tfoot>
    </table>
    <div class="sr-only" part="total-announcement" aria-live="polite">
      ${announce ? t.totalNow(money(quote.total)) : ''}
    </div>`;
}

type Money = (amount: number) => string;

function lines(
  t: Messages,
  quote: Quote,
  money: Money,
  count: Intl.NumberFormat
) {
  return quote.lines.map(
    (line) =>
      html`<tr class="line" part="line">
        <th scope="row" class="line__name">
          <bdi>${line.name}</bdi
          ><span class="line__qty"
            >${t.quantity(count.format(line.quantity))}</span
          >
        </th>
        <td class="line__amount">${money(line.amount)}</td>
      </tr>`
  );
}

/** The quote's lines that the cart still has, with the cart's quantities. */
function editableLines(
  t: Messages,
  quote: Quote,
  cart: CartEditing,
  money: Money,
  count: Intl.NumberFormat
) {
  const quantities = new Map<string, number>();
  for (const {sku, quantity} of cart.items)
    quantities.set(sku, (quantities.get(sku) ?? 0) + quantity);
  const shown = quote.lines.filter((line) => quantities.has(line.sku));
  return shown.map((line, index) => {
    const limit = cart.limits.get(line.sku);
    return cart.line(t, line, {
      index,
      quantity: quantities.get(line.sku)!,
      max: limit === undefined ? undefined : limit - 1,
      refused:
        cart.refused?.sku === line.sku
          ? count.format(cart.refused.quantity)
          : undefined,
      disabled: cart.disabled,
      money,
      onQuantity: cart.onQuantity,
      onRemove: cart.onRemove,
    });
  });
}

/** Subtotal, then what the quote adds or takes away, then the total. */
function totals(t: Messages, quote: Quote, money: Money) {
  const code =
    quote.discountCode?.status === 'applied' ? quote.discountCode.code : '';
  const rate = quote.shippingRates.find(({id}) => id === quote.shippingRate);
  const row = (
    kind: string,
    label: unknown,
    value: unknown,
    className = kind
  ) =>
    html`<tr class=${className} part=${kind}>
      <th scope="row">${label}</th>
      <td>${value}</td>
    </tr>`;
  return html`${row('subtotal', t.subtotal, money(quote.subtotal))}
  ${
    quote.discount
      ? row(
          'discount',
          html`${t.discount}${code ? html` <span class="summary__code">${code}</span>` : nothing}`,
          money(-quote.discount)
        )
      : nothing
  }
  ${
    quote.requiresShipping
      ? row(
          'shipping-cost',
          // Before an address, the note goes under the label: in the amount column its width
          // would squeeze the lines' names.
          html`${t.shippingRow}${
            rate
              ? html` <span class="summary__rate"
                  >(<bdi>${rate.name}</bdi>)</span
                >`
              : html` <span class="summary__pending"
                  >${t.shippingPending}</span
                >`
          }`,
          rate ? (quote.shipping ? money(quote.shipping) : t.free) : ''
        )
      : nothing
  }
  ${!quote.taxInclusive && quote.tax ? row('tax', t.tax, money(quote.tax)) : nothing}
  ${row('total', t.total, money(quote.total))}
  ${
    quote.taxInclusive && quote.tax
      ? html`<tr class="included-tax" part="included-tax">
          <td colspan="2">${t.includingTax(money(quote.tax))}</td>
        </tr>`
      : nothing
  }`;
}

/**
 * The documents the emulator serves to browsers: the button frame (static; its script draws the
 * button from the URL fragment) and the approval page, rendered from the order with every value
 * escaped. Both load only their own bundled script.
 */
import {escapeHtml} from '../../shared/html.js';
import {toHundredths, formatValue} from '../core/money.js';
import type {Buyer} from '../core/state.js';
import type {ItemJson, OrderJson} from '../core/types.js';
import {pageLanguage, paypalWords} from '../browser/words.js';

const FRAME_STYLES = `
* { box-sizing: border-box; }
html, body { margin: 0; background: transparent; overflow: hidden; }
body { padding: 4px; font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }
.Button {
  display: flex; align-items: center; justify-content: center; gap: 0.35em;
  width: 100%; margin: 0; padding: 0 16px; border: 1px solid transparent;
  font: inherit; font-size: 16px; cursor: pointer;
  transition: background-color 0.15s, filter 0.15s;
}
.Button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.Button[aria-disabled="true"] { cursor: not-allowed; opacity: 0.6; }
.Wordmark { font-weight: 700; font-style: italic; font-size: 1.15em; letter-spacing: -0.01em; }
.Pay { color: var(--pay, #003087); }
.Pal { color: var(--pal, #0070e0); }
.Caption { margin: 6px 0 0; text-align: center; font-size: 11px; line-height: 16px; color: #2c2e2f; }
@media (prefers-reduced-motion: reduce) { .Button { transition: none; } }
`;

export function buttonFramePage(scriptSrc: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PayPal</title>
<style>${FRAME_STYLES}</style>
</head>
<body>
<main id="root"></main>
<script src="${scriptSrc}"></script>
</body>
</html>`;
}

const CHECKOUT_STYLES = `
* { box-sizing: border-box; }
body {
  margin: 0; background: #f5f7fa; color: #001435;
  font: 16px/1.5 "Helvetica Neue", Helvetica, Arial, sans-serif;
}
.Top {
  display: flex; align-items: center; justify-content: space-between;
  padding: 14px 24px; background: #ffffff; border-bottom: 1px solid #dbe1e8;
}
.Logo { font-weight: 700; font-style: italic; font-size: 24px; letter-spacing: -0.02em; }
.Logo .Pay { color: #003087; } .Logo .Pal { color: #0070e0; }
.Badge {
  padding: 2px 10px; border-radius: 999px; background: #fff3cd; color: #5c4400;
  font-size: 13px; font-weight: 600;
}
main { max-width: 30rem; margin: 24px auto; padding: 24px; background: #ffffff;
  border: 1px solid #dbe1e8; border-radius: 12px; }
h1 { margin: 0 0 4px; font-size: 22px; }
h2 { margin: 20px 0 8px; font-size: 16px; }
.Buyer { margin: 0; color: #3b4a5c; }
table { width: 100%; border-collapse: collapse; font-size: 15px; }
th, td { padding: 6px 0; text-align: left; vertical-align: top; }
th[scope="col"] { font-size: 13px; color: #3b4a5c; font-weight: 600; border-bottom: 1px solid #dbe1e8; }
.Num { text-align: right; white-space: nowrap; }
tfoot th { font-weight: 400; }
tfoot tr:first-child th, tfoot tr:first-child td { border-top: 1px solid #dbe1e8; padding-top: 10px; }
.Total th, .Total td { font-weight: 700; font-size: 17px; }
.Status { min-height: 1.5em; margin: 16px 0 0; color: #001435; }
.Status[data-kind="error"] { color: #b3093c; }
.Actions { display: grid; gap: 10px; margin-top: 16px; }
button {
  padding: 12px 16px; border-radius: 999px; font: inherit; font-weight: 700; cursor: pointer;
}
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
button:disabled { opacity: 0.6; cursor: progress; }
#approve { border: 2px solid #003087; background: #003087; color: #ffffff; }
#decline { border: 2px solid #001435; background: #ffffff; color: #001435; }
#cancel { border: 2px solid transparent; background: transparent; color: #0b57d0; text-decoration: underline; }
.Note { margin: 20px 0 0; font-size: 13px; color: #3b4a5c; }
.Ship { margin-top: 20px; }
.Ship fieldset { margin: 8px 0; padding: 8px 12px; border: 1px solid #dbe1e8; border-radius: 8px; }
.Ship label { display: block; margin: 4px 0; }
.Ship form { display: grid; gap: 8px; margin-top: 8px; }
.Ship input[type="text"] { width: 100%; padding: 6px 8px; font: inherit; border: 1px solid #6c7378; border-radius: 6px; }
#ship-here { border: 2px solid #003087; background: #ffffff; color: #003087; }
`;

function formatMoney(value: string, currency: string): string {
  return new Intl.NumberFormat('en-US', {style: 'currency', currency}).format(
    Number(value)
  );
}

function itemRow(item: ItemJson): string {
  const currency = item.unit_amount.currency_code;
  const line = formatValue(
    toHundredths(item.unit_amount.value) * BigInt(item.quantity),
    currency
  );
  return `<tr><td>${escapeHtml(item.name)}</td><td class="Num">${escapeHtml(item.quantity)}</td><td class="Num">${escapeHtml(formatMoney(line, currency))}</td></tr>`;
}

const BREAKDOWN_LABELS: [string, string, boolean][] = [
  ['item_total', 'Subtotal', false],
  ['tax_total', 'Tax', false],
  ['shipping', 'Shipping', false],
  ['handling', 'Handling', false],
  ['insurance', 'Insurance', false],
  ['shipping_discount', 'Shipping discount', true],
  ['discount', 'Discount', true],
];

function unitTable(
  unit: NonNullable<OrderJson['purchase_units']>[number],
  index: number
): string {
  const amount = unit.amount!;
  const currency = amount.currency_code;
  const items = unit.items?.length
    ? unit.items.map(itemRow).join('')
    : `<tr><td>${escapeHtml(unit.description ?? 'Purchase')}</td><td class="Num">1</td><td class="Num">${escapeHtml(formatMoney(amount.value, currency))}</td></tr>`;
  const breakdown = (amount.breakdown ?? {}) as Record<
    string,
    {value: string} | undefined
  >;
  const rows = BREAKDOWN_LABELS.filter(([key]) => breakdown[key])
    .map(([key, label, minus]) => {
      const value = formatMoney(breakdown[key]!.value, currency);
      return `<tr><th scope="row" colspan="2">${label}</th><td class="Num">${minus ? '−' : ''}${escapeHtml(value)}</td></tr>`;
    })
    .join('');
  return `<table aria-labelledby="summary-title-${index}">
  <thead><tr><th scope="col">Item</th><th scope="col" class="Num">Qty</th><th scope="col" class="Num">Amount</th></tr></thead>
  <tbody>${items}</tbody>
  <tfoot>${rows}<tr class="Total"><th scope="row" colspan="2">Total</th><td class="Num" id="total-${index}">${escapeHtml(formatMoney(amount.value, currency))} ${escapeHtml(currency)}</td></tr></tfoot>
</table>`;
}

type Shipping = NonNullable<
  NonNullable<OrderJson['purchase_units']>[number]['shipping']
>;

function addressText(shipping: Shipping): string {
  const a = shipping.address;
  const parts = [
    shipping.name?.full_name,
    a?.address_line_1,
    a?.address_line_2,
    [a?.postal_code, a?.admin_area_2, a?.admin_area_1]
      .filter(Boolean)
      .join(' '),
    a?.country_code,
  ];
  return parts.filter(Boolean).join(', ') || 'No address yet';
}

const ADDRESS_INPUTS: [string, string, string][] = [
  ['address_line_1', 'Street address', 'shipping address-line1'],
  ['admin_area_2', 'City', 'shipping address-level2'],
  ['admin_area_1', 'State or region', 'shipping address-level1'],
  ['postal_code', 'Postal code', 'shipping postal-code'],
  ['country_code', 'Country code (two letters)', 'shipping country'],
];

/**
 * Where it ships, the options to choose from, and a form for another address: what the buyer
 * changes here goes to the merchant's shipping callbacks first (checkout-page.ts).
 */
function shipSection(shipping: Shipping, currency: string): string {
  const options = (shipping.options ?? [])
    .map(
      (option) =>
        `<label><input type="radio" name="option" value="${escapeHtml(option.id)}"${option.selected ? ' checked' : ''}> ${escapeHtml(option.label)} — ${escapeHtml(option.amount ? formatMoney(option.amount.value, currency) : '')}</label>`
    )
    .join('');
  const inputs = ADDRESS_INPUTS.map(
    ([name, label, autocomplete]) =>
      `<label>${label} <input type="text" name="${name}" autocomplete="${autocomplete}" value="${escapeHtml((shipping.address as Record<string, string> | undefined)?.[name] ?? '')}"${name === 'country_code' ? ' required pattern="[A-Za-z]{2}"' : ''}></label>`
  ).join('');
  return `<section class="Ship" aria-labelledby="ship-title">
  <h2 id="ship-title">Ship to</h2>
  <p id="ship-address">${escapeHtml(addressText(shipping))}</p>
  ${options ? `<fieldset id="options"><legend>Shipping method</legend>${options}</fieldset>` : ''}
  <details><summary>Change address</summary>
    <form id="address-form">${inputs}<button type="submit" id="ship-here">Ship here</button></form>
  </details>
</section>`;
}

function shell(
  title: string,
  body: string,
  attributes: string,
  scriptSrc: string,
  locale?: string
): string {
  const {lang, dir} = pageLanguage(locale);
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CHECKOUT_STYLES}</style>
</head>
<body ${attributes}>
<header class="Top"><span class="Logo" role="img" aria-label="PayPal"><span class="Pay">Pay</span><span class="Pal">Pal</span></span><span class="Badge">Test mode</span></header>
${body}
<script src="${scriptSrc}"></script>
</body>
</html>`;
}

export function checkoutPage(
  order: OrderJson,
  buyer: Buyer,
  scriptSrc: string,
  /** The SDK's `locale` (`locale.x` of the window's URL): the buttons' and headings' language. */
  locale?: string
): string {
  const words = paypalWords(locale);
  const units = (order.purchase_units ?? [])
    .map(
      (unit, i) =>
        `<h2 id="summary-title-${i}">${escapeHtml(unit.description ?? 'Order summary')}</h2>${unitTable(unit, i)}`
    )
    .join('');
  const first = order.purchase_units?.[0];
  const ship = first?.shipping
    ? shipSection(first.shipping, first.amount!.currency_code)
    : '';
  const body = `<main aria-labelledby="title">
  <h1 id="title">${escapeHtml(words.heading)}</h1>
  <p class="Buyer">Paying as ${escapeHtml(`${buyer.givenName} ${buyer.surname}`)} (${escapeHtml(buyer.email)})</p>
  ${units}
  ${ship}
  <p class="Status" id="status" role="status"></p>
  <div class="Actions">
    <button type="button" id="approve" disabled>${escapeHtml(words.approve)}</button>
    <button type="button" id="decline" disabled>${escapeHtml(words.decline)}</button>
    <button type="button" id="cancel" disabled>${escapeHtml(words.cancel)}</button>
  </div>
  <p class="Note">Served by the PayPal emulator: no money moves. “Decline card” approves with a card
    the bank refuses when the merchant captures.</p>
</main>`;
  return shell(
    words.title,
    body,
    `data-order-id="${escapeHtml(order.id!)}" data-state="open"`,
    scriptSrc,
    locale
  );
}

/** The order cannot be paid here (unknown, already paid): said on the page and to the opener. */
export function checkoutUnavailablePage(
  message: string,
  scriptSrc: string
): string {
  const body = `<main aria-labelledby="title">
  <h1 id="title">This checkout is not available</h1>
  <p class="Status" id="status" role="alert">${escapeHtml(message)}</p>
</main>`;
  return shell(
    'PayPal Checkout',
    body,
    `data-state="unavailable" data-message="${escapeHtml(message)}"`,
    scriptSrc
  );
}

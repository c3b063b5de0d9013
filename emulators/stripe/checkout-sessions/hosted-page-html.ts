/**
 * The emulator's hosted Checkout page (what `session.url` opens, as checkout.stripe.com does):
 * the order on one side, the email and the same card fields as the Payment Element on the
 * other. Unlike the frames in ../stripe-js/pages.ts it shows the merchant's own text (product names), so
 * every value goes through `escape()`; URLs were checked to be http(s) when the session was
 * created. The script (`../browser/checkout/pay.ts`) does the paying.
 */
import {escapeHtml as escape} from '../../shared/html.js';
import {FIELD_STYLES, field} from '../stripe-js/pages.js';
import {hostedPageWords, type HostedPageWords} from './hosted-page-words.js';

interface CheckoutLineView {
  name: string;
  description: string | null;
  image: string | null;
  quantity: number;
  /** Formatted, e.g. `$9.99`. */
  unitAmount: string;
  amount: string;
}

export interface CheckoutPageView {
  sessionId: string;
  publishableKey: string;
  /** BCP 47, for `<html lang>` and the script's formatting. */
  lang: string;
  /** ZIP (US) or Postal code. */
  unitedStates: boolean;
  lines: CheckoutLineView[];
  subtotal: string;
  /** The coupon's name and what it takes off, formatted (`−€5.00`). */
  discount: {label: string; amount: string} | null;
  /** The selected shipping rate's name and amount (`Free` when 0). */
  shipping: {label: string; amount: string} | null;
  /** `inclusive`: the tax is inside the prices (shown, not added). */
  tax: {amount: string; inclusive: boolean} | null;
  total: string;
  /** `shipping_address_collection`: the countries the buyer may choose, with their names. */
  shippingCountries: {code: string; name: string}[] | null;
  email: string | null;
  /** `customer_email` was given: Checkout shows it rather than asking. */
  emailLocked: boolean;
  cancelUrl: string | null;
  scriptSrc: string;
}

interface CheckoutMessageView {
  lang: string;
  title: string;
  text: string;
  link: {href: string; label: string; back: boolean} | null;
}

// Stripe's default theme, as the Payment Element's frame starts with it (../browser/frame/appearance.ts).
const STYLES = `
:root {
  --color-primary: #0570de;
  --color-background: #ffffff;
  --color-text: #30313d;
  --color-danger: #df1b41;
  --color-text-secondary: #6d6e78;
  --color-text-placeholder: #75757f;
  --input-background: #ffffff;
  --input-border: #e0e0e6;
  --font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Ubuntu, sans-serif;
  --font-size-base: 16px;
  --spacing-unit: 4px;
  --border-radius: 6px;
}
* { box-sizing: border-box; }
body {
  margin: 0;
  min-height: 100vh;
  background: var(--color-background);
  color: var(--color-text);
  font-family: var(--font-family);
  font-size: var(--font-size-base);
  line-height: 1.4;
}
main {
  display: grid;
  grid-template-columns: minmax(0, 1fr);
  max-width: 60rem;
  margin: 0 auto;
}
.Summary { border-bottom: 1px solid #ebebf0; }
@media (min-width: 52rem) {
  main { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); min-height: 100vh; }
  .Summary { border-bottom: 0; border-inline-end: 1px solid #ebebf0; }
}
.Summary, .Pay { padding: 32px 24px; }
@media (min-width: 52rem) { .Summary, .Pay { padding: 56px 48px; } }
.Top { display: flex; align-items: center; gap: 12px; margin-bottom: 24px; }
a {
  color: var(--color-primary);
  border-radius: 4px;
}
a:focus-visible, button:focus-visible {
  outline: 3px solid var(--color-primary);
  outline-offset: 2px;
}
.Back { font-weight: 600; text-decoration: none; padding: 4px 2px; }
.Back:hover { text-decoration: underline; }
.Badge {
  display: inline-block;
  margin: 0;
  padding: 2px 8px;
  border-radius: 4px;
  background: #fff3cd;
  color: #5c4400;
  font-size: 13px;
  font-weight: 600;
}
h1 { margin: 0 0 24px; font-size: 16px; font-weight: 500; color: var(--color-text-secondary); }
.Amount {
  display: block;
  margin-top: 4px;
  font-size: 36px;
  font-weight: 600;
  color: var(--color-text);
  font-variant-numeric: tabular-nums;
}
.Lines { list-style: none; margin: 0; padding: 0; display: grid; gap: 16px; }
.Line { display: flex; gap: 12px; align-items: flex-start; }
.Line img {
  flex: none;
  width: 48px;
  height: 48px;
  border-radius: 6px;
  object-fit: cover;
  background: #f1f1f4;
}
.Line-text { flex: 1; min-width: 0; }
.Line-name { margin: 0; font-weight: 600; }
.Line-meta, .Line-description { margin: 2px 0 0; font-size: 14px; color: var(--color-text-secondary); }
.Line-amount { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.Totals { margin: 24px 0 0; padding-top: 16px; border-top: 1px solid #ebebf0; display: grid; gap: 8px; }
.Totals div { display: flex; justify-content: space-between; gap: 16px; }
.Totals dt, .Totals dd { margin: 0; }
.Totals dd { font-variant-numeric: tabular-nums; }
.Totals-total { font-weight: 600; }
.Totals-note { color: var(--color-text-secondary); font-size: 14px; }
h2 { margin: 0 0 12px; font-size: 18px; font-weight: 600; }
form { display: grid; gap: calc(var(--spacing-unit) * 3); }
fieldset { margin: 0; padding: 0; border: 0; display: grid; gap: calc(var(--spacing-unit) * 3); min-width: 0; }
legend { padding: 0; margin-bottom: calc(var(--spacing-unit) * 3); font-size: 18px; font-weight: 600; }
.Section { display: grid; gap: calc(var(--spacing-unit) * 3); margin-bottom: 12px; }
.Input[readonly] { background: #f6f8fa; }
${FIELD_STYLES}
.FormError {
  margin: 0;
  padding: 12px;
  border-radius: var(--border-radius);
  background: #fdecef;
  color: #a4102f;
}
.FormError:empty { display: none; }
.PayButton {
  margin-top: 8px;
  width: 100%;
  padding: 14px 16px;
  border: 0;
  border-radius: var(--border-radius);
  background: var(--color-primary);
  color: #ffffff;
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}
.PayButton[aria-disabled="true"] { opacity: 0.7; cursor: progress; }
.Fine { margin: 8px 0 0; font-size: 13px; color: var(--color-text-secondary); }
.Message { display: block; max-width: 32rem; padding: 64px 24px; }
.Message h1 { font-size: 24px; font-weight: 600; color: var(--color-text); margin: 12px 0; }
.Message p { margin: 0 0 16px; }
`;

function htmlDocument(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escape(title)}</title>
<style>${STYLES}</style>
</head>
<body>
${body}
</body>
</html>`;
}

function backLink(href: string, words: HostedPageWords): string {
  return `<a class="Back" href="${escape(href)}"><span aria-hidden="true">←</span> ${escape(words.back)}</a>`;
}

/** `{name}` placeholders filled in (values escaped by the caller's template). */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

function line(item: CheckoutLineView, words: HostedPageWords): string {
  const image = item.image
    ? `<img src="${escape(item.image)}" alt="" width="48" height="48" loading="lazy">`
    : '';
  const each =
    item.quantity > 1
      ? ` · ${escape(fill(words.each, {amount: item.unitAmount}))}`
      : '';
  const description = item.description
    ? `<p class="Line-description">${escape(item.description)}</p>`
    : '';
  return `<li class="Line">${image}
        <div class="Line-text">
          <p class="Line-name">${escape(item.name)}</p>
          <p class="Line-meta">${escape(fill(words.quantity, {n: String(item.quantity)}))}${each}</p>${description}
        </div>
        <p class="Line-amount">${escape(item.amount)}</p>
      </li>`;
}

/** Discount, shipping and tax, between the subtotal and the total, as Stripe's page lists them. */
function totalsRows(view: CheckoutPageView, words: HostedPageWords): string {
  const rows: string[] = [];
  if (view.discount) {
    rows.push(
      `<div class="Totals-discount"><dt>${escape(view.discount.label)}</dt><dd>${escape(view.discount.amount)}</dd></div>`
    );
  }
  if (view.shipping) {
    rows.push(
      `<div><dt>${escape(words.shipping)} <span class="Totals-note">${escape(view.shipping.label)}</span></dt><dd>${escape(view.shipping.amount)}</dd></div>`
    );
  }
  if (view.tax) {
    const label = view.tax.inclusive ? words.taxIncluded : words.tax;
    rows.push(
      `<div><dt>${escape(label)}</dt><dd>${escape(view.tax.amount)}</dd></div>`
    );
  }
  return rows.join('\n      ');
}

/** The shipping address, when the session collects one (`shipping_address_collection`). */
function shippingFieldset(
  countries: {code: string; name: string}[],
  words: HostedPageWords
): string {
  const text = (id: string, label: string, autocomplete: string) =>
    field({id, label, autocomplete, placeholder: '', inputmode: 'text'});
  const options = countries
    .map((c) => `<option value="${escape(c.code)}">${escape(c.name)}</option>`)
    .join('');
  return `<fieldset id="shipping-address">
        <legend>${escape(words.shippingAddress)}</legend>
        ${text('shippingName', words.fullName, 'shipping name')}
        <div class="Block">
          <label class="Label" for="shippingCountry">${escape(words.country)}</label>
          <select class="Input" id="shippingCountry" name="shippingCountry" autocomplete="shipping country">${options}</select>
        </div>
        ${text('shippingLine1', words.line1, 'shipping address-line1')}
        ${text('shippingLine2', words.line2, 'shipping address-line2')}
        <div class="Row">
          ${text('shippingCity', words.city, 'shipping address-level2')}
          ${text('shippingPostalCode', words.postalCode, 'shipping postal-code')}
        </div>
        ${text('shippingState', words.state, 'shipping address-level1')}
      </fieldset>`;
}

export function checkoutPage(view: CheckoutPageView): string {
  const words = hostedPageWords(view.lang);
  const email = view.email ? ` value="${escape(view.email)}"` : '';
  const postal = view.unitedStates
    ? {label: words.zip, inputmode: 'numeric', placeholder: '12345'}
    : {label: words.postalCode, inputmode: 'text', placeholder: ''};
  const payAmount = escape(words.payAmount).replace(
    '{amount}',
    `<span class="Amount">${escape(view.total)}</span>`
  );
  const body = `<main>
  <section class="Summary" aria-labelledby="summary-title">
    <div class="Top">
      ${view.cancelUrl ? backLink(view.cancelUrl, words) : ''}
      <p class="Badge">${escape(words.testMode)}</p>
    </div>
    <h1 id="summary-title">${payAmount}</h1>
    <ul class="Lines" aria-label="${escape(words.orderSummary)}">
      ${view.lines.map((item) => line(item, words)).join('\n      ')}
    </ul>
    <dl class="Totals">
      <div><dt>${escape(words.subtotal)}</dt><dd>${escape(view.subtotal)}</dd></div>
      ${totalsRows(view, words)}
      <div class="Totals-total"><dt>${escape(words.totalDue)}</dt><dd>${escape(view.total)}</dd></div>
    </dl>
  </section>
  <section class="Pay" aria-label="${escape(words.payment)}">
    <form id="checkout-form" novalidate aria-label="${escape(words.paymentDetails)}"
      data-session="${escape(view.sessionId)}" data-key="${escape(view.publishableKey)}"
      data-postal="${view.unitedStates ? 'us' : 'other'}"
      data-pay="${escape(words.pay)}" data-processing="${escape(words.processing)}">
      <div class="Section">
        <h2 id="contact-title">${escape(words.contact)}</h2>
        <div class="Block">
          <label class="Label" for="email">${escape(words.email)}</label>
          <input class="Input" id="email" name="email" type="email" autocomplete="email"
            spellcheck="false" aria-invalid="false" aria-describedby="email-error"${email}${view.emailLocked ? ' readonly' : ''}>
          <p class="Error" id="email-error" role="alert"></p>
        </div>
      </div>
      ${view.shippingCountries ? shippingFieldset(view.shippingCountries, words) : ''}
      <fieldset>
        <legend>${escape(words.cardInformation)}</legend>
        ${field({id: 'number', label: words.cardNumber, autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234', inputmode: 'numeric', extra: '<span class="Brand" id="number-brand"></span>'})}
        <div class="Row">
          ${field({id: 'expiry', label: words.expiry, autocomplete: 'cc-exp', placeholder: 'MM / YY', inputmode: 'numeric'})}
          ${field({id: 'cvc', label: words.cvc, autocomplete: 'cc-csc', placeholder: 'CVC', inputmode: 'numeric'})}
        </div>
        ${field({id: 'postalCode', label: postal.label, autocomplete: 'postal-code', placeholder: postal.placeholder, inputmode: postal.inputmode})}
      </fieldset>
      <p class="FormError" id="form-error" role="alert"></p>
      <button class="PayButton" type="submit" id="pay">${escape(words.pay)}</button>
      <p class="Fine">${escape(words.fine)}</p>
    </form>
  </section>
</main>
<script src="${escape(view.scriptSrc)}"></script>`;
  return htmlDocument(
    view.lang,
    fill(words.payAmount, {amount: view.total}),
    body
  );
}

/** The page for a session that can no longer be paid (expired, complete) or does not exist. */
export function checkoutMessagePage(view: CheckoutMessageView): string {
  const link = view.link
    ? view.link.back
      ? backLink(view.link.href, hostedPageWords(view.lang))
      : `<a href="${escape(view.link.href)}">${escape(view.link.label)}</a>`
    : '';
  const body = `<main class="Message">
  <p class="Badge">${escape(hostedPageWords(view.lang).testMode)}</p>
  <h1>${escape(view.title)}</h1>
  <p>${escape(view.text)}</p>
  ${link}
</main>`;
  return htmlDocument(view.lang, view.title, body);
}

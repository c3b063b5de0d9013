/**
 * The buyer's emails: the confirmation when an order is paid and a notice when it is refunded,
 * as text and HTML, in the buyer's locale and the order's currency.
 */
import {currencyExponent} from '../money.js';
import type {Order} from '../orders/order.js';
import type {OrderEventType} from '../orders/outbox-rows.js';
import {addressLines} from './address.js';
import {
  type EmailStrings,
  emailLanguage,
  emailStrings,
} from './email-strings.js';

interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox job: a retried send is recognisable as the same message. */
  messageId: string;
}

/** Sends one message; throws when it was not accepted (the outbox retries). */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

// Building an Intl.NumberFormat costs far more than formatting with one: one per (locale,
// currency), kept (locales and currencies are few; a bad locale throws before it is kept).
const formats = new Map<
  string,
  {format: Intl.NumberFormat; exponent: number}
>();

export function formatMoney(
  amount: number,
  currency: string,
  locale: string
): string {
  const key = `${locale}|${currency}`;
  let cached = formats.get(key);
  if (!cached) {
    const exponent = currencyExponent(currency);
    cached = {
      exponent,
      format: new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: currency.toUpperCase(),
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent,
      }),
    };
    if (formats.size < 500) formats.set(key, cached);
  }
  return cached.format.format(amount / 10 ** cached.exponent);
}

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) =>
      ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[
        c
      ]!
  );

interface ComposeOptions {
  shopName: string;
  /** Overrides the order's own locale (the buyer's, stored with the order). */
  locale?: string;
  messageId: string;
}

/** The email for an order event, or undefined when the buyer left no address. */
/**
 * The HTML email's direction for its language, spelled out for mail clients: `dir` on the
 * document, and the physical sides (inline styles; `end` is not understood everywhere) for
 * the amounts' alignment and the gap between label and amount.
 */
export function emailLayout(locale: string): {
  dir: 'ltr' | 'rtl';
  end: 'left' | 'right';
  gap: string;
} {
  return emailLanguage(locale) === 'ar'
    ? {dir: 'rtl', end: 'left', gap: '4px 0 4px 16px'}
    : {dir: 'ltr', end: 'right', gap: '4px 16px 4px 0'};
}

export function composeOrderEmail(
  event: OrderEventType,
  order: Order,
  options: ComposeOptions
): EmailMessage | undefined {
  if (!order.email) return undefined;
  const locale = options.locale ?? order.locale ?? 'en';
  const t = emailStrings(locale);
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  const paid = event === 'order.paid';
  const subject = paid
    ? t.paidSubject(options.shopName, order.id)
    : t.refundSubject(options.shopName, order.id);
  const intro = paid ? t.paidIntro : t.refundIntro(money(order.amountRefunded));

  const lines = order.lines.map((line) => ({
    label: `${line.name} × ${line.quantity}`,
    amount: money(line.amount),
  }));
  const summary = summaryRows(order, t, money);
  if (!paid)
    summary.push({label: t.refunded, amount: money(order.amountRefunded)});
  // Where it ships, in the confirmation only: the refund notice is about the money.
  const address =
    paid && order.shippingAddress
      ? addressLines(order.shippingAddress, locale)
      : [];

  const text = [
    intro,
    '',
    `${t.order} ${order.id}`,
    ...lines.map((l) => `  ${l.label}  ${l.amount}`),
    ...summary.map((s) => `${s.label}${t.colon}${s.amount}`),
    ...(address.length
      ? ['', `${t.shipTo}${t.colon.trimEnd()}`, ...address]
      : []),
    '',
    t.thanks,
    options.shopName,
  ].join('\n');

  const layout = emailLayout(locale);
  const row = (label: string, amount: string, strong = false) =>
    `<tr><td style="padding:${layout.gap}">${strong ? '<strong>' : ''}${escapeHtml(label)}${strong ? '</strong>' : ''}</td>` +
    `<td style="padding:4px 0;text-align:${layout.end}">${strong ? '<strong>' : ''}${escapeHtml(amount)}${strong ? '</strong>' : ''}</td></tr>`;
  const addressHtml = address.length
    ? `\n<h2 style="font-size:16px">${escapeHtml(t.shipTo)}</h2>\n<p>${address.map(escapeHtml).join('<br>')}</p>`
    : '';
  const html = `<!doctype html><html lang="${escapeHtml(locale)}" dir="${layout.dir}"><body dir="${layout.dir}" style="font-family:system-ui,sans-serif;color:#30313d">
<p>${escapeHtml(intro)}</p>
<h1 style="font-size:18px">${escapeHtml(t.order)} ${escapeHtml(order.id)}</h1>
<table role="presentation" style="border-collapse:collapse">
${lines.map((l) => row(l.label, l.amount)).join('\n')}
${summary.map((s) => row(s.label, s.amount, s.strong)).join('\n')}
</table>${addressHtml}
<p>${escapeHtml(t.thanks)}<br>${escapeHtml(options.shopName)}</p>
</body></html>`;

  return {to: order.email, subject, text, html, messageId: options.messageId};
}

export interface SummaryRow {
  label: string;
  amount: string;
  strong?: boolean;
}

/**
 * The order's own sums, as charged: subtotal, discount (with its code), shipping (with the
 * rate's name), tax added on top, the total, and the VAT a tax-inclusive total contains.
 */
export function summaryRows(
  order: Order,
  t: EmailStrings,
  money: (amount: number) => string
): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const addedTax = !order.taxInclusive && order.tax > 0;
  if (
    order.discount > 0 ||
    order.shippingRate ||
    order.shipping > 0 ||
    addedTax
  )
    rows.push({label: t.subtotal, amount: money(order.subtotal)});
  if (order.discount > 0)
    rows.push({
      label: t.discount(order.discountCode),
      amount: money(-order.discount),
    });
  if (order.shippingRate || order.shipping > 0)
    rows.push({
      label: t.shipping(order.shippingRate?.name),
      amount: money(order.shipping),
    });
  if (addedTax) rows.push({label: t.tax, amount: money(order.tax)});
  rows.push({label: t.total, amount: money(order.total), strong: true});
  if (order.taxInclusive && order.tax > 0)
    rows.push({label: t.includedTax, amount: money(order.tax)});
  return rows;
}

/**
 * The merchant's emails (MERCHANT_EMAIL): one when an order is paid — what was bought, the
 * pricing rows, the buyer's email and shipping address, the provider and its payment id, a
 * link to the order in the admin area — and one when a dispute is opened on it. Text and
 * HTML, in the shop's locale; the pricing labels are the buyer's emails' (email-strings.ts).
 */
import type {Order} from '../orders/order.js';
import type {OrderEventType} from '../orders/outbox-rows.js';
import {addressLines} from './address.js';
import {
  emailLayout,
  escapeHtml,
  formatMoney,
  type Mailer,
  summaryRows,
} from './email.js';
import {emailStrings} from './email-strings.js';
import {merchantEmailStrings} from './merchant-email-strings.js';

type EmailMessage = Parameters<Mailer['send']>[0];

interface MerchantEmailOptions {
  to: string;
  shopName: string;
  /** The shop's locale (LOCALE); English when unset or without a table. */
  locale?: string;
  /** PUBLIC_URL: when set, the email links to /admin/orders/<id>. */
  publicUrl?: string;
  /** The dispute an `order.disputed` email is about; the order's if unset. */
  disputeId?: string;
  messageId: string;
}

const PROVIDER_NAMES: Record<string, string> = {
  stripe: 'Stripe',
  paypal: 'PayPal',
};

/** `MERCHANDISE_OR_SERVICE_NOT_RECEIVED`, `product_not_received` → words. */
const reasonWords = (reason: string) =>
  reason.toLowerCase().replace(/[_-]+/g, ' ');

/** The merchant's email for an order event, or undefined for an event it does not announce. */
export function composeMerchantEmail(
  event: OrderEventType,
  order: Order,
  options: MerchantEmailOptions
): EmailMessage | undefined {
  if (event !== 'order.paid' && event !== 'order.disputed') return undefined;
  const disputed = event === 'order.disputed';
  // A dispute the order no longer holds (another opened since) is named by its id alone.
  const dispute =
    options.disputeId && options.disputeId !== order.dispute?.id
      ? {id: options.disputeId}
      : order.dispute;
  if (disputed && !dispute) return undefined;
  const locale = options.locale ?? 'en';
  const t = merchantEmailStrings(locale);
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  const disputedAmount = money(dispute?.amount ?? order.total);
  const subject = disputed
    ? t.disputeSubject(options.shopName, order.id, disputedAmount)
    : t.paidSubject(options.shopName, order.id, money(order.total));
  const intro = disputed ? t.disputeIntro : t.paidIntro;

  const lines = order.lines.map((line) => ({
    label: `${line.name} (${line.sku}) × ${line.quantity}`,
    amount: money(line.amount),
  }));
  const summary = summaryRows(order, emailStrings(locale), money);
  const facts: {label: string; value: string}[] = [];
  if (disputed && dispute) {
    facts.push({label: t.disputeId, value: dispute.id});
    facts.push({label: t.disputeAmount, value: disputedAmount});
    if (dispute.reason)
      facts.push({label: t.disputeReason, value: reasonWords(dispute.reason)});
    if (order.disputeStatus)
      facts.push({
        label: t.disputeStatus,
        value: reasonWords(order.disputeStatus),
      });
  }
  facts.push(
    {label: t.email, value: order.email ?? t.noEmail},
    {
      label: t.provider,
      value: PROVIDER_NAMES[order.provider] ?? order.provider,
    }
  );
  if (order.providerPaymentId)
    facts.push({label: t.paymentId, value: order.providerPaymentId});
  const address = order.shippingAddress
    ? addressLines(order.shippingAddress, locale)
    : [];
  const link = options.publicUrl
    ? new URL(
        `/admin/orders/${encodeURIComponent(order.id)}`,
        options.publicUrl
      ).href
    : undefined;

  const colon = emailStrings(locale).colon;
  const text = [
    intro,
    '',
    `${emailStrings(locale).order} ${order.id}`,
    ...lines.map((l) => `  ${l.label}  ${l.amount}`),
    ...summary.map((s) => `${s.label}${colon}${s.amount}`),
    '',
    ...facts.map((f) => `${f.label}${colon}${f.value}`),
    ...(address.length
      ? ['', `${t.shipTo}${colon.trimEnd()}`, ...address]
      : []),
    ...(link ? ['', `${t.viewInAdmin}${colon}${link}`] : []),
  ].join('\n');

  const layout = emailLayout(locale);
  const cell = (content: string, atEnd = false) =>
    `<td style="padding:${layout.gap}${atEnd ? `;text-align:${layout.end}` : ''}">${content}</td>`;
  const strong = (text: string, on = true) =>
    on ? `<strong>${escapeHtml(text)}</strong>` : escapeHtml(text);
  const rows = [
    ...lines.map(
      (l) =>
        `<tr>${cell(escapeHtml(l.label))}${cell(escapeHtml(l.amount), true)}</tr>`
    ),
    ...summary.map(
      (s) =>
        `<tr>${cell(strong(s.label, s.strong))}${cell(strong(s.amount, s.strong), true)}</tr>`
    ),
  ];
  const factRows = facts.map(
    (f) => `<tr>${cell(escapeHtml(f.label))}${cell(escapeHtml(f.value))}</tr>`
  );
  const html = `<!doctype html><html lang="${escapeHtml(locale)}" dir="${layout.dir}"><body dir="${layout.dir}" style="font-family:system-ui,sans-serif;color:#30313d">
<p>${escapeHtml(intro)}</p>
<h1 style="font-size:18px">${escapeHtml(emailStrings(locale).order)} ${escapeHtml(order.id)}</h1>
<table role="presentation" style="border-collapse:collapse">
${rows.join('\n')}
</table>
<table role="presentation" style="border-collapse:collapse;margin-top:12px">
${factRows.join('\n')}
</table>${
    address.length
      ? `\n<h2 style="font-size:16px">${escapeHtml(t.shipTo)}</h2>\n<p>${address.map(escapeHtml).join('<br>')}</p>`
      : ''
  }${link ? `\n<p><a href="${escapeHtml(link)}">${escapeHtml(t.viewInAdmin)}</a></p>` : ''}
</body></html>`;

  return {to: options.to, subject, text, html, messageId: options.messageId};
}

/**
 * The buyer's emails: the confirmation when an order is paid and a notice when it is refunded,
 * as text and HTML, in the buyer's locale and the order's currency.
 */
import {currencyExponent} from '../money.js';
import type {Order} from '../orders/order.js';
import type {OrderEventType} from '../orders/outbox-rows.js';

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

interface Strings {
  paidSubject: (shop: string, id: string) => string;
  paidIntro: string;
  refundSubject: (shop: string, id: string) => string;
  refundIntro: (amount: string) => string;
  order: string;
  total: string;
  refunded: string;
  thanks: string;
}

const STRINGS: Record<string, Strings> = {
  en: {
    paidSubject: (shop, id) => `${shop}: your order ${id} is confirmed`,
    paidIntro: 'Thank you for your order. We have received your payment.',
    refundSubject: (shop, id) => `${shop}: refund for order ${id}`,
    refundIntro: (amount) =>
      `We have refunded ${amount} to your original payment method.`,
    order: 'Order',
    total: 'Total',
    refunded: 'Refunded so far',
    thanks: 'Thank you for shopping with us.',
  },
  fr: {
    paidSubject: (shop, id) => `${shop} : votre commande ${id} est confirmée`,
    paidIntro:
      'Merci pour votre commande. Nous avons bien reçu votre paiement.',
    refundSubject: (shop, id) => `${shop} : remboursement de la commande ${id}`,
    refundIntro: (amount) =>
      `Nous avons remboursé ${amount} sur votre moyen de paiement.`,
    order: 'Commande',
    total: 'Total',
    refunded: 'Remboursé à ce jour',
    thanks: 'Merci de votre confiance.',
  },
  de: {
    paidSubject: (shop, id) => `${shop}: Ihre Bestellung ${id} ist bestätigt`,
    paidIntro: 'Vielen Dank für Ihre Bestellung. Ihre Zahlung ist eingegangen.',
    refundSubject: (shop, id) => `${shop}: Erstattung für Bestellung ${id}`,
    refundIntro: (amount) =>
      `Wir haben ${amount} auf Ihr Zahlungsmittel erstattet.`,
    order: 'Bestellung',
    total: 'Summe',
    refunded: 'Bisher erstattet',
    thanks: 'Vielen Dank für Ihren Einkauf.',
  },
};

function stringsFor(locale: string): Strings {
  return STRINGS[locale.toLowerCase().split('-')[0]] ?? STRINGS.en;
}

export function formatMoney(
  amount: number,
  currency: string,
  locale: string
): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(amount / 10 ** exponent);
}

const escapeHtml = (text: string) =>
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
export function composeOrderEmail(
  event: OrderEventType,
  order: Order,
  options: ComposeOptions
): EmailMessage | undefined {
  if (!order.email) return undefined;
  const locale = options.locale ?? order.locale ?? 'en';
  const t = stringsFor(locale);
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
  const summary = [{label: t.total, amount: money(order.total)}];
  if (!paid)
    summary.push({label: t.refunded, amount: money(order.amountRefunded)});

  const text = [
    intro,
    '',
    `${t.order} ${order.id}`,
    ...lines.map((l) => `  ${l.label}  ${l.amount}`),
    ...summary.map((s) => `${s.label}: ${s.amount}`),
    '',
    t.thanks,
    options.shopName,
  ].join('\n');

  const row = (label: string, amount: string, strong = false) =>
    `<tr><td style="padding:4px 16px 4px 0">${strong ? '<strong>' : ''}${escapeHtml(label)}${strong ? '</strong>' : ''}</td>` +
    `<td style="padding:4px 0;text-align:right">${strong ? '<strong>' : ''}${escapeHtml(amount)}${strong ? '</strong>' : ''}</td></tr>`;
  const html = `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:system-ui,sans-serif;color:#30313d">
<p>${escapeHtml(intro)}</p>
<h1 style="font-size:18px">${escapeHtml(t.order)} ${escapeHtml(order.id)}</h1>
<table role="presentation" style="border-collapse:collapse">
${lines.map((l) => row(l.label, l.amount)).join('\n')}
${summary.map((s) => row(s.label, s.amount, true)).join('\n')}
</table>
<p>${escapeHtml(t.thanks)}<br>${escapeHtml(options.shopName)}</p>
</body></html>`;

  return {to: order.email, subject, text, html, messageId: options.messageId};
}

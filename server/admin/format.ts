/** How the admin pages and the CSV export write amounts, times and provider links. */
import type {PaymentProvider} from '../contract.js';
import {currencyExponent} from '../money.js';

/** Minor units as a plain decimal in the currency's major unit: 1999 usd → "19.99". */
export function decimal(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** "19.99 USD": the currency code rather than a symbol, which is ambiguous across shops. */
export const money = (amount: number, currency: string) =>
  `${decimal(amount, currency)} ${currency.toUpperCase()}`;

/**
 * What the merchant typed into the refund form, in minor units: "12.5" usd → 1250. Undefined
 * for anything that is not a positive amount with at most the currency's decimals.
 */
export function parseDecimal(
  text: string,
  currency: string
): number | undefined {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,12})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return undefined;
  const amount =
    Number(match[1]) * 10 ** exponent +
    Number(fraction.padEnd(exponent, '0') || 0);
  return Number.isSafeInteger(amount) && amount > 0 ? amount : undefined;
}

/** ISO → "2026-12-01 12:00:05 UTC". */
export const when = (iso: string | undefined) =>
  iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : '';

/** Whether the gateways run on live keys (links go to the live dashboards then). */
export interface DashboardModes {
  stripeLive: boolean;
  paypalLive: boolean;
}

/**
 * The provider's own page for a payment, or undefined when there is none to link to: Stripe's
 * dashboard for a PaymentIntent (a Checkout Session links once its intent is known); none for
 * PayPal (see below).
 */
export function dashboardUrl(
  provider: PaymentProvider,
  paymentId: string | undefined,
  modes: DashboardModes
): string | undefined {
  if (!paymentId) return undefined;
  const id = encodeURIComponent(paymentId);
  if (provider === 'stripe')
    return paymentId.startsWith('pi_')
      ? `https://dashboard.stripe.com/${modes.stripeLive ? '' : 'test/'}payments/${id}`
      : undefined;
  // PayPal's activity page (/activity/payment/<id>) takes a transaction id, which for us is
  // the capture's; the order keeps PayPal's *order* id, which that page does not know. With no
  // capture id stored, the page shows the order id without a link rather than a broken one.
  return undefined;
}

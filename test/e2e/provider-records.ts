/**
 * What the payment providers recorded, read from the emulators the shop started the way a
 * browser may read them (the shop keeps the secret keys to itself): a PaymentIntent with the
 * publishable key and its client secret, as Stripe.js's retrievePaymentIntent does; a PayPal
 * order with a browser token (client id, no secret), as PayPal's JS SDK does.
 */
import assert from 'node:assert/strict';
import type {ConfigResponse} from '../../widget/contract.js';

export interface StripeIntentRecord {
  id: string;
  amount: number;
  currency: string;
  status: string;
  shipping?: {
    name?: string;
    address?: {country?: string; city?: string; postal_code?: string};
  } | null;
}

export interface PaypalOrderRecord {
  id: string;
  status: string;
  purchase_units: {
    amount: {
      currency_code: string;
      value: string;
      breakdown?: Record<string, {currency_code: string; value: string}>;
    };
    shipping?: {address?: {country_code?: string}};
    payments?: {
      captures?: {
        status: string;
        amount: {currency_code: string; value: string};
      }[];
    };
  }[];
}

/** The shop's public configuration: the emulators' origins and public keys. */
export async function shopConfig(shopUrl: string): Promise<ConfigResponse> {
  const response = await fetch(`${shopUrl}/api/config`);
  assert.equal(response.status, 200);
  return (await response.json()) as ConfigResponse;
}

/** The PaymentIntent of a client secret (`pi_…_secret_…`). */
export async function stripeIntent(
  shopUrl: string,
  clientSecret: string
): Promise<StripeIntentRecord> {
  const intentId = clientSecret.split('_secret_')[0]!;
  const stripe = (await shopConfig(shopUrl)).providers.stripe!;
  const origin = new URL(stripe.jsUrl!).origin;
  const url = new URL(`${origin}/v1/payment_intents/${intentId}`);
  url.searchParams.set('client_secret', clientSecret);
  const response = await fetch(url, {
    headers: {Authorization: `Bearer ${stripe.publishableKey}`},
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as StripeIntentRecord;
}

export async function paypalOrder(
  shopUrl: string,
  paypalOrderId: string
): Promise<PaypalOrderRecord> {
  const paypal = (await shopConfig(shopUrl)).providers.paypal!;
  const origin = new URL(paypal.sdkBaseUrl!).origin;
  const token = await fetch(`${origin}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`${paypal.clientId}:`)}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  assert.equal(token.status, 200);
  const {access_token} = (await token.json()) as {access_token: string};
  const response = await fetch(
    `${origin}/v2/checkout/orders/${paypalOrderId}`,
    {
      headers: {Authorization: `Bearer ${access_token}`},
    }
  );
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as PaypalOrderRecord;
}

/** A PayPal amount ("68.45", "6845" in JPY) in minor units. */
export function paypalMinor(value: string, currency: string): number {
  const digits = ['jpy', 'huf', 'twd'].includes(currency.toLowerCase()) ? 0 : 2;
  const [whole, fraction = ''] = value.split('.');
  return (
    Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0)
  );
}

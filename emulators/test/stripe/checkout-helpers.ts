/**
 * What the Checkout Session suites share: an emulator per test on a clock the tests move (so
 * expiry does not depend on waiting), a loopback webhook receiver, stripe-node pointed at it,
 * line items, and the calls the hosted page's script makes.
 */
import assert from 'node:assert/strict';
import {afterEach, beforeEach} from 'node:test';
import Stripe from 'stripe';
import {
  startStripeEmulator,
  type RunningStripeEmulator,
} from '../../stripe/index.js';
import {startReceiver, type Receiver} from '../receiver.js';
import {stripeClient} from './helpers.js';

// A clock the tests move, so expiry does not depend on waiting.
export const START = Date.UTC(2030, 5, 15, 12, 0, 0);

export const SHOP = 'https://shop.example';

let clock: number;

/** Moves the emulator's clock (an imported binding cannot be assigned to). */
export function setClock(ms: number): void {
  clock = ms;
}

export let receiver: Receiver;

export let emulator: RunningStripeEmulator;

export let stripe: Stripe;

export function client(key: string, config: Stripe.StripeConfig = {}): Stripe {
  return stripeClient(key, emulator.port, config);
}

export const TEE: Stripe.Checkout.SessionCreateParams.LineItem = {
  price_data: {
    currency: 'usd',
    unit_amount: 2400,
    product_data: {
      name: 'Organic cotton tee',
      description: 'Black, size M',
      images: ['https://shop.example/tee.png'],
    },
  },
  quantity: 2,
};

export const TOTE: Stripe.Checkout.SessionCreateParams.LineItem = {
  price_data: {
    currency: 'usd',
    unit_amount: 1250,
    product_data: {name: 'Canvas tote'},
  },
  quantity: 1,
};

export function createSession(
  params: Partial<Stripe.Checkout.SessionCreateParams> = {},
  options: Stripe.RequestOptions = {}
) {
  return stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [TEE, TOTE],
      success_url: `${SHOP}/thanks?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${SHOP}/cart`,
      customer_email: 'buyer@example.com',
      client_reference_id: 'order_42',
      metadata: {order_id: 'order_42'},
      payment_intent_data: {metadata: {order_id: 'order_42'}},
      ...params,
    },
    options
  );
}

/**
 * A session of TEE and TOTE with a WELCOME5 coupon (5.00 USD off) and an exclusive "Sales tax"
 * rate of `percentage` % on both lines; `params` add to it (shipping, locale).
 */
export async function createDiscountedTaxedSession(
  percentage: number,
  params: Partial<Stripe.Checkout.SessionCreateParams> = {}
) {
  const coupon = await stripe.coupons.create({
    amount_off: 500,
    currency: 'usd',
    name: 'WELCOME5',
  });
  const tax = await stripe.taxRates.create({
    display_name: 'Sales tax',
    percentage,
    inclusive: false,
  });
  const session = await createSession({
    line_items: [
      {...TEE, tax_rates: [tax.id]},
      {...TOTE, tax_rates: [tax.id]},
    ],
    discounts: [{coupon: coupon.id}],
    ...params,
  });
  return {coupon, session};
}

export interface PageAnswer {
  status: number;
  body: {
    status?: string;
    payment_status?: string;
    redirect_url?: string | null;
    next_action?: {payment_intent: string; client_secret: string};
    error?: {
      type?: string;
      code?: string;
      decline_code?: string;
      message?: string;
    };
  };
}

/** What the hosted page's script does when the buyer presses Pay. */
export async function payOnPage(
  sessionId: string,
  number: string,
  email = 'buyer@example.com',
  extra: Record<string, string> = {}
): Promise<PageAnswer> {
  const form = (params: Record<string, string>) => ({
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({...params, key: emulator.publishableKey}),
  });
  const created = await fetch(
    `${emulator.url}/v1/payment_methods`,
    form({
      type: 'card',
      'card[number]': number,
      'card[exp_month]': '12',
      'card[exp_year]': '2034',
      'card[cvc]': '123',
      'billing_details[address][postal_code]': '12345',
      'billing_details[email]': email,
    })
  );
  assert.equal(created.status, 200);
  const method = (await created.json()) as {id: string};
  const confirmed = await fetch(
    `${emulator.url}/checkout/pay/${sessionId}/confirm`,
    form({payment_method: method.id, email, ...extra})
  );
  return {status: confirmed.status, body: await confirmed.json()};
}

/**
 * Events delivered to the receiver, verified as the companion server verifies them, in the
 * order the emulator created them: deliveries run concurrently and may arrive in any order,
 * as at Stripe.
 */
export async function delivered(): Promise<Stripe.Event[]> {
  await emulator.flush();
  const events = await Promise.all(
    receiver.deliveries.map((delivery) =>
      stripe.webhooks.constructEventAsync(
        delivery.body,
        String(delivery.headers['stripe-signature']),
        emulator.webhookSecret,
        undefined,
        undefined,
        Math.floor(clock / 1000)
      )
    )
  );
  const created = emulator.events.list().map((event) => event.id);
  return events.sort((a, b) => created.indexOf(a.id) - created.indexOf(b.id));
}

export function types(events: {type: string}[]): string[] {
  return events.map((event) => event.type);
}

/** A fresh emulator and webhook receiver before each test, closed after it. */
export function useCheckoutEmulator(): void {
  beforeEach(async () => {
    clock = START;
    receiver = await startReceiver({path: '/webhooks/stripe'});
    emulator = await startStripeEmulator({
      now: () => clock,
      webhookUrl: receiver.url,
      retryDelaysMs: [5, 5],
    });
    stripe = client(emulator.secretKey);
  });
  afterEach(async () => {
    await emulator.close();
    await receiver.close();
  });
}

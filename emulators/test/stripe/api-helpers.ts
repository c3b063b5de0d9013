/**
 * What the Stripe API emulator's suites share: one emulator on a fixed clock for the file,
 * stripe-node pointed at it, and raw requests as Stripe.js (or curl) sends them.
 */
import {after, before} from 'node:test';
import Stripe from 'stripe';
import {
  startStripeEmulator,
  type RunningStripeEmulator,
} from '../../stripe/index.js';
import {stripeClient} from './helpers.js';

// A fixed clock, so expiry checks and `created` fields do not depend on the day tests run.
export const NOW = Date.UTC(2030, 5, 15, 12, 0, 0);

export const RETURN_URL = 'https://shop.example/checkout/return';

export let emulator: RunningStripeEmulator;

export let stripe: Stripe;

export function client(key: string, config: Stripe.StripeConfig = {}): Stripe {
  return stripeClient(key, emulator.port, config);
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: {
    error?: {type: string; code?: string; message: string; param?: string};
  } & Record<string, unknown>;
}

/** A request as Stripe.js (or curl) sends it: form-encoded, key in a header or a parameter. */
export async function raw(
  path: string,
  init: {
    method?: string;
    auth?: string | null;
    form?: Record<string, string>;
    headers?: Record<string, string>;
  } = {}
): Promise<RawAnswer> {
  const headers: Record<string, string> = {...init.headers};
  const auth =
    init.auth === undefined ? `Bearer ${emulator.secretKey}` : init.auth;
  if (auth) headers.Authorization = auth;
  let body: string | undefined;
  if (init.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(`${emulator.url}${path}`, {
    method: init.method ?? 'POST',
    headers,
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
  };
}

export async function succeededIntent(amount = 5000) {
  return stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
    return_url: RETURN_URL,
  });
}

/** Starts the emulator (and its `stripe` client) before the file's tests and closes it after. */
export function useEmulator(): void {
  before(async () => {
    emulator = await startStripeEmulator({now: () => NOW});
    stripe = client(emulator.secretKey);
  });
  after(() => emulator.close());
}

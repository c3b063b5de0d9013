/**
 * What the benchmark sends: orders created through the real route, the signed webhook events
 * that pay them, and a fresh PostgreSQL database to hold them.
 */
import pg from 'pg';
import Stripe from 'stripe';
import {BENCH_KEYS} from './emulator.js';

export const CART = {
  items: [
    {sku: 'tee-black-m', quantity: 2},
    {sku: 'mug-enamel', quantity: 1},
  ],
  currency: 'usd',
};

/** What a create sends: the cart with the address it ships to, and an email (a paid order owes one). */
export const CREATE = {
  ...CART,
  email: 'buyer@example.com',
  shippingAddress: {
    country: 'US',
    region: 'CA',
    postalCode: '94103',
    city: 'San Francisco',
    line1: '1 Market St',
    name: 'Bench Buyer',
  },
};

export async function freshPostgres(url: string): Promise<string> {
  const name = 'pay_checkout_bench';
  const admin = new pg.Client({connectionString: url});
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.href;
}

/** Creates `count` orders through the route; returns what a webhook for each needs. */
export async function createOrders(base: string, count: number) {
  const orders: {
    orderId: string;
    intentId: string;
    amount: number;
    currency: string;
  }[] = [];
  const body = JSON.stringify(CREATE);
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.all(
      Array.from({length: Math.min(50, count - i)}, async () => {
        const response = await fetch(`${base}/api/stripe/payment-intents`, {
          method: 'POST',
          headers: {'content-type': 'application/json'},
          body,
        });
        if (response.status !== 201)
          throw new Error(
            `create answered ${response.status}: ${await response.text()}`
          );
        const answer = (await response.json()) as {
          orderId: string;
          clientSecret: string;
          amount: number;
          currency: string;
        };
        return {
          orderId: answer.orderId,
          intentId: answer.clientSecret.split('_secret_')[0]!,
          amount: answer.amount,
          currency: answer.currency,
        };
      })
    );
    orders.push(...batch);
  }
  return orders;
}

const stripe = new Stripe(BENCH_KEYS.secretKey);
let eventNumber = 0;
export function signedEvents(orders: Awaited<ReturnType<typeof createOrders>>) {
  const created = Math.floor(Date.now() / 1000);
  return orders.map(({orderId, intentId, amount, currency}) => {
    const payload = JSON.stringify({
      id: `evt_bench_${process.pid}_${++eventNumber}`,
      object: 'event',
      api_version: '2026-09-30.clover',
      created,
      livemode: false,
      type: 'payment_intent.succeeded',
      data: {
        object: {
          id: intentId,
          object: 'payment_intent',
          amount,
          amount_received: amount,
          currency,
          status: 'succeeded',
          metadata: {order_id: orderId},
        },
      },
    });
    return {
      body: payload,
      headers: {
        'stripe-signature': stripe.webhooks.generateTestHeaderString({
          payload,
          secret: BENCH_KEYS.webhookSecret,
        }),
      },
    };
  });
}

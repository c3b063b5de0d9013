/**
 * The gateway interface, called directly where no route calls it yet: Stripe's refund() goes
 * through Stripe's API (the emulator), and its webhook brings the refund to the order.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {silentLogger} from '../../server/log.js';
import {createStripeGateway} from '../../server/providers/stripe/gateway.js';
import {createStripeProvider} from '../../server/providers/stripe/client.js';
import {type Harness, startHarness} from './harness.js';
import {intentIdOf, postJson} from './helpers.js';

describe('the Stripe gateway', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const gateway = () =>
    createStripeGateway(
      createStripeProvider({
        secretKey: h.emulator.secretKey,
        publishableKey: h.emulator.publishableKey,
        webhookSecret: h.emulator.webhookSecret,
        apiBase: h.emulator.url,
        maxNetworkRetries: 0,
      }),
      {logger: silentLogger, now: () => new Date()}
    );

  async function paidOrder() {
    const res = await postJson(h.server.app, '/api/stripe/payment-intents', {
      items: [{sku: 'tee-black-m', quantity: 2}],
    });
    const {orderId, clientSecret} = await res.json();
    await h.stripe.paymentIntents.confirm(intentIdOf(clientSecret), {
      payment_method: 'pm_card_visa',
      return_url: 'https://shop.example/return',
    });
    await h.emulator.flush();
    const order = (await h.server.store.get(orderId))!;
    assert.equal(order.status, 'paid');
    return order;
  }

  it('refunds part of an order, then the rest, once per key', async () => {
    const order = await paidOrder();
    const stripe = gateway();
    await stripe.refund(order, 1000, `refund:${order.id}:1`);
    // The same key again is the same refund, not a second one.
    await stripe.refund(order, 1000, `refund:${order.id}:1`);
    await h.emulator.flush();
    let stored = (await h.server.store.get(order.id))!;
    assert.deepEqual(
      [stored.status, stored.amountRefunded],
      ['partially_refunded', 1000]
    );

    await stripe.refund(order, order.total - 1000, `refund:${order.id}:2`);
    await h.emulator.flush();
    stored = (await h.server.store.get(order.id))!;
    assert.deepEqual(
      [stored.status, stored.amountRefunded],
      ['refunded', order.total]
    );
  });

  it('reads a paid order back as paid, and refuses to refund an order with no payment', async () => {
    const order = await paidOrder();
    const stripe = gateway();
    assert.deepEqual(await stripe.readPayment(order), {
      type: 'succeeded',
      paymentId: order.providerPaymentId,
      amount: order.total,
      currency: order.currency,
    });
    await assert.rejects(
      stripe.refund({...order, providerPaymentId: undefined}, 100, 'k'),
      {code: 'order_not_refundable'}
    );
  });
});

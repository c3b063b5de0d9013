/**
 * The order page's refund form, against the Stripe emulator: a partial refund sent twice with
 * the form's one key (a double click) is one refund at Stripe; "Full refund" refunds what is
 * left and the order becomes refunded; each attempt is in the audit log.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {AdminClient, ORIGIN, TOKEN} from './admin-helpers.js';
import {type Harness, startHarness} from './harness.js';
import {intentIdOf, postJson} from './helpers.js';

describe('the admin refund form with Stripe', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({admin: {token: TOKEN}, publicUrl: ORIGIN});
  });
  after(() => h.close());

  it('a double click is one refund; "Full refund" refunds the rest', async () => {
    const created = await (
      await postJson(h.server.app, '/api/stripe/payment-intents', {
        items: [{sku: 'tee-black-m', quantity: 2}],
        email: 'buyer@example.com',
      })
    ).json();
    await h.stripe.paymentIntents.confirm(intentIdOf(created.clientSecret), {
      payment_method: 'pm_card_visa',
      return_url: 'https://shop.example/return',
    });
    await h.emulator.flush();
    const orderId: string = created.orderId;
    const refundsAtStripe = () =>
      h.emulator.events.list('refund.created').length;
    const before = refundsAtStripe();

    const client = new AdminClient(h.server.app);
    await client.signIn();
    const {text} = await client.page(`/admin/orders/${orderId}`);
    assert.match(text, /Full refund \(50\.00 USD\)/);
    const key = /name="key"\s+value="([^"]+)"/.exec(text)![1]!;

    const first = await client.action(`/admin/orders/${orderId}/refunds`, {
      key,
      amount: '10.00',
    });
    const second = await client.action(`/admin/orders/${orderId}/refunds`, {
      key,
      amount: '10.00',
    });
    assert.equal(first.status, 303);
    assert.match(
      first.headers.get('location') ?? '',
      /notice=refund-(done|asked)/
    );
    assert.match(
      second.headers.get('location') ?? '',
      /notice=refund-repeated/
    );
    await h.emulator.flush();
    assert.equal(refundsAtStripe() - before, 1, 'one refund at Stripe');
    const partly = await client.page(`/admin/orders/${orderId}`);
    assert.match(partly.text, /Full refund \(40\.00 USD\)/);

    const fresh = /name="key"\s+value="([^"]+)"/.exec(partly.text)![1]!;
    assert.notEqual(fresh, key, 'each page gets a new key');
    const full = await client.action(`/admin/orders/${orderId}/refunds`, {
      key: fresh,
      full: '1',
    });
    assert.equal(full.status, 303);
    await h.emulator.flush();
    await h.server.outbox.idle();
    assert.equal(refundsAtStripe() - before, 2);
    const order = await h.server.store.get(orderId);
    assert.equal(order?.status, 'refunded');
    assert.equal(order?.amountRefunded, 5000);
    const done = await client.page(`/admin/orders/${orderId}`);
    assert.match(done.text, /Nothing can be refunded/);

    const refunds = (await h.server.store.admin.auditLog({orderId, limit: 10}))
      .filter((entry) => entry.action === 'refund')
      .map((entry) => entry.detail)
      .sort();
    assert.equal(refunds.length, 3);
    assert.ok(
      refunds.some((detail) => /^amount 1000: repeat, /.test(detail ?? ''))
    );
    assert.ok(refunds.some((detail) => /^full: /.test(detail ?? '')));
  });
});

/**
 * POST /api/square/payments against the Square emulator through the official SDK: the charge
 * is the catalog's price for the order, never the browser's; declines are the contract's
 * errors in our words; the refused order stays failed and a retry is a new order.
 */
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {demoCatalog} from './helpers.js';
import {
  allOrders,
  cart,
  pay,
  paidOrder,
  type SquareHarness,
  startSquareHarness,
} from './square-harness.js';

describe('POST /api/square/payments', () => {
  let h: SquareHarness;
  before(async () => {
    h = await startSquareHarness();
  });
  after(() => h.close());
  beforeEach(() => h.emulator.faults.reset());

  it('charges the card for the repriced total and answers the paid order', async () => {
    const {status, json} = await pay(h, {
      ...cart,
      sourceId: h.emulator.cardNonce(),
    });
    assert.equal(status, 201, JSON.stringify(json));
    assert.deepEqual(Object.keys(json).sort(), [
      'orderId',
      'orderToken',
      'status',
    ]);
    assert.equal(json.status, 'paid');
    const order = (await h.server.store.get(json.orderId as string))!;
    assert.equal(order.status, 'paid');
    const payment = h.emulator.payment(order.providerPaymentId!)!;
    assert.equal(payment.status, 'COMPLETED');
    assert.deepEqual(payment.amount_money, {amount: 5000, currency: 'USD'});
    assert.equal(payment.reference_id, order.id);
    assert.equal(payment.location_id, h.emulator.locations.USD);
    assert.equal(payment.buyer_email_address, 'buyer@example.com');
    await h.emulator.flush();
    assert.deepEqual(
      (await h.server.settled()).filter((o) => o.id === order.id).length,
      1
    );
  });

  it('never charges what the browser says: prices, amounts and totals it sends are ignored', async () => {
    const {status, json} = await pay(h, {
      items: [{sku: 'tee-black-m', quantity: 2, unitAmount: 1, price: 1}],
      amount: 1,
      total: 1,
      amountMoney: {amount: 1, currency: 'USD'},
      sourceId: h.emulator.cardNonce(),
    });
    assert.equal(status, 201, JSON.stringify(json));
    const order = (await h.server.store.get(json.orderId as string))!;
    assert.equal(
      h.emulator.payment(order.providerPaymentId!)!.amount_money.amount,
      5000
    );
  });

  it('sends the shipping address and the location for the order’s currency', async () => {
    const shop = await startSquareHarness({
      catalog: demoCatalog({withRules: true}),
    });
    try {
      const {status, json} = await pay(shop, {
        items: [{sku: 'tee-black-m', quantity: 1}],
        currency: 'EUR',
        email: 'kaeufer@example.com',
        shippingAddress: {
          name: 'Erika Mustermann',
          line1: 'Unter den Linden 1',
          city: 'Berlin',
          postalCode: '10117',
          country: 'DE',
        },
        sourceId: shop.emulator.cardNonce({currency: 'EUR'}),
      });
      assert.equal(status, 201, JSON.stringify(json));
      const order = (await shop.server.store.get(json.orderId as string))!;
      const payment = shop.emulator.payment(order.providerPaymentId!)!;
      assert.equal(payment.location_id, shop.emulator.locations.EUR);
      assert.deepEqual(payment.amount_money, {
        amount: order.total,
        currency: 'EUR',
      });
      assert.deepEqual(payment.shipping_address, {
        address_line_1: 'Unter den Linden 1',
        locality: 'Berlin',
        postal_code: '10117',
        country: 'DE',
        first_name: 'Erika',
        last_name: 'Mustermann',
      });
    } finally {
      await shop.close();
    }
  });

  it('a declined card: 402 card_declined in our words, the order failed, a retry is a new order', async () => {
    const declined = await pay(h, {
      ...cart,
      sourceId: h.emulator.cardNonce({number: '4000000000000002'}),
    });
    assert.equal(declined.status, 402);
    assert.deepEqual(declined.json, {
      error: {code: 'card_declined', message: 'The card was declined.'},
    });
    assert.doesNotMatch(declined.text, /GENERIC_DECLINE|Authorization error/);
    const failed = (await allOrders(h)).find((o) => o.status === 'failed');
    assert.ok(failed, 'the refused order is failed');
    // Square made a FAILED payment: the order keeps its id.
    assert.equal(
      h.emulator.payment(failed.providerPaymentId!)?.status,
      'FAILED'
    );

    const retry = await paidOrder(h);
    assert.notEqual(retry.orderId, failed.id);
    assert.equal((await h.server.store.get(failed.id))?.status, 'failed');
  });

  for (const [nonce, words] of [
    ['cnon:card-nonce-rejected-cvv', /security code/],
    ['cnon:card-nonce-rejected-postalcode', /postal code/],
    ['cnon:card-nonce-rejected-expiration', /expiry date/],
    ['cnon:card-nonce-declined', /^The card was declined\.$/],
  ] as const) {
    it(`${nonce}: card_declined that says which field`, async () => {
      const {status, json, text} = await pay(h, {...cart, sourceId: nonce});
      assert.equal(status, 402, text);
      assert.equal(json.error?.code, 'card_declined');
      assert.match(json.error!.message, words);
      assert.doesNotMatch(
        text,
        /CVV_FAILURE|ADDRESS_VERIFICATION|INVALID_EXPIRATION|detail/
      );
    });
  }

  it('a token used twice is refused the second time (card_declined: enter the card again)', async () => {
    const sourceId = h.emulator.cardNonce();
    assert.equal((await pay(h, {...cart, sourceId})).status, 201);
    const again = await pay(h, {...cart, sourceId});
    assert.equal(again.status, 402, again.text);
    assert.match(again.json.error!.message, /enter the card again/);
  });

  it('409 price_changed when the total is not the one the buyer saw, before Square is asked', async () => {
    const before = h.emulator.events.list('payment.created').length;
    const {status, json} = await pay(h, {
      ...cart,
      expectedTotal: 4999,
      sourceId: h.emulator.cardNonce(),
    });
    assert.equal(status, 409);
    assert.equal(json.error?.code, 'price_changed');
    assert.equal(h.emulator.events.list('payment.created').length, before);
  });

  it('refuses bad input with 400 and an unknown sku with unknown_sku', async () => {
    for (const body of [
      cart, // no sourceId
      {...cart, sourceId: ''},
      {...cart, sourceId: 'cnon: spaces'},
      {...cart, sourceId: 42},
      {...cart, sourceId: 'x'.repeat(1025)},
      {...cart, sourceId: 'cnon:card-nonce-ok', verificationToken: {}},
      {items: [], sourceId: 'cnon:card-nonce-ok'},
    ]) {
      const {status, json} = await pay(h, body as Record<string, unknown>);
      assert.equal(status, 400, JSON.stringify(body));
      assert.equal(json.error?.code, 'invalid_request');
    }
    const unknown = await pay(h, {
      items: [{sku: 'no-such-thing', quantity: 1}],
      sourceId: 'cnon:card-nonce-ok',
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.error?.code, 'unknown_sku');
  });

  it('a currency with no location is not offered: 400 currency_not_supported, no order', async () => {
    const usdOnly = await startSquareHarness({
      squareSettings: {locations: {USD: 'L_USD_ONLY'}},
    });
    try {
      const {status, json} = await pay(usdOnly, {
        ...cart,
        currency: 'eur',
        sourceId: 'cnon:card-nonce-ok',
      });
      assert.equal(status, 400);
      assert.equal(json.error?.code, 'currency_not_supported');
      assert.equal((await allOrders(usdOnly)).length, 0);
      const config = await (
        await usdOnly.server.app.request('/api/config')
      ).json();
      assert.deepEqual(config.providers.square.locations, {USD: 'L_USD_ONLY'});
    } finally {
      await usdOnly.close();
    }
  });

  it('a card that needs verification: declined without the token, paid with verifyBuyer’s', async () => {
    const sourceId = 'cnon:card-nonce-requires-verification';
    const without = await pay(h, {...cart, sourceId});
    assert.equal(without.status, 402, without.text);
    assert.match(without.json.error!.message, /verify/);

    const nonce = h.emulator.cardNonce({number: '4310000000201019'});
    const verification = h.emulator.verifyBuyer(nonce, {
      amount: '50.00',
      currency: 'USD',
    });
    if (verification.challenge)
      h.emulator.completeVerification(verification.token, 'pass');
    const paid = await pay(h, {
      ...cart,
      sourceId: nonce,
      verificationToken: verification.token,
    });
    assert.equal(paid.status, 201, paid.text);
    assert.equal(paid.json.status, 'paid');
    const order = (await h.server.store.get(paid.json.orderId as string))!;
    assert.equal(
      h.emulator.payment(order.providerPaymentId!)?.status,
      'COMPLETED'
    );
  });

  it('a card nonce Square does not know: 502 in our words, the order failed (no payment exists)', async () => {
    const {status, json, text} = await pay(h, {
      ...cart,
      sourceId: 'cnon:not-a-nonce-of-this-emulator',
    });
    assert.equal(status, 502, text);
    assert.equal(json.error?.code, 'provider_error');
    assert.doesNotMatch(text, /NOT_FOUND|sandbox/);
    const last = (await allOrders(h)).at(-1)!;
    assert.equal(last.status, 'failed');
  });

  it('Square not answering: 503 provider_unavailable, the order left pending for its webhook', async () => {
    h.emulator.faults.failNextRequests(1);
    const {status, json, text} = await pay(h, {
      ...cart,
      sourceId: h.emulator.cardNonce(),
    });
    assert.equal(status, 503, text);
    assert.equal(json.error?.code, 'provider_unavailable');
    assert.doesNotMatch(text, /INTERNAL_SERVER_ERROR|stack/);
    const last = (await allOrders(h)).at(-1)!;
    assert.equal(last.status, 'pending');
  });

  it('GET /api/config says what the element needs, and no secret', async () => {
    const config = await (await h.server.app.request('/api/config')).json();
    assert.deepEqual(config.providers.square, {
      applicationId: h.emulator.applicationId,
      locations: {...h.emulator.locations},
      environment: 'sandbox',
      sdkUrl: `${h.emulator.url}/v1/square.js`,
    });
    const text = JSON.stringify(config);
    assert.ok(!text.includes(h.emulator.accessToken));
    assert.ok(!text.includes(h.emulator.signatureKey));
  });
});

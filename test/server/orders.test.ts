import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {hashToken} from '../../server/orders/token.js';
import {makeServer, type TestServer} from './helpers.js';

describe('GET /api/orders/:id', () => {
  let server: TestServer;
  const token = 'the-order-token-returned-at-creation';
  before(async () => {
    server = await makeServer();
    await server.store.create(
      {
        id: 'ord_T',
        provider: 'stripe',
        currency: 'usd',
        subtotal: 1450,
        total: 1450,
        discount: 0,
        shipping: 0,
        tax: 0,
        taxInclusive: false,
        lines: [
          {
            sku: 'mug-enamel',
            name: 'Enamel camp mug',
            unitAmount: 1450,
            quantity: 1,
            amount: 1450,
            discount: 0,
            tax: 0,
            shippable: true,
          },
        ],
        email: 'buyer@example.com',
      },
      hashToken(token)
    );
  });
  after(() => server.close());

  const read = (id: string, authorization?: string) =>
    server.app.request(`/api/orders/${id}`, {
      headers: authorization ? {authorization} : {},
    });

  it('shows the order to the holder of its token, and nothing private', async () => {
    const res = await read('ord_T', `Bearer ${token}`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      id: 'ord_T',
      status: 'pending',
      currency: 'usd',
      subtotal: 1450,
      discount: 0,
      shipping: 0,
      tax: 0,
      taxInclusive: false,
      total: 1450,
      lines: [
        {
          sku: 'mug-enamel',
          name: 'Enamel camp mug',
          unitAmount: 1450,
          quantity: 1,
          amount: 1450,
          discount: 0,
          tax: 0,
          shippable: true,
        },
      ],
      provider: 'stripe',
    });
  });

  it('shows a priced order’s sums, code, rate and shipping address, but not its billing address or email', async () => {
    const pricedToken = 'the-priced-order-token';
    const lines = [
      {
        sku: 'tee-black-m',
        name: 'Black tee, size M',
        unitAmount: 2500,
        quantity: 2,
        amount: 5000,
        discount: 500,
        tax: 718,
        shippable: true,
      },
    ];
    const shippingAddress = {
      name: 'Kim Berg',
      line1: 'Hauptstraße 5',
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
    };
    await server.store.create(
      {
        id: 'ord_P',
        provider: 'paypal',
        currency: 'eur',
        lines,
        subtotal: 5000,
        discount: 500,
        shipping: 1490,
        tax: 956,
        taxInclusive: true,
        total: 5990,
        discountCode: 'WELCOME10',
        shippingRate: {id: 'express', name: 'Express', amount: 1490},
        shippingAddress,
        billingAddress: {
          country: 'DE',
          name: 'Billing GmbH',
          line1: 'Geheim 1',
        },
        email: 'buyer@example.com',
        locale: 'de',
      },
      hashToken(pricedToken)
    );
    const res = await read('ord_P', `Bearer ${pricedToken}`);
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.deepEqual(JSON.parse(body), {
      id: 'ord_P',
      status: 'pending',
      currency: 'eur',
      lines,
      subtotal: 5000,
      discount: 500,
      shipping: 1490,
      tax: 956,
      taxInclusive: true,
      total: 5990,
      discountCode: 'WELCOME10',
      shippingRate: {id: 'express', name: 'Express', amount: 1490},
      shippingAddress,
      provider: 'paypal',
    });
    assert.doesNotMatch(body, /Billing GmbH|Geheim|buyer@example\.com/);
  });

  it('answers 401 without a token', async () => {
    const res = await read('ord_T');
    assert.equal(res.status, 401);
    assert.equal((await res.json()).error.code, 'unauthorized');
  });

  it('answers the same 404 for a wrong token and for an unknown order', async () => {
    const wrong = await read('ord_T', 'Bearer not-the-token');
    const unknown = await read('ord_nope', `Bearer ${token}`);
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await wrong.json(), await unknown.json());
  });

  it('stores the token only as a hash', async () => {
    assert.equal(await server.store.tokenHash('ord_T'), hashToken(token));
    assert.notEqual(await server.store.tokenHash('ord_T'), token);
  });
});

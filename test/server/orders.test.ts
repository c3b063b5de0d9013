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

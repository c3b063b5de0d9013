/**
 * POST /api/paypal/orders/:paypalOrderId/shipping: PayPal's window changed the address or the
 * shipping option, so the pending order is repriced (same items, same code), PayPal's order is
 * PATCHed to match, and the new pricing is stored and answered.
 */
import assert from 'node:assert/strict';
import {after, beforeEach, describe, it} from 'node:test';
import {parseCatalog} from '../../server/catalog/index.js';
import {demoCatalog, postJson} from './helpers.js';
import {makePaypalServer, type PaypalTestServer} from './paypal-fixtures.js';
import {cart, createOrder} from './paypal-order-helpers.js';

async function reprice(
  server: PaypalTestServer,
  paypalOrderId: string,
  token: string | undefined,
  body: unknown
) {
  const res = await postJson(
    server.app,
    `/api/paypal/orders/${paypalOrderId}/shipping`,
    body,
    token ? {authorization: `Bearer ${token}`} : {}
  );
  return {res, json: await res.json()};
}

// PayPal tells the page only these four.
const berlin = {country: 'DE', city: 'Berlin', postalCode: '10117'};

describe('POST /api/paypal/orders/:paypalOrderId/shipping', () => {
  let server: PaypalTestServer;
  let created: {orderId: string; orderToken: string; paypalOrderId: string};
  beforeEach(async () => {
    server = await makePaypalServer({catalog: demoCatalog({withRules: true})});
    const {res, json} = await createOrder(server, {
      ...cart,
      items: [{sku: 'tee-black-m', quantity: 1}],
    });
    assert.equal(res.status, 201, JSON.stringify(json));
    created = json;
  });
  after(() => server.close());

  it('reprices for the new address and rate, PATCHes PayPal, and stores the pricing', async () => {
    const {res, json} = await reprice(
      server,
      created.paypalOrderId,
      created.orderToken,
      {shippingAddress: berlin, shippingRate: 'express'}
    );
    assert.equal(res.status, 200, JSON.stringify(json));
    // 25.00 USD tee, EU express 16.50 USD; German VAT is included, not added.
    assert.equal(json.quote.shippingRate, 'express');
    assert.equal(json.quote.shipping, 1650);
    assert.equal(json.quote.taxInclusive, true);
    assert.equal(json.quote.total, 2500 + 1650);

    const [patch] = server.fake.calls.filter((c) => c.method === 'PATCH');
    assert.equal(patch.path, `/v2/checkout/orders/${created.paypalOrderId}`);
    const operations = patch.body as {op: string; path: string; value: never}[];
    assert.deepEqual(
      operations.map(({op, path}) => `${op} ${path}`),
      [
        "replace /purchase_units/@reference_id=='default'/amount",
        "replace /purchase_units/@reference_id=='default'/shipping/options",
      ]
    );
    const unit = server.fake.orders.get(created.paypalOrderId)!.requestBody
      .purchase_units[0];
    assert.equal(unit.amount.value, '41.50');
    assert.equal(unit.amount.breakdown?.shipping?.value, '16.50');
    assert.equal(unit.amount.breakdown?.tax_total, undefined);
    assert.deepEqual(
      unit.shipping?.options?.map((o) => [o.id, o.selected]),
      [
        ['standard', false],
        ['express', true],
      ]
    );

    const order = (await server.store.get(created.orderId))!;
    assert.equal(order.total, 4150);
    assert.equal(order.shipping, 1650);
    assert.deepEqual(order.shippingRate, {
      id: 'express',
      name: 'Express',
      amount: 1650,
    });
    // The recipient stays; the street does not, as the place changed.
    assert.deepEqual(order.shippingAddress, {name: 'Ada Buyer', ...berlin});
  });

  it('captures the repriced total, and only that', async () => {
    await reprice(server, created.paypalOrderId, created.orderToken, {
      shippingAddress: berlin,
    });
    server.fake.approve(created.paypalOrderId);
    const res = await postJson(
      server.app,
      `/api/paypal/orders/${created.paypalOrderId}/capture`,
      {},
      {authorization: `Bearer ${created.orderToken}`}
    );
    assert.deepEqual(await res.json(), {
      orderId: created.orderId,
      status: 'paid',
    });
    // 25.00 + standard 5.50 to the EU.
    const paid = (await server.store.get(created.orderId))!;
    assert.equal(paid.total, 3050);
    // PayPal still reports Portland: not the place we priced, so ours stays.
    assert.deepEqual(paid.shippingAddress, {name: 'Ada Buyer', ...berlin});
  });

  it('keeps the street and recipient PayPal reports at capture for the place it priced', async () => {
    await reprice(server, created.paypalOrderId, created.orderToken, {
      shippingAddress: berlin,
    });
    server.fake.shipTo(created.paypalOrderId, {
      name: {full_name: 'Erika Mustermann'},
      address: {
        address_line_1: 'Unter den Linden 1',
        admin_area_2: 'Berlin',
        postal_code: '10117',
        country_code: 'DE',
      },
    });
    server.fake.approve(created.paypalOrderId);
    await postJson(
      server.app,
      `/api/paypal/orders/${created.paypalOrderId}/capture`,
      {},
      {authorization: `Bearer ${created.orderToken}`}
    );
    const paid = (await server.store.get(created.orderId))!;
    assert.equal(paid.status, 'paid');
    assert.deepEqual(paid.shippingAddress, {
      ...berlin,
      line1: 'Unter den Linden 1',
      name: 'Erika Mustermann',
    });
  });

  it('answers 400 shipping_not_available for an address the shop does not ship to, and changes nothing', async () => {
    const shop = await makePaypalServer({
      catalog: parseCatalog({
        defaultCurrency: 'usd',
        products: [
          {sku: 'tee', name: 'Tee', maxQuantity: 5, prices: {usd: 2500}},
        ],
        shipping: {
          zones: [
            {
              id: 'us',
              name: 'United States',
              countries: ['US'],
              rates: [
                {id: 'standard', name: 'Standard', prices: {usd: {flat: 500}}},
              ],
            },
          ],
        },
      }),
    });
    const {json: order} = await createOrder(shop, {
      ...cart,
      items: [{sku: 'tee', quantity: 1}],
    });
    const {res, json} = await reprice(
      shop,
      order.paypalOrderId,
      order.orderToken,
      {shippingAddress: berlin}
    );
    assert.equal(res.status, 400);
    assert.equal(json.error.code, 'shipping_not_available');
    assert.equal(shop.fake.count('PATCH', '/v2/checkout/orders/*'), 0);
    assert.equal((await shop.store.get(order.orderId))!.total, 3000);
    await shop.close();
  });

  it('needs the order’s token: 401 without one, 404 for a wrong one or another order', async () => {
    const body = {shippingAddress: berlin};
    assert.equal(
      (await reprice(server, created.paypalOrderId, undefined, body)).res
        .status,
      401
    );
    assert.equal(
      (await reprice(server, created.paypalOrderId, 'x'.repeat(43), body)).res
        .status,
      404
    );
    assert.equal(
      (await reprice(server, 'UNKNOWN123', created.orderToken, body)).res
        .status,
      404
    );
    assert.equal(server.fake.count('PATCH', '/v2/checkout/orders/*'), 0);
  });

  it('refuses a body without a country as invalid_request', async () => {
    const {res, json} = await reprice(
      server,
      created.paypalOrderId,
      created.orderToken,
      {shippingAddress: {city: 'Berlin'}}
    );
    assert.equal(res.status, 400);
    assert.equal(json.error.code, 'invalid_request');
  });

  it('answers 409 order_not_pending once the order is paid', async () => {
    server.fake.approve(created.paypalOrderId);
    await postJson(
      server.app,
      `/api/paypal/orders/${created.paypalOrderId}/capture`,
      {},
      {authorization: `Bearer ${created.orderToken}`}
    );
    const {res, json} = await reprice(
      server,
      created.paypalOrderId,
      created.orderToken,
      {shippingAddress: berlin}
    );
    assert.equal(res.status, 409);
    assert.equal(json.error.code, 'order_not_pending');
    assert.equal(server.fake.count('PATCH', '/v2/checkout/orders/*'), 0);
  });

  it('keeps the order as it was when PayPal refuses the PATCH', async () => {
    server.fake.fault(
      'PATCH',
      '/v2/checkout/orders/',
      Response.json({name: 'UNPROCESSABLE_ENTITY'}, {status: 422})
    );
    const {res, json} = await reprice(
      server,
      created.paypalOrderId,
      created.orderToken,
      {shippingAddress: berlin}
    );
    assert.equal(res.status, 502);
    assert.equal(json.error.code, 'provider_error');
    assert.equal((await server.store.get(created.orderId))!.total, 2500 + 599);
  });
});

/**
 * openOrder, which every create endpoint calls: the same pricing as POST /api/quote, the
 * address a shipped cart needs, 409 price_changed for a code that does not apply or a total
 * the buyer did not see, a code's use claimed with the order, and everything stored.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {quoteRequestSchema} from '../../server/contract.js';
import {ApiError} from '../../server/errors.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import type {OrderStore} from '../../server/orders/store.js';
import {openOrder} from '../../server/payments/open-order.js';
import type {OrderRequest} from '../../server/providers/gateway.js';
import {type TestDatabase, testDatabase} from './helpers.js';
import {NOW, price, shop} from './pricing-catalog.js';

const HOME = {
  name: 'Erika Mustermann',
  line1: 'Heidestraße 17',
  city: 'Köln',
  postalCode: '51147',
  country: 'DE',
};

describe('openOrder: pricing a create', () => {
  let database: TestDatabase;
  let store: OrderStore;
  before(async () => {
    database = await testDatabase();
    store = await createSqlStore({databaseUrl: database.url});
  });
  after(async () => {
    await store.close();
    await database.drop();
  });

  const open = (request: OrderRequest, on: OrderStore = store) =>
    openOrder({catalog: shop, store: on, now: () => NOW}, 'stripe', request);

  async function refusal(request: OrderRequest, on?: OrderStore) {
    try {
      await open(request, on);
    } catch (error) {
      assert.ok(error instanceof ApiError, String(error));
      return error;
    }
    assert.fail('the order was opened');
  }

  it('stores the quote’s pricing, the code, the rate and both addresses', async () => {
    const request: OrderRequest = {
      items: [
        {sku: 'tee', quantity: 2},
        {sku: 'ebook', quantity: 1},
      ],
      currency: 'eur',
      shippingAddress: HOME,
      shippingRate: 'express',
      discountCode: 'WELCOME10',
      billingAddress: {country: 'AT', name: 'Erika M.'},
      email: 'erika@example.com',
    };
    const quote = price(request);
    const {order} = await open({...request, expectedTotal: quote.total});
    assert.deepEqual(
      {
        lines: order.lines,
        subtotal: order.subtotal,
        discount: order.discount,
        shipping: order.shipping,
        tax: order.tax,
        taxInclusive: order.taxInclusive,
        total: order.total,
      },
      {
        lines: quote.lines,
        subtotal: quote.subtotal,
        discount: quote.discount,
        shipping: quote.shipping,
        tax: quote.tax,
        taxInclusive: quote.taxInclusive,
        total: quote.total,
      }
    );
    assert.ok(order.discount > 0 && order.tax > 0 && order.shipping > 0);
    assert.equal(order.discountCode, 'WELCOME10');
    assert.deepEqual(order.shippingRate, {
      id: 'express',
      name: 'Express',
      amount: 1490 + 2 * 200,
    });
    assert.deepEqual(order.shippingAddress, HOME);
    assert.deepEqual(order.billingAddress, {country: 'AT', name: 'Erika M.'});
    assert.deepEqual(
      await store.discountUses('WELCOME10', 'erika@example.com'),
      {
        uses: 1,
        byEmail: true,
      }
    );
  });

  it('opens a digital-only order without an address', async () => {
    const {order} = await open({items: [{sku: 'ebook', quantity: 1}]});
    assert.equal(order.shippingAddress, undefined);
    assert.equal(order.shippingRate, undefined);
    assert.equal(order.total, 900);
  });

  const missing: [string, OrderRequest['shippingAddress'], string][] = [
    ['no address', undefined, 'shippingAddress'],
    ['no name', {...HOME, name: undefined}, 'shippingAddress.name'],
    ['no first line', {...HOME, line1: undefined}, 'shippingAddress.line1'],
    ['no city', {...HOME, city: undefined}, 'shippingAddress.city'],
    [
      'no postal code',
      {...HOME, postalCode: undefined},
      'shippingAddress.postalCode',
    ],
  ];
  for (const [what, address, field] of missing) {
    it(`refuses a shipped cart with ${what}: 400 invalid_request naming ${field}`, async () => {
      const error = await refusal({
        items: [{sku: 'tee', quantity: 1}],
        currency: 'eur',
        shippingAddress: address,
      });
      assert.equal(error.status, 400);
      assert.equal(error.code, 'invalid_request');
      assert.ok(error.message.startsWith(`${field}:`), error.message);
    });
  }

  it('needs no postal code where the country has none (Hong Kong)', async () => {
    const {order} = await open({
      items: [{sku: 'tee', quantity: 1}],
      shippingAddress: {
        name: 'Chan Tai Man',
        line1: '1 Queen’s Road Central',
        city: 'Hong Kong',
        country: 'HK',
      },
    });
    assert.equal(order.shippingRate?.id, 'international');
    assert.equal(order.total, 2500 + 1900);
  });

  it('answers 400 shipping_not_available for an address the shop does not ship to', async () => {
    const error = await refusal({
      items: [{sku: 'tee', quantity: 1}],
      currency: 'jpy',
      shippingAddress: {...HOME, country: 'US'},
    });
    assert.deepEqual(
      [error.status, error.code],
      [400, 'shipping_not_available']
    );
  });

  const codes: [string, string, OrderRequest['items'], string][] = [
    ['unknown', 'NOPE', [{sku: 'tee', quantity: 2}], 'unknown'],
    [
      'below its minimum',
      'WELCOME10',
      [{sku: 'tee', quantity: 1}],
      'minimum_not_met',
    ],
    [
      'not for these products',
      'MUGS5',
      [{sku: 'tee', quantity: 1}],
      'not_applicable',
    ],
    ['not started', 'SPRING27', [{sku: 'tee', quantity: 1}], 'expired'],
  ];
  for (const [what, code, items, status] of codes) {
    it(`answers 409 price_changed for a code ${what}, with the fresh quote`, async () => {
      const request = {
        items,
        shippingAddress: {...HOME, country: 'US'},
        discountCode: code,
        email: 'a@example.com',
      };
      const error = await refusal(request);
      assert.deepEqual([error.status, error.code], [409, 'price_changed']);
      assert.deepEqual(error.quote?.discountCode, {code, status});
      assert.deepEqual(error.quote, price(request));
    });
  }

  it('answers 409 price_changed when any part of the total differs from what the buyer saw', async () => {
    const request = {
      items: [{sku: 'tee', quantity: 1}],
      shippingAddress: {...HOME, country: 'US', region: 'NY'},
    };
    // The cart alone is 2500; shipping and New York's tax make it more.
    const error = await refusal({...request, expectedTotal: 2500});
    assert.deepEqual([error.status, error.code], [409, 'price_changed']);
    assert.equal(error.quote?.total, 2500 + 699 + 222 + 62);
    const {order} = await open({...request, expectedTotal: error.quote!.total});
    assert.equal(order.total, error.quote!.total);
  });

  it('asks for the email a once-per-email code needs', async () => {
    const error = await refusal({
      items: [{sku: 'tee', quantity: 2}],
      shippingAddress: {...HOME, country: 'US'},
      discountCode: 'WELCOME10',
    });
    assert.deepEqual([error.status, error.code], [400, 'invalid_request']);
    assert.match(error.message, /^email:/);
    // Only a code that would apply asks: below its minimum it is a 409 like any other.
    const below = await refusal({
      items: [{sku: 'tee', quantity: 1}],
      shippingAddress: {...HOME, country: 'US'},
      discountCode: 'WELCOME10',
    });
    assert.equal(below.status, 409);
    assert.equal(below.quote?.discountCode?.status, 'minimum_not_met');
  });

  it('refuses a once-per-email code to an email that used it: 409 used_up', async () => {
    const request = {
      items: [{sku: 'tee', quantity: 2}],
      shippingAddress: {...HOME, country: 'US'},
      discountCode: 'welcome10',
      email: 'once@example.com',
    };
    await open(request);
    const error = await refusal({...request, email: 'ONCE@example.com'});
    assert.equal(error.status, 409);
    assert.deepEqual(error.quote?.discountCode, {
      code: 'WELCOME10',
      status: 'used_up',
    });
    // Without the code, the total is the full price.
    assert.equal(error.quote?.discount, 0);
  });

  it('refuses the last use of a limited code to a second buyer: 409 used_up', async () => {
    const request = (email: string) => ({
      items: [{sku: 'ebook', quantity: 1}],
      discountCode: 'LAST1',
      email,
    });
    const {order} = await open(request('first@example.com'));
    assert.equal(order.discount, 450);
    const error = await refusal(request('second@example.com'));
    assert.equal(error.status, 409);
    assert.equal(error.quote?.discountCode?.status, 'used_up');
    assert.equal(error.quote?.total, 900);
  });

  it('answers 409 used_up when the claim loses a race the count did not see', async () => {
    // The count says a use is left (another buyer took it since): the insert's claim refuses.
    const blind = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'discountUses') {
          return async () => ({uses: 0, byEmail: false});
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const error = await refusal(
      {
        items: [{sku: 'ebook', quantity: 1}],
        discountCode: 'LAST1',
        email: 'third@example.com',
      },
      blind
    );
    assert.deepEqual([error.status, error.code], [409, 'price_changed']);
    assert.equal(error.quote?.discountCode?.status, 'used_up');
    assert.equal(error.quote?.discount, 0);
  });

  it('prices what the contract parsed: a country in any case, a code with blanks', async () => {
    const parsed = quoteRequestSchema.parse({
      items: [{sku: 'ebook', quantity: 1}],
      shippingAddress: {country: ' us ', region: ' ca '},
      discountCode: ' third ',
    });
    const {order} = await open(parsed);
    assert.equal(order.discountCode, 'THIRD');
    // 900 − 299 = 601 × 7.25 % = 43.57 in California (the region in any case).
    assert.deepEqual([order.discount, order.tax], [299, 44]);
  });
});

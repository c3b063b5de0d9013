/**
 * POST /api/quote with the pricing rules: the address, rate and code in; the discount, tax,
 * shipping, rates and the code's status out; the 400s for what cannot be priced.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {parseCatalog} from '../../server/catalog/index.js';
import {
  checkoutSessionRequestSchema,
  paymentIntentRequestSchema,
} from '../../server/contract.js';
import {makeServer, postJson, type TestServer} from './helpers.js';
import {NOW, price, SHOP, shop} from './pricing-catalog.js';

describe('POST /api/quote: shipping, tax and codes', () => {
  let server: TestServer;
  before(async () => {
    server = await makeServer({catalog: shop, now: () => NOW});
  });
  after(() => server.close());

  const quote = (body: unknown) => postJson(server.app, '/api/quote', body);

  it('takes the address, the rate and the code, and answers every part of the price', async () => {
    const res = await quote({
      items: [
        {sku: 'book', quantity: 2},
        {sku: 'ebook', quantity: 1},
      ],
      currency: 'EUR',
      shippingAddress: {
        country: 'fr',
        postalCode: ' 75001 ',
        city: 'Paris',
        name: 'Jeanne',
        phone: '+33 1 23 45 67 89',
      },
      shippingRate: 'express',
      discountCode: ' third ',
    });
    assert.equal(res.status, 200);
    const body = await res.json();
    // ⌊4500 × 33.3333 %⌋ = 1499: 1199 on the books, 300 on the e-book; FR reduced 5.5 %
    // included: 2401 × 5.5/105.5 = 125.17, 600 → 31.28; Express 1490 + 2 × 200 = 1890 at
    // 20 % included = 315.
    assert.deepEqual(body, {
      currency: 'eur',
      lines: [
        {
          sku: 'book',
          name: 'Book',
          unitAmount: 1800,
          quantity: 2,
          amount: 3600,
          discount: 1199,
          tax: 125,
          shippable: true,
        },
        {
          sku: 'ebook',
          name: 'E-book',
          unitAmount: 900,
          quantity: 1,
          amount: 900,
          discount: 300,
          tax: 31,
          shippable: false,
        },
      ],
      subtotal: 4500,
      discount: 1499,
      shipping: 1890,
      tax: 125 + 31 + 315,
      taxInclusive: true,
      total: 4500 - 1499 + 1890,
      requiresShipping: true,
      shippingRates: [
        {id: 'standard', name: 'Standard', amount: 490},
        {id: 'express', name: 'Express', amount: 1890},
      ],
      shippingRate: 'express',
      discountCode: {code: 'THIRD', status: 'applied'},
    });
  });

  it('prices exactly as the engine does for the same request', async () => {
    const request = {
      items: [{sku: 'tee', quantity: 3}],
      shippingAddress: {country: 'US', region: 'NY'},
      discountCode: 'WELCOME10',
    };
    assert.deepEqual(await (await quote(request)).json(), price(request));
  });

  it('asks for an address: a shipped cart without one has no rates and no tax', async () => {
    const body = await (
      await quote({items: [{sku: 'tee', quantity: 1}], currency: 'eur'})
    ).json();
    assert.deepEqual(
      [body.requiresShipping, body.shippingRates, body.shipping, body.tax],
      [true, [], 0, 0]
    );
    assert.equal('shippingRate' in body, false);
  });

  it('says why a code does not apply, and prices without it', async () => {
    const body = await (
      await quote({
        items: [{sku: 'tee', quantity: 1}],
        discountCode: 'welcome10',
      })
    ).json();
    assert.deepEqual(body.discountCode, {
      code: 'WELCOME10',
      status: 'minimum_not_met',
    });
    assert.equal(body.total, 2500);
  });

  it('counts a limited code’s uses from the orders', async () => {
    const request = {
      items: [{sku: 'ebook', quantity: 1}],
      discountCode: 'LAST1',
    };
    assert.equal(
      (await (await quote(request)).json()).discountCode.status,
      'applied'
    );
    await server.store.create(
      {
        id: 'ord_last1',
        provider: 'stripe',
        currency: 'usd',
        lines: [],
        subtotal: 900,
        discount: 450,
        shipping: 0,
        tax: 0,
        taxInclusive: false,
        total: 450,
        discountCode: 'LAST1',
      },
      'hash',
      {code: 'LAST1', limit: 1, oncePerEmail: false}
    );
    assert.deepEqual((await (await quote(request)).json()).discountCode, {
      code: 'LAST1',
      status: 'used_up',
    });
  });

  const refusals: [string, unknown, string][] = [
    ['a country that is not one', {country: 'XX'}, 'invalid_request'],
    ['a country name', {country: 'Germany'}, 'invalid_request'],
    ['no country', {city: 'Berlin'}, 'invalid_request'],
    [
      'a postal code of 21 characters',
      {country: 'DE', postalCode: '1'.repeat(21)},
      'invalid_request',
    ],
    ['an address that is a string', 'Berlin', 'invalid_request'],
  ];
  for (const [what, shippingAddress, code] of refusals) {
    it(`answers 400 ${code} for ${what}`, async () => {
      const res = await quote({
        items: [{sku: 'tee', quantity: 1}],
        shippingAddress,
      });
      assert.equal(res.status, 400);
      const body = await res.json();
      assert.equal(body.error.code, code);
      assert.match(body.error.message, /^shippingAddress/);
    });
  }

  it('answers 400 for a rate id or a code that cannot be one', async () => {
    for (const body of [
      {shippingRate: 'two words'},
      {shippingRate: 42},
      {discountCode: 'X'.repeat(65)},
      {discountCode: ['A']},
    ]) {
      const res = await quote({items: [{sku: 'tee', quantity: 1}], ...body});
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal((await res.json()).error.code, 'invalid_request');
    }
  });

  it('answers 400 shipping_not_available for an address in no zone', async () => {
    const nowhere = await makeServer({
      catalog: parseCatalog({
        ...SHOP,
        shipping: {zones: SHOP.shipping.zones.filter((z) => z.id !== 'world')},
      }),
    });
    try {
      const res = await postJson(nowhere.app, '/api/quote', {
        items: [{sku: 'tee', quantity: 1}],
        shippingAddress: {country: 'NZ'},
      });
      assert.equal(res.status, 400);
      assert.deepEqual(await res.json(), {
        error: {
          code: 'shipping_not_available',
          message: 'The shop does not ship to New Zealand.',
        },
      });
      // A digital cart is not shipped, so it is priced anywhere.
      const digital = await postJson(nowhere.app, '/api/quote', {
        items: [{sku: 'ebook', quantity: 1}],
        shippingAddress: {country: 'NZ'},
      });
      assert.equal(digital.status, 200);
    } finally {
      await nowhere.close();
    }
  });
});

describe('the create schemas', () => {
  it('take the quote’s fields, a billing address and the total the buyer saw', () => {
    const fields = {
      items: [{sku: 'tee', quantity: 1}],
      shippingAddress: {
        country: 'de',
        city: ' Köln ',
        line2: '   ',
        company: 'ACME',
      },
      shippingRate: 'express',
      discountCode: 'welcome10',
      billingAddress: {country: 'at', name: ' Erika '},
      email: 'erika@example.com',
      expectedTotal: 4730,
    };
    const expected = {
      items: [{sku: 'tee', quantity: 1}],
      // Blanks are no line 2; the company is not a field of ours.
      shippingAddress: {country: 'DE', city: 'Köln', line2: undefined},
      shippingRate: 'express',
      discountCode: 'WELCOME10',
      billingAddress: {country: 'AT', name: 'Erika'},
      email: 'erika@example.com',
      expectedTotal: 4730,
    };
    assert.deepEqual(paymentIntentRequestSchema.parse(fields), expected);
    assert.deepEqual(
      checkoutSessionRequestSchema.parse({
        ...fields,
        successUrl: 'https://shop.example/ok',
        cancelUrl: 'https://shop.example/cart',
      }),
      {
        ...expected,
        successUrl: 'https://shop.example/ok',
        cancelUrl: 'https://shop.example/cart',
      }
    );
    assert.equal(
      paymentIntentRequestSchema.safeParse({...fields, billingAddress: {}})
        .success,
      false
    );
    assert.equal(
      checkoutSessionRequestSchema.safeParse({
        ...fields,
        expectedTotal: -1,
        successUrl: 'https://shop.example/ok',
        cancelUrl: 'https://shop.example/cart',
      }).success,
      false
    );
  });
});

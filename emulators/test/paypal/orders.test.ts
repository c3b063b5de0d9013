/**
 * The PayPal emulator's Orders v2 create through `app.request()`: PayPal's validation and
 * error names (422 business rules, 400 schema).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  accessToken,
  call,
  createOrder,
  emulator,
  issues,
  type Money,
  order,
  orderWith,
  send,
  usd,
} from './api-helpers.js';

describe('PayPal emulator: creating orders', () => {
  it('creates a CREATED order that sums exactly, item lines, tax, shipping and a discount included', async () => {
    const e = emulator();
    const answer = await createOrder(e);
    assert.equal(answer.status, 201);
    const created = answer.body;
    assert.match(created.id, /^[A-Z0-9]{17}$/);
    assert.equal(created.intent, 'CAPTURE');
    assert.equal(created.status, 'CREATED');
    const unit = created.purchase_units[0];
    assert.equal(unit.reference_id, 'default');
    assert.equal(unit.custom_id, 'order_123');
    assert.equal(unit.invoice_id, 'INV-123');
    assert.deepEqual(unit.amount, order().purchase_units[0]!.amount);
    assert.deepEqual(
      unit.items.map((i: {sku: string}) => i.sku),
      ['tee-black-m', 'stickers']
    );
    assert.match(unit.payee.merchant_id, /^[A-Z0-9]{13}$/);
    assert.deepEqual(
      created.links.map((l: {rel: string; method: string; href: string}) => [
        l.rel,
        l.method,
        new URL(l.href).pathname,
      ]),
      [
        ['self', 'GET', `/v2/checkout/orders/${created.id}`],
        ['approve', 'GET', '/checkoutnow'],
        ['update', 'PATCH', `/v2/checkout/orders/${created.id}`],
        ['capture', 'POST', `/v2/checkout/orders/${created.id}/capture`],
      ]
    );
    const read = await call(e, 'GET', `/v2/checkout/orders/${created.id}`);
    assert.deepEqual(read.body, created);
  });

  it('answers {id, status, links} by default (Prefer: return=minimal)', async () => {
    const e = emulator();
    const variants: Record<string, string>[] = [{}, {Prefer: 'return=minimal'}];
    for (const headers of variants) {
      const answer = await call(e, 'POST', '/v2/checkout/orders', {
        body: order(),
        headers,
      });
      assert.equal(answer.status, 201);
      assert.deepEqual(Object.keys(answer.body), ['id', 'status', 'links']);
    }
  });

  it('takes JPY in whole yen', async () => {
    const e = emulator();
    const yen = (value: string): Money => ({currency_code: 'JPY', value});
    const answer = await createOrder(e, {
      intent: 'CAPTURE',
      purchase_units: [
        {
          amount: {
            ...yen('3300'),
            breakdown: {
              item_total: yen('3000'),
              shipping: yen('500'),
              discount: yen('200'),
            },
          },
          items: [{name: 'Tee', quantity: '2', unit_amount: yen('1500')}],
        },
      ],
    });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
  });

  it('takes several purchase units, each with its own reference_id', async () => {
    const e = emulator();
    const unit = (id: string) => ({reference_id: id, amount: usd('5.00')});
    const answer = await createOrder(e, {
      intent: 'CAPTURE',
      purchase_units: [unit('a'), unit('b')],
    });
    assert.equal(answer.status, 201);
    assert.deepEqual(
      answer.body.purchase_units.map(
        (u: {reference_id: string}) => u.reference_id
      ),
      ['a', 'b']
    );
  });

  describe('business rules: 422 UNPROCESSABLE_ENTITY', () => {
    const cases: [string, unknown, string[]][] = [
      [
        'AMOUNT_MISMATCH',
        orderWith('amount.value', '44.21'),
        ['AMOUNT_MISMATCH /purchase_units/0/amount/value'],
      ],
      [
        'AMOUNT_MISMATCH when the discount is not subtracted',
        orderWith('amount.value', '52.20'),
        ['AMOUNT_MISMATCH /purchase_units/0/amount/value'],
      ],
      [
        'ITEM_TOTAL_MISMATCH',
        orderWith('amount.breakdown.item_total.value', '41.00'),
        [
          'ITEM_TOTAL_MISMATCH /purchase_units/0/amount/breakdown/item_total/value',
          'AMOUNT_MISMATCH /purchase_units/0/amount/value',
        ],
      ],
      [
        'ITEM_TOTAL_REQUIRED',
        orderWith('amount.breakdown.item_total', undefined),
        [
          'ITEM_TOTAL_REQUIRED /purchase_units/0/amount/breakdown/item_total',
          'AMOUNT_MISMATCH /purchase_units/0/amount/value',
        ],
      ],
      [
        'TAX_TOTAL_MISMATCH',
        orderWith('items', [
          {
            name: 'Black tee',
            quantity: '2',
            unit_amount: usd('15.00'),
            tax: usd('1.00'),
          },
          {
            name: 'Sticker pack',
            quantity: '1',
            unit_amount: usd('10.00'),
            tax: usd('1.00'),
          },
        ]),
        [
          'TAX_TOTAL_MISMATCH /purchase_units/0/amount/breakdown/tax_total/value',
        ],
      ],
      [
        'CURRENCY_MISMATCH',
        orderWith('amount.breakdown.shipping', {
          currency_code: 'EUR',
          value: '5.00',
        }),
        [
          'CURRENCY_MISMATCH /purchase_units/0/amount/breakdown/shipping/currency_code',
        ],
      ],
      [
        'DECIMAL_PRECISION',
        orderWith('amount.breakdown.shipping.value', '5.001'),
        ['DECIMAL_PRECISION /purchase_units/0/amount/breakdown/shipping/value'],
      ],
      [
        'INVALID_CURRENCY_CODE',
        orderWith('amount.currency_code', 'usd'),
        ['INVALID_CURRENCY_CODE /purchase_units/0/amount/currency_code'],
      ],
      [
        'CANNOT_BE_ZERO_OR_NEGATIVE',
        {intent: 'CAPTURE', purchase_units: [{amount: usd('0.00')}]},
        ['CANNOT_BE_ZERO_OR_NEGATIVE /purchase_units/0/amount/value'],
      ],
      [
        'CANNOT_BE_NEGATIVE',
        orderWith('amount.breakdown.discount.value', '-4.00'),
        [
          'CANNOT_BE_NEGATIVE /purchase_units/0/amount/breakdown/discount/value',
        ],
      ],
      [
        'MAX_VALUE_EXCEEDED',
        {
          intent: 'CAPTURE',
          purchase_units: [{amount: usd('1000000000000000.00')}],
        },
        ['MAX_VALUE_EXCEEDED /purchase_units/0/amount/value'],
      ],
      [
        'REFERENCE_ID_REQUIRED and DUPLICATE_REFERENCE_ID',
        {
          intent: 'CAPTURE',
          purchase_units: [
            {reference_id: 'a', amount: usd('1.00')},
            {reference_id: 'a', amount: usd('1.00')},
            {amount: usd('1.00')},
          ],
        },
        [
          'DUPLICATE_REFERENCE_ID /purchase_units/1/reference_id',
          'REFERENCE_ID_REQUIRED /purchase_units/2/reference_id',
        ],
      ],
      [
        'MULTI_CURRENCY_ORDER',
        {
          intent: 'CAPTURE',
          purchase_units: [
            {reference_id: 'a', amount: usd('1.00')},
            {reference_id: 'b', amount: {currency_code: 'EUR', value: '1.00'}},
          ],
        },
        ['MULTI_CURRENCY_ORDER /purchase_units'],
      ],
    ];
    for (const [name, body, expected] of cases) {
      it(name, async () => {
        const answer = await createOrder(emulator(), body);
        assert.equal(answer.status, 422, JSON.stringify(answer.body));
        assert.equal(answer.body.name, 'UNPROCESSABLE_ENTITY');
        assert.equal(
          answer.body.message,
          'The requested action could not be performed, semantically incorrect, or failed business validation.'
        );
        assert.deepEqual(issues(answer), expected);
      });
    }

    it('DECIMALS_NOT_SUPPORTED for JPY, HUF and TWD', async () => {
      for (const currency of ['JPY', 'HUF', 'TWD']) {
        const answer = await createOrder(emulator(), {
          intent: 'CAPTURE',
          purchase_units: [
            {amount: {currency_code: currency, value: '1500.00'}},
          ],
        });
        assert.equal(answer.status, 422);
        assert.deepEqual(issues(answer), [
          'DECIMALS_NOT_SUPPORTED /purchase_units/0/amount/value',
        ]);
      }
    });

    it('reports in PayPal’s error format: name, message, debug_id, details, links', async () => {
      const answer = await createOrder(
        emulator(),
        orderWith('amount.value', '44.21')
      );
      assert.deepEqual(answer.body.details, [
        {
          field: '/purchase_units/0/amount/value',
          value: '44.21',
          location: 'body',
          issue: 'AMOUNT_MISMATCH',
          description:
            'Should equal item_total + tax_total + shipping + handling + insurance - shipping_discount - discount.',
        },
      ]);
      assert.match(answer.body.debug_id, /^[0-9a-f]{13}$/);
      assert.equal(answer.headers.get('Paypal-Debug-Id'), answer.body.debug_id);
      assert.deepEqual(answer.body.links, [
        {
          href: 'https://developer.paypal.com/api/rest/reference/orders/v2/errors/#AMOUNT_MISMATCH',
          rel: 'information_link',
          method: 'GET',
        },
      ]);
    });
  });

  describe('schema: 400 INVALID_REQUEST', () => {
    const cases: [string, unknown, string[]][] = [
      [
        'a missing intent',
        {purchase_units: order().purchase_units},
        ['MISSING_REQUIRED_PARAMETER /intent'],
      ],
      [
        'an unknown intent',
        {...order(), intent: 'SALE'},
        ['INVALID_PARAMETER_VALUE /intent'],
      ],
      [
        'no purchase units',
        {intent: 'CAPTURE'},
        ['MISSING_REQUIRED_PARAMETER /purchase_units'],
      ],
      [
        'an empty purchase_units',
        {intent: 'CAPTURE', purchase_units: []},
        ['INVALID_ARRAY_MIN_ITEMS /purchase_units'],
      ],
      [
        'a missing amount',
        orderWith('amount', undefined),
        ['MISSING_REQUIRED_PARAMETER /purchase_units/0/amount'],
      ],
      [
        'a missing currency_code',
        orderWith('amount', {value: '1.00'}),
        ['MISSING_REQUIRED_PARAMETER /purchase_units/0/amount/currency_code'],
      ],
      [
        'a value that is not a decimal string',
        orderWith('amount.value', '44.2.0'),
        ['INVALID_PARAMETER_SYNTAX /purchase_units/0/amount/value'],
      ],
      [
        'a value given as a number',
        orderWith('amount.value', 44.2),
        ['INVALID_PARAMETER_SYNTAX /purchase_units/0/amount/value'],
      ],
      [
        'an item without a name',
        orderWith('items', [{quantity: '1', unit_amount: usd('40.00')}]),
        ['MISSING_REQUIRED_PARAMETER /purchase_units/0/items/0/name'],
      ],
      [
        'an unknown item category',
        orderWith('items', [
          {
            name: 'Tee',
            quantity: '1',
            unit_amount: usd('40.00'),
            category: 'SHOES',
          },
        ]),
        ['INVALID_PARAMETER_VALUE /purchase_units/0/items/0/category'],
      ],
      [
        'a custom_id over 127 characters',
        orderWith('custom_id', 'x'.repeat(128)),
        ['INVALID_STRING_LENGTH /purchase_units/0/custom_id'],
      ],
      [
        'an empty invoice_id',
        orderWith('invoice_id', ''),
        ['INVALID_STRING_LENGTH /purchase_units/0/invoice_id'],
      ],
      [
        'a sku over 127 characters',
        orderWith('items', [
          {
            name: 'Tee',
            quantity: '1',
            unit_amount: usd('40.00'),
            sku: 's'.repeat(128),
          },
        ]),
        ['INVALID_STRING_LENGTH /purchase_units/0/items/0/sku'],
      ],
    ];
    for (const [name, body, expected] of cases) {
      it(name, async () => {
        const answer = await createOrder(emulator(), body);
        assert.equal(answer.status, 400, JSON.stringify(answer.body));
        assert.equal(answer.body.name, 'INVALID_REQUEST');
        assert.equal(
          answer.body.message,
          'Request is not well-formed, syntactically incorrect, or violates schema.'
        );
        assert.deepEqual(issues(answer), expected);
      });
    }

    it('quantity must match ^[1-9][0-9]{0,9}$, as a string', async () => {
      for (const quantity of ['0', '01', '1.5', '-1', '12345678901', 2, '']) {
        const answer = await createOrder(
          emulator(),
          orderWith('items', [
            {name: 'Tee', quantity, unit_amount: usd('40.00')},
          ])
        );
        assert.equal(
          answer.status,
          400,
          `quantity ${JSON.stringify(quantity)}`
        );
        assert.deepEqual(issues(answer), [
          'INVALID_PARAMETER_SYNTAX /purchase_units/0/items/0/quantity',
        ]);
      }
      const ok = await createOrder(
        emulator(),
        orderWith('items', [
          {name: 'Tee', quantity: '4', unit_amount: usd('10.00')},
        ])
      );
      assert.equal(ok.status, 201);
    });

    it('schema problems come before business rules, all of them at once', async () => {
      const body = orderWith('items', [
        {quantity: '1', unit_amount: usd('40.00')},
        {name: 'Tee', quantity: 'x', unit_amount: usd('1.00')},
      ]);
      const answer = await createOrder(emulator(), body);
      assert.equal(answer.status, 400);
      assert.deepEqual(issues(answer), [
        'MISSING_REQUIRED_PARAMETER /purchase_units/0/items/0/name',
        'INVALID_PARAMETER_SYNTAX /purchase_units/0/items/1/quantity',
      ]);
    });

    it('MALFORMED_REQUEST_JSON for a body that is not JSON, 415 for another media type', async () => {
      const e = emulator();
      const token = await accessToken(e);
      const malformed = await send(e, '/v2/checkout/orders', {
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: '{"intent":',
      });
      assert.equal(malformed.status, 400);
      assert.deepEqual(issues(malformed), ['MALFORMED_REQUEST_JSON']);
      const form = await send(e, '/v2/checkout/orders', {
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'intent=CAPTURE',
      });
      assert.equal(form.status, 415);
      assert.equal(form.body.name, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });

  it('answers 404 RESOURCE_NOT_FOUND / INVALID_RESOURCE_ID for an unknown order', async () => {
    const e = emulator();
    for (const answer of [
      await call(e, 'GET', '/v2/checkout/orders/NOSUCHORDER'),
      await call(e, 'POST', '/v2/checkout/orders/NOSUCHORDER/capture'),
    ]) {
      assert.equal(answer.status, 404);
      assert.equal(answer.body.name, 'RESOURCE_NOT_FOUND');
      assert.deepEqual(issues(answer), ['INVALID_RESOURCE_ID order_id']);
    }
  });
});

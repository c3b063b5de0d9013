/**
 * The PayPal emulator's shipping details on create (address, name, options, the preference),
 * and `PATCH /v2/checkout/orders/{id}` as PayPal's shipping callbacks use it: amount and
 * options replaced, checked again as a create is, all or nothing.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {PaypalEmulator} from '../../paypal/index.js';
import {
  accessToken,
  createOrder,
  emulator,
  issues,
  order,
  send,
  usd,
} from './api-helpers.js';

// The helper's order charges 5.00 shipping.
const options = (selected = ['standard'], standard = '5.00') => [
  {
    id: 'standard',
    label: 'Standard',
    type: 'SHIPPING',
    amount: usd(standard),
    selected: selected.includes('standard'),
  },
  {
    id: 'express',
    label: 'Express',
    type: 'SHIPPING',
    amount: usd('15.00'),
    selected: selected.includes('express'),
  },
];

const address = {
  address_line_1: '1 Main St',
  admin_area_2: 'Portland',
  admin_area_1: 'OR',
  postal_code: '97201',
  country_code: 'US',
};

function shipped(
  shipping: Record<string, unknown>,
  preference?: string
): Record<string, unknown> {
  return {
    ...order({shipping}),
    ...(preference && {
      payment_source: {
        paypal: {experience_context: {shipping_preference: preference}},
      },
    }),
  };
}

async function patch(e: PaypalEmulator, id: string, body: unknown) {
  return send(e, `/v2/checkout/orders/${id}`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${await accessToken(e)}`,
      'Content-Type': 'application/json',
    },
    body,
  });
}

const UNIT = "/purchase_units/@reference_id=='default'";

describe('PayPal emulator: shipping on create', () => {
  it('keeps the name, the address and the options, and shows them on GET', async () => {
    const e = emulator();
    const shipping = {
      name: {full_name: 'Ada Buyer'},
      address,
      options: options(),
    };
    const answer = await createOrder(e, shipped(shipping, 'GET_FROM_FILE'));
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.purchase_units[0].shipping, shipping);
    const read = await send(e, `/v2/checkout/orders/${answer.body.id}`, {
      headers: {Authorization: `Bearer ${await accessToken(e)}`},
    });
    assert.deepEqual(read.body.purchase_units[0].shipping, shipping);
  });

  const refused: [
    string,
    Record<string, unknown>,
    string | undefined,
    string[],
  ][] = [
    [
      'SHIPPING_OPTION_NOT_SELECTED',
      {options: options([])},
      undefined,
      ['SHIPPING_OPTION_NOT_SELECTED /purchase_units/0/shipping/options'],
    ],
    [
      'MULTIPLE_SHIPPING_OPTION_SELECTED',
      {options: options(['standard', 'express'])},
      undefined,
      ['MULTIPLE_SHIPPING_OPTION_SELECTED /purchase_units/0/shipping/options'],
    ],
    [
      'PREFERRED_SHIPPING_OPTION_AMOUNT_MISMATCH',
      {options: options(['express'])},
      undefined,
      [
        'PREFERRED_SHIPPING_OPTION_AMOUNT_MISMATCH /purchase_units/0/shipping/options/1/amount/value',
      ],
    ],
    [
      'SHIPPING_OPTIONS_NOT_SUPPORTED with NO_SHIPPING',
      {options: options()},
      'NO_SHIPPING',
      ['SHIPPING_OPTIONS_NOT_SUPPORTED /purchase_units/0/shipping/options'],
    ],
    [
      'CURRENCY_MISMATCH in an option',
      {
        options: [
          {...options()[0], amount: {currency_code: 'EUR', value: '5.00'}},
        ],
      },
      undefined,
      [
        'CURRENCY_MISMATCH /purchase_units/0/shipping/options/0/amount/currency_code',
      ],
    ],
  ];
  for (const [name, shipping, preference, expected] of refused) {
    it(`422 ${name}`, async () => {
      const answer = await createOrder(e(), shipped(shipping, preference));
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      assert.deepEqual(issues(answer), expected);
    });
  }

  it('400 for a missing or invalid country, an option without an id, and too many options', async () => {
    const answer = await createOrder(
      e(),
      shipped({
        address: {...address, country_code: 'USA'},
        options: [{label: 'Nameless', selected: true, amount: usd('5.00')}],
      })
    );
    assert.equal(answer.status, 400);
    assert.deepEqual(issues(answer), [
      'INVALID_COUNTRY_CODE /purchase_units/0/shipping/address/country_code',
      'MISSING_REQUIRED_PARAMETER /purchase_units/0/shipping/options/0/id',
    ]);
    const eleven = Array.from({length: 11}, (_, i) => ({
      ...options()[1],
      id: `r${i}`,
      selected: false,
    }));
    const tooMany = await createOrder(e(), shipped({options: eleven}));
    assert.deepEqual(issues(tooMany), [
      'INVALID_ARRAY_MAX_ITEMS /purchase_units/0/shipping/options',
    ]);
  });
});

const e = () => emulator();

describe('PayPal emulator: PATCH /v2/checkout/orders/{id}', () => {
  async function created(em: PaypalEmulator) {
    const answer = await createOrder(
      em,
      shipped({address, options: options()}, 'GET_FROM_FILE')
    );
    assert.equal(answer.status, 201);
    return answer.body.id as string;
  }

  it('replaces the amount and the options together (204), and GET shows them', async () => {
    const em = e();
    const id = await created(em);
    const answer = await patch(em, id, [
      {
        op: 'replace',
        path: `${UNIT}/amount`,
        value: {
          ...usd('54.20'),
          breakdown: {
            item_total: usd('40.00'),
            tax_total: usd('3.20'),
            shipping: usd('15.00'),
            discount: usd('4.00'),
          },
        },
      },
      {
        op: 'replace',
        path: `${UNIT}/shipping/options`,
        value: options(['express']),
      },
    ]);
    assert.equal(answer.status, 204, JSON.stringify(answer.body));
    const read = await send(em, `/v2/checkout/orders/${id}`, {
      headers: {Authorization: `Bearer ${await accessToken(em)}`},
    });
    const unit = read.body.purchase_units[0];
    assert.equal(unit.amount.value, '54.20');
    assert.deepEqual(
      unit.shipping.options.map((o: {id: string; selected: boolean}) => [
        o.id,
        o.selected,
      ]),
      [
        ['standard', false],
        ['express', true],
      ]
    );
    assert.deepEqual(unit.shipping.address, address);
    assert.ok(unit.payee.merchant_id, 'the payee stays');
  });

  it('checks the patched unit as a create does, and applies nothing when one check fails', async () => {
    const em = e();
    const id = await created(em);
    // The new option is selected, but the amount still charges the old shipping.
    const answer = await patch(em, id, [
      {
        op: 'replace',
        path: `${UNIT}/shipping/options`,
        value: options(['express']),
      },
    ]);
    assert.equal(answer.status, 422);
    assert.deepEqual(issues(answer), [
      "PREFERRED_SHIPPING_OPTION_AMOUNT_MISMATCH /purchase_units/@reference_id=='default'/shipping/options/1/amount/value",
    ]);
    const mismatch = await patch(em, id, [
      {op: 'replace', path: `${UNIT}/amount`, value: usd('50.00')},
      {op: 'replace', path: `${UNIT}/description`, value: 'changed'},
    ]);
    assert.equal(mismatch.status, 422);
    const read = await send(em, `/v2/checkout/orders/${id}`, {
      headers: {Authorization: `Bearer ${await accessToken(em)}`},
    });
    assert.equal(read.body.purchase_units[0].amount.value, '44.20');
    assert.equal(read.body.purchase_units[0].description, 'pay-checkout order');
  });

  it('refuses what PayPal does not patch, and operations that cannot be honoured', async () => {
    const em = e();
    const id = await created(em);
    const answer = await patch(em, id, [
      {op: 'replace', path: `${UNIT}/payee`, value: {}},
      {op: 'add', path: `${UNIT}/amount`, value: usd('1.00')},
      {op: 'replace', path: `${UNIT}/soft_descriptor`, value: 'SHOP'},
      {op: 'replace', path: `${UNIT}`},
      {op: 'replace'},
      {op: 'replace', path: '/purchase_units/0/amount', value: usd('1.00')},
    ]);
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.deepEqual(issues(answer), [
      `INVALID_PATCH_OPERATION ${UNIT}/amount`,
      `INVALID_PATCH_OPERATION ${UNIT}/soft_descriptor`,
    ]);
    const unprocessable = await patch(em, id, [
      {op: 'replace', path: `${UNIT}/payee`, value: {}},
      {op: 'replace', path: `${UNIT}/custom_id`},
      {op: 'replace'},
      {op: 'replace', path: '/purchase_units/0/amount', value: usd('1.00')},
    ]);
    assert.equal(unprocessable.status, 422);
    assert.deepEqual(issues(unprocessable), [
      `NOT_PATCHABLE ${UNIT}/payee`,
      'PATCH_VALUE_REQUIRED /1/value',
      'PATCH_PATH_REQUIRED /2/path',
      'INVALID_JSON_POINTER_FORMAT /purchase_units/0/amount',
    ]);
  });

  it('refuses a completed order with ORDER_ALREADY_COMPLETED, and an unknown one with 404', async () => {
    const em = e();
    const id = await created(em);
    em.approve(id);
    const capture = await send(em, `/v2/checkout/orders/${id}/capture`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await accessToken(em)}`,
        'Content-Type': 'application/json',
      },
      body: {},
    });
    assert.equal(capture.status, 201);
    assert.deepEqual(
      capture.body.purchase_units[0].shipping.address,
      address,
      'the capture shows where it ships'
    );
    const answer = await patch(em, id, [
      {op: 'replace', path: `${UNIT}/custom_id`, value: 'x'},
    ]);
    assert.equal(answer.status, 422);
    assert.deepEqual(issues(answer), ['ORDER_ALREADY_COMPLETED']);
    assert.equal((await patch(em, 'NOPE', [])).status, 404);
  });
});

/**
 * The PayPal emulator's REST API through `app.request()` (no sockets): OAuth, Orders v2 with
 * PayPal's validation and error names, PayPal-Request-Id, Prefer, PayPal-Mock-Response, the
 * buyer's answers and what capture makes of them, and the SDK script's query checks.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  createPaypalEmulator,
  type PaypalEmulator,
  type PaypalEmulatorOptions,
} from '../../paypal/index.js';

interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

type Money = {currency_code: string; value: string};

const basic = (e: PaypalEmulator, secret = e.clientSecret) =>
  `Basic ${btoa(`${e.clientId}:${secret}`)}`;

async function send(
  e: PaypalEmulator,
  path: string,
  init: {method?: string; headers?: Record<string, string>; body?: unknown} = {}
): Promise<Answer> {
  const response = await e.app.request(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return {status: response.status, headers: response.headers, body};
}

function tokenRequest(
  e: PaypalEmulator,
  authorization?: string,
  form = 'grant_type=client_credentials'
) {
  return send(e, '/v1/oauth2/token', {
    method: 'POST',
    headers: {
      ...(authorization && {Authorization: authorization}),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: form,
  });
}

/** One token per emulator, as a server caches it (so faults armed later hit the API call). */
const tokens = new WeakMap<PaypalEmulator, string>();

async function accessToken(e: PaypalEmulator): Promise<string> {
  const cached = tokens.get(e);
  if (cached) return cached;
  const answer = await tokenRequest(e, basic(e));
  assert.equal(answer.status, 200);
  tokens.set(e, answer.body.access_token as string);
  return answer.body.access_token as string;
}

/** An authenticated JSON call, as a server makes it. */
async function call(
  e: PaypalEmulator,
  method: 'GET' | 'POST',
  path: string,
  options: {body?: unknown; headers?: Record<string, string>} = {}
): Promise<Answer> {
  return send(e, path, {
    method,
    headers: {
      Authorization: `Bearer ${await accessToken(e)}`,
      'Content-Type': 'application/json',
      ...options.headers,
    },
    body: options.body,
  });
}

const usd = (value: string): Money => ({currency_code: 'USD', value});

/** Two tees and a sticker pack, shipping, tax and a discount: 2×15 + 10 + 3.20 + 5 − 4 = 44.20. */
function order(overrides: Record<string, unknown> = {}) {
  return {
    intent: 'CAPTURE',
    purchase_units: [
      {
        reference_id: 'default',
        custom_id: 'order_123',
        invoice_id: 'INV-123',
        description: 'pay-checkout order',
        amount: {
          ...usd('44.20'),
          breakdown: {
            item_total: usd('40.00'),
            tax_total: usd('3.20'),
            shipping: usd('5.00'),
            discount: usd('4.00'),
          },
        },
        items: [
          {
            name: 'Black tee',
            quantity: '2',
            unit_amount: usd('15.00'),
            sku: 'tee-black-m',
            category: 'PHYSICAL_GOODS',
          },
          {
            name: 'Sticker pack',
            quantity: '1',
            unit_amount: usd('10.00'),
            sku: 'stickers',
            category: 'PHYSICAL_GOODS',
          },
        ],
        ...overrides,
      },
    ],
  };
}

/** The same order with one purchase-unit path changed (`amount.breakdown.item_total.value`). */
function orderWith(path: string, value: unknown) {
  const body = order() as {purchase_units: Record<string, unknown>[]};
  const keys = path.split('.');
  let target: Record<string, unknown> = body.purchase_units[0]!;
  for (const key of keys.slice(0, -1))
    target = target[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return body;
}

async function createOrder(
  e: PaypalEmulator,
  body: unknown = order(),
  headers: Record<string, string> = {}
) {
  return call(e, 'POST', '/v2/checkout/orders', {
    body,
    headers: {Prefer: 'return=representation', ...headers},
  });
}

function issues(answer: Answer): string[] {
  return (answer.body.details ?? []).map(
    (d: {issue: string; field?: string}) =>
      d.field ? `${d.issue} ${d.field}` : d.issue
  );
}

function emulator(options: PaypalEmulatorOptions = {}) {
  return createPaypalEmulator(options);
}

describe('PayPal emulator: OAuth', () => {
  it('grants a Bearer token for the client id and secret, in PayPal’s shape', async () => {
    const e = emulator();
    const answer = await tokenRequest(e, basic(e));
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), [
      'access_token',
      'app_id',
      'expires_in',
      'nonce',
      'scope',
      'token_type',
    ]);
    assert.equal(answer.body.token_type, 'Bearer');
    assert.equal(answer.body.expires_in, 32400);
    assert.match(answer.body.app_id, /^APP-[A-Z0-9]{17}$/);
    assert.match(answer.body.scope, /verify-webhook-signature/);
    assert.match(answer.body.nonce, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    assert.equal(e.stats().tokenRequests, 1);
  });

  it('answers 401 invalid_client to a wrong secret, an unknown client and no credentials', async () => {
    const e = emulator();
    for (const authorization of [
      basic(e, 'wrong'),
      `Basic ${btoa('someone:else')}`,
      undefined,
      'Bearer x',
    ]) {
      const answer = await tokenRequest(e, authorization);
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, {
        error: 'invalid_client',
        error_description: 'Client Authentication failed',
      });
    }
    assert.deepEqual(e.stats(), {
      tokenRequests: 0,
      rejectedTokenRequests: 4,
      browserTokenRequests: 0,
      authenticationFailures: 0,
    });
  });

  it('refuses other grants', async () => {
    const e = emulator();
    const missing = await tokenRequest(e, basic(e), '');
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, {
      error: 'unsupported_grant_type',
      error_description: 'Grant Type is NULL',
    });
    const other = await tokenRequest(e, basic(e), 'grant_type=password');
    assert.equal(other.body.error, 'unsupported_grant_type');
  });

  it('reuses a live token (with less time left), and issues a new one when asked or expired', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const e = emulator({now: () => clock, tokenTtlSeconds: 3600});
    const first = await tokenRequest(e, basic(e));
    assert.equal(first.body.expires_in, 3600);
    clock += 600_000;
    const again = await tokenRequest(e, basic(e));
    assert.equal(again.body.access_token, first.body.access_token);
    assert.equal(again.body.expires_in, 3000);
    const fresh = await tokenRequest(
      e,
      basic(e),
      'grant_type=client_credentials&ignoreCache=true'
    );
    assert.notEqual(fresh.body.access_token, first.body.access_token);
    assert.equal(e.stats().tokenRequests, 3);
  });

  it('answers AUTHENTICATION_FAILURE to a missing, unknown or expired token', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const e = emulator({now: () => clock, tokenTtlSeconds: 60});
    const token = (await tokenRequest(e, basic(e))).body.access_token as string;
    const get = (authorization?: string) =>
      send(e, '/v2/checkout/orders/5O190127TN364715T', {
        headers: authorization ? {Authorization: authorization} : {},
      });
    assert.equal(
      (await get(`Bearer ${token}`)).status,
      404,
      'a live token gets through'
    );
    clock += 60_000;
    for (const answer of [
      await get(`Bearer ${token}`),
      await get(),
      await get('Bearer A21AAunknown'),
      await get(basic(e)),
    ]) {
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, {
        name: 'AUTHENTICATION_FAILURE',
        message:
          'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
        links: [
          {
            href: 'https://developer.paypal.com/docs/api/overview/#error',
            rel: 'information_link',
          },
        ],
      });
      assert.match(
        answer.headers.get('Paypal-Debug-Id') ?? '',
        /^[0-9a-f]{13}$/
      );
    }
    assert.equal(e.stats().authenticationFailures, 4);
  });

  it('gives the JS SDK (client id only) a token for orders and nothing else', async () => {
    const e = emulator();
    const answer = await tokenRequest(e, `Basic ${btoa(`${e.clientId}:`)}`);
    assert.equal(answer.status, 200);
    assert.equal(e.stats().browserTokenRequests, 1);
    const headers = {
      Authorization: `Bearer ${answer.body.access_token}`,
      'Content-Type': 'application/json',
    };
    const created = await send(e, '/v2/checkout/orders', {
      headers,
      body: order(),
    });
    assert.equal(created.status, 201);
    const verify = await send(e, '/v1/notifications/verify-webhook-signature', {
      headers,
      body: {},
    });
    assert.equal(verify.status, 403);
    assert.equal(verify.body.name, 'NOT_AUTHORIZED');
  });
});

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

describe('PayPal emulator: approving and capturing', () => {
  async function approvedOrder(
    e: PaypalEmulator,
    choice?: 'approve' | 'decline' | 'pending'
  ) {
    const created = (await createOrder(e)).body;
    e.approve(created.id, choice);
    return created.id as string;
  }

  const capture = (
    e: PaypalEmulator,
    id: string,
    headers: Record<string, string> = {}
  ) => call(e, 'POST', `/v2/checkout/orders/${id}/capture`, {headers});

  it('capture before approval → 422 ORDER_NOT_APPROVED', async () => {
    const e = emulator();
    const created = (await createOrder(e)).body;
    const answer = await capture(e, created.id);
    assert.equal(answer.status, 422);
    assert.deepEqual(issues(answer), ['ORDER_NOT_APPROVED']);
  });

  it('the buyer’s approval (the approval page’s endpoint) makes it APPROVED with a payer', async () => {
    const e = emulator();
    const created = (await createOrder(e)).body;
    const answer = await send(e, `/_emulator/orders/${created.id}/approve`, {
      headers: {'Content-Type': 'application/json'},
      body: {choice: 'approve'},
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, 'APPROVED');
    const read = (await call(e, 'GET', `/v2/checkout/orders/${created.id}`))
      .body;
    assert.equal(read.status, 'APPROVED');
    assert.equal(read.payer.payer_id, answer.body.payer_id);
    assert.equal(read.payment_source.paypal.account_id, answer.body.payer_id);
    assert.deepEqual(
      read.links.map((l: {rel: string}) => l.rel),
      ['self', 'update', 'capture']
    );
  });

  it('Cancel on the approval page leaves the order CREATED', async () => {
    const e = emulator();
    const created = (await createOrder(e)).body;
    assert.equal(e.approve(created.id, 'cancel').status, 'CREATED');
  });

  it('captures: COMPLETED, one final capture with custom_id, fees, seller protection and links', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const e = emulator({now: () => clock});
    const id = await approvedOrder(e);
    clock += 5_000;
    const answer = await capture(e, id);
    assert.equal(answer.status, 201);
    assert.equal(answer.body.id, id);
    assert.equal(answer.body.status, 'COMPLETED');
    assert.equal(answer.body.payer.name.given_name, 'John');
    const captured = answer.body.purchase_units[0].payments.captures[0];
    assert.match(captured.id, /^[A-Z0-9]{17}$/);
    assert.deepEqual(
      {...captured, id: undefined, links: undefined},
      {
        id: undefined,
        status: 'COMPLETED',
        amount: usd('44.20'),
        final_capture: true,
        seller_protection: {
          status: 'ELIGIBLE',
          dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'],
        },
        seller_receivable_breakdown: {
          gross_amount: usd('44.20'),
          paypal_fee: usd('2.03'),
          net_amount: usd('42.17'),
        },
        invoice_id: 'INV-123',
        custom_id: 'order_123',
        links: undefined,
        create_time: '2026-03-01T12:00:05Z',
        update_time: '2026-03-01T12:00:05Z',
      }
    );
    assert.deepEqual(
      captured.links.map((l: {rel: string}) => l.rel),
      ['self', 'refund', 'up']
    );
    // The default (minimal) capture answer still carries what integrations read.
    assert.deepEqual(Object.keys(answer.body), [
      'id',
      'status',
      'payment_source',
      'purchase_units',
      'payer',
      'links',
    ]);
    const read = (await call(e, 'GET', `/v2/checkout/orders/${id}`)).body;
    assert.equal(read.status, 'COMPLETED');
    assert.deepEqual(read.purchase_units[0].payments.captures[0], captured);
  });

  it('a second capture → 422 ORDER_ALREADY_CAPTURED', async () => {
    const e = emulator();
    const id = await approvedOrder(e);
    assert.equal((await capture(e, id)).status, 201);
    const again = await capture(e, id);
    assert.equal(again.status, 422);
    assert.deepEqual(issues(again), ['ORDER_ALREADY_CAPTURED']);
  });

  it('Decline card → 422 INSTRUMENT_DECLINED with a redirect link; approval again → COMPLETED', async () => {
    const e = emulator();
    const id = await approvedOrder(e, 'decline');
    const declined = await capture(e, id);
    assert.equal(declined.status, 422);
    assert.deepEqual(issues(declined), ['INSTRUMENT_DECLINED']);
    assert.deepEqual(declined.body.links[1], {
      href: `http://localhost/checkoutnow?token=${id}`,
      rel: 'redirect',
      method: 'GET',
    });
    // The buyer must choose again: the order needs approval (actions.restart()).
    assert.equal(
      (await call(e, 'GET', `/v2/checkout/orders/${id}`)).body.status,
      'CREATED'
    );
    assert.deepEqual(issues(await capture(e, id)), ['ORDER_NOT_APPROVED']);
    e.approve(id);
    const paid = await capture(e, id);
    assert.equal(paid.status, 201);
    assert.equal(paid.body.status, 'COMPLETED');
  });

  it('a pending funding choice captures PENDING, without a receivable breakdown yet', async () => {
    const e = emulator();
    const id = await approvedOrder(e, 'pending');
    const answer = await capture(e, id);
    const captured = answer.body.purchase_units[0].payments.captures[0];
    assert.equal(captured.status, 'PENDING');
    assert.deepEqual(captured.status_details, {reason: 'PENDING_REVIEW'});
    assert.equal(captured.seller_receivable_breakdown, undefined);
  });

  it('captures JPY with whole-yen fees', async () => {
    const e = emulator();
    const yen = (value: string): Money => ({currency_code: 'JPY', value});
    const created = (
      await createOrder(e, {
        intent: 'CAPTURE',
        purchase_units: [{amount: yen('10000')}],
      })
    ).body;
    e.approve(created.id);
    const captured = (await capture(e, created.id)).body.purchase_units[0]
      .payments.captures[0];
    assert.deepEqual(captured.seller_receivable_breakdown, {
      gross_amount: yen('10000'),
      paypal_fee: yen('398'),
      net_amount: yen('9602'),
    });
  });

  describe('PayPal-Request-Id', () => {
    it('replays a create: HTTP 200 and the same order, in its latest status', async () => {
      const e = emulator();
      const headers = {'PayPal-Request-Id': 'create-order_123'};
      const first = await createOrder(e, order(), headers);
      assert.equal(first.status, 201);
      e.approve(first.body.id);
      const again = await createOrder(e, order(), headers);
      assert.equal(again.status, 200);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.body.status, 'APPROVED');
    });

    it('refuses the same id for a different body (PAYPAL_REQUEST_ID_PREVIOUSLY_USED)', async () => {
      const e = emulator();
      const headers = {'PayPal-Request-Id': 'create-order_123'};
      await createOrder(e, order(), headers);
      const other = await createOrder(
        e,
        orderWith('custom_id', 'order_456'),
        headers
      );
      assert.equal(other.status, 422);
      assert.deepEqual(other.body.details, [
        {
          field: 'PayPal-Request-Id',
          value: 'create-order_123',
          location: 'header',
          issue: 'PAYPAL_REQUEST_ID_PREVIOUSLY_USED',
          description:
            'The PayPal-Request-ID has already been used for another request.',
        },
      ]);
    });

    it('replays a capture: one capture, HTTP 200 the second time', async () => {
      const e = emulator();
      const id = await approvedOrder(e);
      const headers = {'PayPal-Request-Id': `capture-${id}`};
      const first = await capture(e, id, headers);
      const again = await capture(e, id, headers);
      assert.equal(first.status, 201);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, first.body);
      assert.equal(e.events.list('PAYMENT.CAPTURE.COMPLETED').length, 1);
      assert.equal(
        e.order(id)?.purchase_units?.[0]?.payments?.captures?.length,
        1
      );
    });

    it('keeps no failure: after a decline, the same id captures once the buyer approves again', async () => {
      const e = emulator();
      const id = await approvedOrder(e, 'decline');
      const headers = {'PayPal-Request-Id': `capture-${id}`};
      assert.equal((await capture(e, id, headers)).status, 422);
      e.approve(id);
      assert.equal((await capture(e, id, headers)).status, 201);
    });

    it('accepts 108 characters and refuses 109', async () => {
      const e = emulator();
      assert.equal(
        (await createOrder(e, order(), {'PayPal-Request-Id': 'r'.repeat(108)}))
          .status,
        201
      );
      const long = await createOrder(e, order(), {
        'PayPal-Request-Id': 'r'.repeat(109),
      });
      assert.equal(long.status, 400);
      assert.deepEqual(issues(long), [
        'INVALID_STRING_LENGTH PayPal-Request-Id',
      ]);
    });

    it('answers 409 PREVIOUS_REQUEST_IN_PROGRESS while the first request still runs', async () => {
      const e = emulator();
      const token = await accessToken(e);
      const headers = {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'PayPal-Request-Id': 'slow-create',
      };
      e.faults.hangNextRequests(1, 200);
      const first = send(e, '/v2/checkout/orders', {headers, body: order()});
      await e.faults.whenHanging();
      const second = await send(e, '/v2/checkout/orders', {
        headers,
        body: order(),
      });
      assert.equal(second.status, 409);
      assert.equal(second.body.name, 'RESOURCE_CONFLICT');
      assert.deepEqual(issues(second), [
        'PREVIOUS_REQUEST_IN_PROGRESS PayPal-Request-Id',
      ]);
      assert.equal((await first).status, 201);
      await e.close();
    });
  });

  describe('PayPal-Mock-Response (sandbox negative testing)', () => {
    const mock = (code: string) => ({
      'PayPal-Mock-Response': JSON.stringify({mock_application_codes: code}),
    });

    it('INSTRUMENT_DECLINED on capture, leaving the order as it was', async () => {
      const e = emulator();
      const id = await approvedOrder(e);
      const answer = await capture(e, id, mock('INSTRUMENT_DECLINED'));
      assert.equal(answer.status, 422);
      assert.deepEqual(issues(answer), ['INSTRUMENT_DECLINED']);
      assert.equal(e.order(id)?.status, 'APPROVED');
      assert.equal((await capture(e, id)).status, 201);
    });

    it('TRANSACTION_REFUSED, INTERNAL_SERVER_ERROR, MISSING_REQUIRED_PARAMETER, PERMISSION_DENIED', async () => {
      const e = emulator();
      const statuses: Record<string, [number, string]> = {};
      for (const code of [
        'TRANSACTION_REFUSED',
        'INTERNAL_SERVER_ERROR',
        'MISSING_REQUIRED_PARAMETER',
        'PERMISSION_DENIED',
      ]) {
        const answer = await createOrder(e, order(), mock(code));
        statuses[code] = [answer.status, answer.body.name];
      }
      assert.deepEqual(statuses, {
        TRANSACTION_REFUSED: [422, 'UNPROCESSABLE_ENTITY'],
        INTERNAL_SERVER_ERROR: [500, 'INTERNAL_SERVER_ERROR'],
        MISSING_REQUIRED_PARAMETER: [400, 'INVALID_REQUEST'],
        PERMISSION_DENIED: [403, 'NOT_AUTHORIZED'],
      });
    });

    it('refuses a code it does not know, rather than ignoring it', async () => {
      const answer = await createOrder(emulator(), order(), mock('NOT_A_CODE'));
      assert.equal(answer.status, 400);
      assert.deepEqual(issues(answer), [
        'INVALID_PARAMETER_VALUE PayPal-Mock-Response',
      ]);
    });
  });
});

describe('PayPal emulator: faults on API requests', () => {
  it('fails the next requests with 500 INTERNAL_SERVER_ERROR; a retry with the same PayPal-Request-Id runs', async () => {
    const e = emulator();
    await accessToken(e);
    const headers = {'PayPal-Request-Id': 'create-retry'};
    e.faults.failNextRequests(1);
    const failed = await createOrder(e, order(), headers);
    assert.equal(failed.status, 500);
    assert.equal(failed.body.name, 'INTERNAL_SERVER_ERROR');
    const retried = await createOrder(e, order(), headers);
    assert.equal(retried.status, 201);
  });

  it('fails token requests too, so a server’s token retry can be tested', async () => {
    const e = emulator();
    e.faults.failNextRequests(1);
    assert.equal((await tokenRequest(e, basic(e))).status, 500);
    assert.equal((await tokenRequest(e, basic(e))).status, 200);
  });

  it('hangs a request until close(), which ends it with a 500', async () => {
    const e = emulator();
    const token = await accessToken(e);
    e.faults.hangNextRequests(1);
    const hanging = send(e, '/v2/checkout/orders', {
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: order(),
    });
    await e.faults.whenHanging();
    assert.equal(e.faults.snapshot().hanging, 1);
    await e.close();
    assert.equal((await hanging).status, 500);
  });

  it('is armed over HTTP under /_emulator/faults, with the app’s credentials only', async () => {
    const e = emulator();
    const denied = await send(e, '/_emulator/faults/fail-requests', {
      headers: {'Content-Type': 'application/json'},
      body: {count: 2},
    });
    assert.equal(denied.status, 403);
    const armed = await send(e, '/_emulator/faults/fail-requests', {
      headers: {Authorization: basic(e), 'Content-Type': 'application/json'},
      body: {count: 2},
    });
    assert.equal(armed.status, 200);
    assert.equal(armed.body.failRequests, 2);
    // A server access token works too; the controls themselves are never faulted.
    e.faults.reset();
    const token = await accessToken(e);
    e.faults.failNextRequests(2);
    const snapshot = await send(e, '/_emulator/faults', {
      headers: {Authorization: `Bearer ${token}`},
    });
    assert.equal(snapshot.status, 200);
    assert.equal(snapshot.body.failRequests, 2);
    const reset = await send(e, '/_emulator/reset', {
      method: 'POST',
      headers: {Authorization: basic(e)},
    });
    assert.equal(reset.body.failRequests, 0);
  });
});

describe('PayPal emulator: the JS SDK script', () => {
  it('serves /sdk/js for the app’s client id, and 400 otherwise, as PayPal does', async () => {
    const e = emulator();
    const ok = await e.app.request(
      `/sdk/js?client-id=${e.clientId}&currency=EUR&components=buttons`
    );
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type') ?? '', /javascript/);
    for (const query of [
      '',
      'client-id=someone-else',
      `client-id=${e.clientId}&currency=XYZ`,
      `client-id=${e.clientId}&components=buttons,sparkles`,
      `client-id=${e.clientId}&intent=authorize`,
      `client-id=${e.clientId}&colour=blue`,
    ]) {
      const answer = await e.app.request(`/sdk/js?${query}`);
      assert.equal(answer.status, 400, query);
    }
  });
});

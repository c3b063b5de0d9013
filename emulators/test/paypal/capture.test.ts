/**
 * The PayPal emulator's buyer answers and what capture makes of them, through
 * `app.request()`: PayPal-Request-Id, Prefer, PayPal-Mock-Response.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {type PaypalEmulator} from '../../paypal/index.js';
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

/**
 * The PayPal emulator's Payments v2 refunds: `POST /v2/payments/captures/{id}/refund`,
 * `GET /v2/payments/refunds/{id}` and `GET /v2/payments/captures/{id}`, as PayPal documents
 * them (developer.paypal.com/docs/api/payments/v2/#captures_refund).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  api,
  closeAfterEach,
  paidOrder,
  setup,
  verifies,
} from './webhook-helpers.js';

closeAfterEach();

const refundPath = (captureId: string) =>
  `/v2/payments/captures/${captureId}/refund`;

const issuesOf = (body: {details?: {issue: string}[]}) =>
  (body.details ?? []).map((d) => d.issue);

describe('PayPal emulator: POST /v2/payments/captures/{id}/refund', () => {
  it('refunds part, then the rest: the refund, its links, the capture’s status, one signed webhook each', async () => {
    const {emulator, receiver} = await setup();
    const {orderId, captureId} = await paidOrder(emulator, '19.99');

    const partial = await api(
      emulator,
      refundPath(captureId),
      {
        amount: {currency_code: 'USD', value: '5.00'},
        custom_id: 'ord_1',
        note_to_payer: 'One mug was broken',
      },
      {Prefer: 'return=representation', 'PayPal-Request-Id': 'refund-1'}
    );
    assert.equal(partial.status, 201);
    assert.equal(partial.body.status, 'COMPLETED');
    assert.match(partial.body.id, /^[A-Z0-9]{17}$/);
    assert.deepEqual(partial.body.amount, {
      currency_code: 'USD',
      value: '5.00',
    });
    assert.equal(partial.body.custom_id, 'ord_1');
    assert.equal(partial.body.note_to_payer, 'One mug was broken');
    assert.deepEqual(
      partial.body.seller_payable_breakdown.total_refunded_amount,
      {currency_code: 'USD', value: '5.00'}
    );
    assert.deepEqual(
      partial.body.links.map((l: {rel: string; href: string}) => [
        l.rel,
        new URL(l.href).pathname,
      ]),
      [
        ['self', `/v2/payments/refunds/${partial.body.id}`],
        ['up', `/v2/payments/captures/${captureId}`],
      ]
    );
    const capture = await api(emulator, `/v2/payments/captures/${captureId}`);
    assert.equal(capture.status, 200);
    assert.equal(capture.body.status, 'PARTIALLY_REFUNDED');
    assert.equal(capture.body.supplementary_data.related_ids.order_id, orderId);

    // No body: what is left. The default answer is minimal: id, status, links.
    const anonymous = await fetch(`${emulator.url}${refundPath(captureId)}`, {
      method: 'POST',
    });
    assert.equal(anonymous.status, 401, 'no token, no refund');
    // The JS SDK's token (client id only) pays for orders; it refunds nothing.
    const browserToken = await fetch(`${emulator.url}/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${emulator.clientId}:`)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    }).then((r) => r.json() as Promise<{access_token: string}>);
    const fromBrowser = await fetch(`${emulator.url}${refundPath(captureId)}`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${browserToken.access_token}`},
    });
    assert.equal(fromBrowser.status, 403, 'a browser token refunds nothing');
    const full = await api(emulator, refundPath(captureId), {});
    assert.equal(full.status, 201);
    assert.deepEqual(Object.keys(full.body).sort(), ['id', 'links', 'status']);
    const read = await api(emulator, `/v2/payments/refunds/${full.body.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.amount, {currency_code: 'USD', value: '14.99'});
    assert.deepEqual(read.body.seller_payable_breakdown.total_refunded_amount, {
      currency_code: 'USD',
      value: '19.99',
    });
    assert.equal(
      (await api(emulator, `/v2/payments/captures/${captureId}`)).body.status,
      'REFUNDED'
    );

    // One event per refund, oldest first; each delivered signed as every webhook is.
    const events = emulator.events.list('PAYMENT.CAPTURE.REFUNDED');
    assert.deepEqual(
      events.map((event) => (event.resource as {id?: string}).id),
      [partial.body.id, full.body.id]
    );
    assert.equal(events[0]!.resource_type, 'refund');
    assert.equal(
      (events[0]!.resource as {custom_id?: string}).custom_id,
      'ord_1'
    );
    const deliveries = (await receiver.received(4)).filter(
      (d) => d.event.event_type === 'PAYMENT.CAPTURE.REFUNDED'
    );
    assert.equal(deliveries.length, 2);
    for (const d of deliveries)
      assert.equal(await verifies(d, emulator.webhookId), true);
  });

  it('replays a PayPal-Request-Id: the same refund, no second one', async () => {
    const {emulator, receiver} = await setup();
    const {orderId, captureId} = await paidOrder(emulator, '19.99');
    const body = {amount: {currency_code: 'USD', value: '2.50'}};
    const headers = {'PayPal-Request-Id': 'refund-twice'};
    const first = await api(emulator, refundPath(captureId), body, headers);
    const again = await api(emulator, refundPath(captureId), body, headers);
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    const other = await api(
      emulator,
      refundPath(captureId),
      {amount: {currency_code: 'USD', value: '3.00'}},
      headers
    );
    assert.equal(other.status, 422);
    assert.deepEqual(issuesOf(other.body), [
      'PAYPAL_REQUEST_ID_PREVIOUSLY_USED',
    ]);
    const capture = await api(emulator, `/v2/payments/captures/${captureId}`);
    assert.equal(capture.body.status, 'PARTIALLY_REFUNDED');
    assert.equal(
      emulator.order(orderId)?.purchase_units?.[0]?.payments?.refunds?.length,
      1
    );
    assert.equal(emulator.events.list('PAYMENT.CAPTURE.REFUNDED').length, 1);
    await receiver.received(3);
  });

  it('refuses in PayPal’s terms: too much, fully refunded, wrong currency, bad values, unknown capture', async () => {
    const {emulator} = await setup();
    const {captureId} = await paidOrder(emulator, '19.99');
    const refund = (body: unknown) =>
      api(emulator, refundPath(captureId), body);

    const tooMuch = await refund({
      amount: {currency_code: 'USD', value: '20.00'},
    });
    assert.equal(tooMuch.status, 422);
    assert.equal(tooMuch.body.name, 'UNPROCESSABLE_ENTITY');
    assert.deepEqual(issuesOf(tooMuch.body), ['REFUND_AMOUNT_EXCEEDED']);
    assert.match(tooMuch.body.debug_id, /^[0-9a-f]+$/);
    assert.equal(
      tooMuch.body.links[0].href,
      'https://developer.paypal.com/docs/api/payments/v2/#error-REFUND_AMOUNT_EXCEEDED'
    );

    const euro = await refund({amount: {currency_code: 'EUR', value: '1.00'}});
    assert.deepEqual(issuesOf(euro.body), ['REFUND_CAPTURE_CURRENCY_MISMATCH']);
    const zero = await refund({amount: {currency_code: 'USD', value: '0.00'}});
    assert.deepEqual(issuesOf(zero.body), ['CANNOT_BE_ZERO_OR_NEGATIVE']);
    const precise = await refund({
      amount: {currency_code: 'USD', value: '1.001'},
    });
    assert.deepEqual(issuesOf(precise.body), ['DECIMAL_PRECISION']);
    const syntax = await refund({
      amount: {currency_code: 'USD', value: '1,00'},
    });
    assert.equal(syntax.status, 400);
    assert.deepEqual(issuesOf(syntax.body), ['INVALID_PARAMETER_SYNTAX']);
    const long = await refund({note_to_payer: 'x'.repeat(256)});
    assert.deepEqual(issuesOf(long.body), ['INVALID_STRING_LENGTH']);

    assert.equal((await refund({invoice_id: 'R-1'})).status, 201);
    const full = await refund({});
    assert.equal(full.status, 422);
    assert.deepEqual(issuesOf(full.body), ['CAPTURE_FULLY_REFUNDED']);

    const unknown = await api(emulator, refundPath('0000000000000000X'), {});
    assert.equal(unknown.status, 404);
    assert.deepEqual(issuesOf(unknown.body), ['INVALID_RESOURCE_ID']);
    const noRefund = await api(emulator, '/v2/payments/refunds/NOPE');
    assert.equal(noRefund.status, 404);
  });

  it('a second refund with an invoice id already used is DUPLICATE_INVOICE_ID', async () => {
    const {emulator} = await setup();
    const {captureId} = await paidOrder(emulator, '19.99');
    const body = {
      amount: {currency_code: 'USD', value: '1.00'},
      invoice_id: 'R-7',
    };
    assert.equal(
      (await api(emulator, refundPath(captureId), body)).status,
      201
    );
    const again = await api(emulator, refundPath(captureId), body);
    assert.equal(again.status, 422);
    assert.deepEqual(issuesOf(again.body), ['DUPLICATE_INVOICE_ID']);
  });
});

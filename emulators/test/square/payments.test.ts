/**
 * The Square emulator's Payments API, driven through the official `square` SDK (v46) where it has
 * the call, and raw HTTP where the SDK cannot send the mistake (auth, wrong types).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  closeAfterEach,
  unserved,
  key,
  money,
  paid,
  raw,
  setup,
  squareError,
} from './helpers.js';

closeAfterEach();

describe('Square emulator: CreatePayment through the SDK', () => {
  it('charges a sandbox token COMPLETED/CAPTURED by default, with Square’s fields', async () => {
    const {emulator, client} = await setup();
    const {payment} = await client.payments.create({
      sourceId: 'cnon:card-nonce-ok',
      idempotencyKey: key(),
      amountMoney: money(1234),
      referenceId: 'order_42',
      locationId: emulator.locations.USD,
      buyerEmailAddress: 'buyer@example.com',
      note: 'pay-checkout order_42',
    });
    assert.ok(payment);
    assert.match(payment.id!, /^[A-Za-z0-9]{29}$/);
    assert.equal(payment.status, 'COMPLETED');
    assert.equal(payment.sourceType, 'CARD');
    assert.deepEqual(payment.amountMoney, {amount: 1234n, currency: 'USD'});
    assert.deepEqual(payment.totalMoney, {amount: 1234n, currency: 'USD'});
    assert.deepEqual(payment.approvedMoney, {amount: 1234n, currency: 'USD'});
    assert.equal(payment.referenceId, 'order_42');
    assert.equal(payment.locationId, emulator.locations.USD);
    assert.equal(payment.buyerEmailAddress, 'buyer@example.com');
    assert.equal(payment.cardDetails?.status, 'CAPTURED');
    assert.equal(payment.cardDetails?.card?.cardBrand, 'VISA');
    assert.equal(payment.cardDetails?.card?.last4, '1111');
    assert.equal(payment.cardDetails?.cvvStatus, 'CVV_ACCEPTED');
    assert.equal(payment.cardDetails?.avsStatus, 'AVS_ACCEPTED');
    assert.ok(payment.cardDetails?.cardPaymentTimeline?.capturedAt);
    assert.equal(payment.receiptNumber, payment.id!.slice(0, 4));
    assert.equal(payment.delayAction, 'CANCEL');
    assert.equal(payment.delayDuration, 'PT168H');
    assert.ok(payment.versionToken && payment.updatedAt && payment.createdAt);
    assert.ok(payment.orderId, 'Square creates an order for every payment');

    const read = await client.payments.get({paymentId: payment.id!});
    assert.deepEqual(read.payment, payment);
  });

  it('uses the main location (the first) when the request names none, and refuses an unknown one', async () => {
    const {emulator, client} = await setup({
      locations: {EUR: 'LEUR0000000001', USD: 'LUSD0000000001'},
    });
    const payment = await paid(client, 500, {amountMoney: money(500, 'EUR')});
    assert.equal(payment.locationId, 'LEUR0000000001');
    const error = await squareError(
      client.payments.create({
        sourceId: 'cnon:card-nonce-ok',
        idempotencyKey: key(),
        amountMoney: money(500, 'EUR'),
        locationId: 'LNOPE',
      })
    );
    assert.equal(error.statusCode, 404);
    assert.equal(error.errors[0]?.code, 'NOT_FOUND');
    assert.equal(error.errors[0]?.field, 'location_id');
    assert.deepEqual(Object.keys(emulator.locations), ['EUR', 'USD']);
  });

  it('refuses a currency the location does not take', async () => {
    const {emulator, client} = await setup();
    const error = await squareError(
      client.payments.create({
        sourceId: 'cnon:card-nonce-ok',
        idempotencyKey: key(),
        amountMoney: money(500, 'GBP'),
        locationId: emulator.locations.USD,
      })
    );
    assert.equal(error.statusCode, 400);
    assert.equal(error.errors[0]?.category, 'INVALID_REQUEST_ERROR');
    assert.equal(error.errors[0]?.field, 'amount_money.currency');
    assert.match(
      error.errors[0]?.detail ?? '',
      /can only process payments in USD, but amount was provided in GBP/
    );
  });

  it('refuses amounts under the country’s minimum (1 in the US, 100 in Japan and the UK)', async () => {
    const {emulator, client} = await setup();
    for (const [amount, currency] of [
      [0, 'USD'],
      [99, 'GBP'],
      [99, 'JPY'],
    ] as const) {
      const error = await squareError(
        client.payments.create({
          sourceId: 'cnon:card-nonce-ok',
          idempotencyKey: key(),
          amountMoney: money(amount, currency),
          locationId: emulator.locations[currency],
        })
      );
      assert.equal(
        error.errors[0]?.code,
        'VALUE_TOO_LOW',
        `${amount} ${currency}`
      );
    }
    assert.equal(
      (
        await paid(client, 100, {
          amountMoney: money(100, 'JPY'),
          locationId: emulator.locations.JPY,
        })
      ).status,
      'COMPLETED'
    );
  });

  it('adds tip_money into total_money', async () => {
    const {client} = await setup();
    const payment = await paid(client, 1000, {tipMoney: money(150)});
    assert.deepEqual(payment.totalMoney, {amount: 1150n, currency: 'USD'});
  });
});

describe('Square emulator: delayed capture (autocomplete false)', () => {
  it('holds the payment APPROVED/AUTHORIZED, then completes it', async () => {
    const {client} = await setup();
    const created = await paid(client, 700, {autocomplete: false});
    assert.equal(created.status, 'APPROVED');
    assert.equal(created.cardDetails?.status, 'AUTHORIZED');
    assert.equal(created.receiptNumber, undefined);
    const {payment} = await client.payments.complete({
      paymentId: created.id!,
      versionToken: created.versionToken,
    });
    assert.equal(payment?.status, 'COMPLETED');
    assert.equal(payment?.cardDetails?.status, 'CAPTURED');
    assert.notEqual(
      payment?.versionToken,
      created.versionToken,
      'every change is a new version'
    );
    assert.ok(payment!.updatedAt! >= created.updatedAt!);
  });

  it('cancels an APPROVED payment (CANCELED/VOIDED) and refuses to cancel a completed one', async () => {
    const {client} = await setup();
    const held = await paid(client, 700, {autocomplete: false});
    const {payment} = await client.payments.cancel({paymentId: held.id!});
    assert.equal(payment?.status, 'CANCELED');
    assert.equal(payment?.cardDetails?.status, 'VOIDED');
    assert.ok(payment?.cardDetails?.cardPaymentTimeline?.voidedAt);
    const done = await paid(client);
    const error = await squareError(
      client.payments.cancel({paymentId: done.id!})
    );
    assert.equal(error.statusCode, 400);
    assert.equal(
      (await client.payments.get({paymentId: done.id!})).payment?.status,
      'COMPLETED'
    );
  });

  it('refuses a stale version_token on complete (VERSION_MISMATCH)', async () => {
    const {client} = await setup();
    const held = await paid(client, 700, {autocomplete: false});
    const error = await squareError(
      client.payments.complete({paymentId: held.id!, versionToken: 'stale'})
    );
    assert.equal(error.errors[0]?.code, 'VERSION_MISMATCH');
    assert.equal(
      (await client.payments.get({paymentId: held.id!})).payment?.status,
      'APPROVED'
    );
  });

  it('applies delay_action once delay_duration has passed, on the emulator’s clock', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const {emulator, client} = await setup({now: () => now});
    const cancel = await paid(client, 700, {
      autocomplete: false,
      delayDuration: 'PT1H',
    });
    const complete = await paid(client, 800, {
      autocomplete: false,
      delayDuration: 'PT2H',
      delayAction: 'COMPLETE',
    });
    assert.equal(cancel.delayedUntil, '2026-12-01T11:00:00.000Z');
    now += 2 * 3600 * 1000 + 1;
    assert.equal(
      (await client.payments.get({paymentId: cancel.id!})).payment?.status,
      'CANCELED'
    );
    assert.equal(
      (await client.payments.get({paymentId: complete.id!})).payment?.status,
      'COMPLETED'
    );
    assert.equal(
      emulator.events
        .list('payment.updated')
        .filter((e) => e.data.id === cancel.id).length,
      1
    );
  });

  it('refuses delay_duration with autocomplete, and one over 7 days', async () => {
    const {client} = await setup();
    const conflicting = await squareError(
      client.payments.create({
        sourceId: 'cnon:card-nonce-ok',
        idempotencyKey: key(),
        amountMoney: money(100),
        delayDuration: 'PT1H',
      })
    );
    assert.equal(conflicting.errors[0]?.code, 'CONFLICTING_PARAMETERS');
    const long = await squareError(
      client.payments.create({
        sourceId: 'cnon:card-nonce-ok',
        idempotencyKey: key(),
        amountMoney: money(100),
        autocomplete: false,
        delayDuration: 'P8D',
      })
    );
    assert.equal(long.errors[0]?.code, 'VALUE_TOO_HIGH');
  });
});

describe('Square emulator: CancelPaymentByIdempotencyKey', () => {
  it('voids the payment the key made, and succeeds when no payment has it', async () => {
    const {client} = await setup();
    const idempotencyKey = key();
    const held = await paid(client, 900, {autocomplete: false, idempotencyKey});
    await client.payments.cancelByIdempotencyKey({idempotencyKey});
    assert.equal(
      (await client.payments.get({paymentId: held.id!})).payment?.status,
      'CANCELED'
    );
    await client.payments.cancelByIdempotencyKey({
      idempotencyKey: 'never-used',
    });
  });
});

describe('Square emulator: ListPayments', () => {
  it('lists newest first, filters by location, and pages with a cursor the SDK follows', async () => {
    const {emulator, client} = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await paid(client, 100 + i)).id!);
    await paid(client, 500, {
      amountMoney: money(500, 'EUR'),
      locationId: emulator.locations.EUR,
    });
    const page = await client.payments.list({
      locationId: emulator.locations.USD,
      limit: 2,
    });
    const seen: string[] = [];
    for await (const payment of page) seen.push(payment.id!);
    assert.deepEqual(seen, [...ids].reverse());
    const asc = await client.payments.list({
      locationId: emulator.locations.USD,
      sortOrder: 'ASC',
    });
    assert.deepEqual(
      asc.data.map((p) => p.id),
      ids
    );
  });
});

describe('Square emulator: idempotency keys', () => {
  it('answers a retry with the first answer and charges once', async () => {
    const {emulator, client} = await setup();
    const request = {
      sourceId: 'cnon:card-nonce-ok',
      idempotencyKey: key(),
      amountMoney: money(2500),
      referenceId: 'o1',
    };
    const first = await client.payments.create(request);
    const second = await client.payments.create(request);
    assert.deepEqual(second, first);
    assert.equal(emulator.events.list('payment.created').length, 1);
  });

  it('refuses the same key with another request: IDEMPOTENCY_KEY_REUSED', async () => {
    const {client} = await setup();
    const idempotencyKey = key();
    await paid(client, 2500, {idempotencyKey});
    const error = await squareError(
      client.payments.create({
        sourceId: 'cnon:card-nonce-ok',
        idempotencyKey,
        amountMoney: money(2600),
      })
    );
    assert.equal(error.statusCode, 400);
    assert.deepEqual(
      error.errors.map((e) => [e.category, e.code, e.field]),
      [['INVALID_REQUEST_ERROR', 'IDEMPOTENCY_KEY_REUSED', 'idempotency_key']]
    );
  });

  it('keeps a decline under its key (the retry is the same FAILED payment), but not a refusal', async () => {
    const {emulator, client} = await setup();
    const declined = {
      sourceId: 'cnon:card-nonce-declined',
      idempotencyKey: key(),
      amountMoney: money(100),
    };
    const a = await squareError(client.payments.create(declined));
    const b = await squareError(client.payments.create(declined));
    assert.deepEqual(b.body, a.body);
    assert.equal(emulator.events.list('payment.created').length, 1);
    const refusedKey = key();
    await squareError(
      client.payments.create({
        sourceId: 'cnon:card-nonce-ok',
        idempotencyKey: refusedKey,
        amountMoney: money(100, 'GBP'),
      })
    );
    assert.equal(
      (await paid(client, 100, {idempotencyKey: refusedKey})).status,
      'COMPLETED'
    );
  });

  it('survives an injected 500: the retry with the same key charges once', async () => {
    const {emulator, client} = await setup();
    emulator.faults.failNextRequests(1);
    const request = {
      sourceId: 'cnon:card-nonce-ok',
      idempotencyKey: key(),
      amountMoney: money(999),
    };
    const failed = await squareError(client.payments.create(request));
    assert.equal(failed.statusCode, 500);
    assert.equal(failed.errors[0]?.category, 'API_ERROR');
    assert.equal(failed.errors[0]?.code, 'INTERNAL_SERVER_ERROR');
    const {payment} = await client.payments.create(request);
    assert.equal(payment?.status, 'COMPLETED');
    assert.equal(emulator.events.list('payment.created').length, 1);
  });

  it('lets the SDK’s own retries through a fault to one payment', async () => {
    const {emulator} = await setup();
    const {SquareClient} = await import('square');
    const retrying = new SquareClient({
      token: emulator.accessToken,
      baseUrl: emulator.url,
      maxRetries: 2,
    });
    emulator.faults.failNextRequests(1);
    const {payment} = await retrying.payments.create({
      sourceId: 'cnon:card-nonce-ok',
      idempotencyKey: key(),
      amountMoney: money(321),
    });
    assert.equal(payment?.status, 'COMPLETED');
    assert.equal(emulator.events.list('payment.created').length, 1);
  });
});

describe('Square emulator: without a socket', () => {
  it('answers the SDK through app.request() (the SDK’s fetch option)', async () => {
    const {emulator, client} = unserved();
    const payment = await paid(client, 4200);
    assert.equal(payment.status, 'COMPLETED');
    assert.equal(emulator.payment(payment.id!)?.total_money.amount, 4200);
    await emulator.close();
  });
});

describe('Square emulator: hanging requests', () => {
  it('hangs a request until its time is up, then runs it once', async () => {
    const {emulator, client} = await setup();
    emulator.faults.hangNextRequests(1, 200);
    const started = Date.now();
    const creating = paid(client, 1500);
    await emulator.faults.whenHanging(1);
    assert.equal(emulator.faults.snapshot().hanging, 1);
    const payment = await creating;
    assert.ok(Date.now() - started >= 190);
    assert.equal(payment.status, 'COMPLETED');
  });

  it('answers 500 to a request still hanging when the emulator closes', async () => {
    // Without a socket: closing a served emulator also cuts its connections.
    const {emulator, client} = unserved();
    emulator.faults.hangNextRequests(1);
    const creating = squareError(paid(client, 1500));
    await emulator.faults.whenHanging(1);
    await emulator.close();
    const error = await creating;
    assert.equal(error.statusCode, 500);
    assert.equal(error.errors[0]?.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(emulator.events.list().length, 0);
  });
});

describe('Square emulator: auth and request errors (raw HTTP)', () => {
  it('answers 401 AUTHENTICATION_ERROR/UNAUTHORIZED without or with a wrong bearer token', async () => {
    const {emulator} = await setup();
    for (const headers of [
      {Authorization: ''},
      {Authorization: 'Bearer wrong'},
      {Authorization: `Basic ${emulator.accessToken}`},
    ]) {
      const answer = await raw(emulator, '/v2/payments', {body: {}, headers});
      assert.equal(answer.status, 401);
      assert.equal(answer.body.errors[0].category, 'AUTHENTICATION_ERROR');
      assert.equal(answer.body.errors[0].code, 'UNAUTHORIZED');
    }
    const {client} = await setup();
    const {SquareClient} = await import('square');
    const stranger = new SquareClient({
      token: 'EAAAother',
      baseUrl: emulator.url,
      maxRetries: 0,
    });
    assert.equal(
      (await squareError(stranger.payments.get({paymentId: 'x'}))).statusCode,
      401
    );
    void client;
  });

  it('accepts any Square-Version', async () => {
    const {emulator} = await setup();
    for (const version of ['2026-09-16', '2020-01-22']) {
      const answer = await raw(emulator, '/v2/payments', {
        headers: {'Square-Version': version},
      });
      assert.equal(answer.status, 200);
    }
  });

  it('lists every schema problem at once, with Square’s codes and fields', async () => {
    const {emulator} = await setup();
    const answer = await raw(emulator, '/v2/payments', {
      body: {
        idempotency_key: 'x'.repeat(46),
        reference_id: 'r'.repeat(41),
        amount_money: {amount: '100', currency: 'USD'},
      },
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(
      answer.body.errors.map((e: {code: string; field: string}) => [
        e.code,
        e.field,
      ]),
      [
        ['MISSING_REQUIRED_PARAMETER', 'source_id'],
        ['VALUE_TOO_LONG', 'idempotency_key'],
        ['EXPECTED_INTEGER', 'amount_money.amount'],
        ['VALUE_TOO_LONG', 'reference_id'],
      ]
    );
    for (const error of answer.body.errors)
      assert.equal(error.category, 'INVALID_REQUEST_ERROR');
  });

  it('takes idempotency keys of 1 to 45 characters and reference ids up to 40', async () => {
    const {emulator} = await setup();
    const ok = await raw(emulator, '/v2/payments', {
      body: {
        source_id: 'cnon:card-nonce-ok',
        idempotency_key: 'k'.repeat(45),
        reference_id: 'r'.repeat(40),
        amount_money: {amount: 100, currency: 'USD'},
      },
    });
    assert.equal(ok.status, 200);
    const empty = await raw(emulator, '/v2/payments', {
      body: {
        source_id: 'cnon:card-nonce-ok',
        idempotency_key: '',
        amount_money: {amount: 100, currency: 'USD'},
      },
    });
    assert.equal(empty.body.errors[0].field, 'idempotency_key');
    const noAmount = await raw(emulator, '/v2/payments', {
      body: {source_id: 'cnon:card-nonce-ok', idempotency_key: 'k2'},
    });
    assert.deepEqual(
      [noAmount.body.errors[0].code, noAmount.body.errors[0].field],
      ['MISSING_REQUIRED_PARAMETER', 'amount_money']
    );
  });

  it('refuses a body that is not JSON, and answers 404 NOT_FOUND for an unknown payment', async () => {
    const {emulator, client} = await setup();
    const broken = await raw(emulator, '/v2/payments', {text: '{"source_id":'});
    assert.equal(broken.status, 400);
    assert.equal(broken.body.errors[0].code, 'EXPECTED_JSON_BODY');
    const missing = await squareError(client.payments.get({paymentId: 'nope'}));
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.errors[0]?.code, 'NOT_FOUND');
  });
});

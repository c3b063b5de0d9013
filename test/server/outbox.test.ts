/**
 * After the payment: the confirmation email (over real SMTP), the refund notice, the merchant's
 * signed webhook, retries, and reconciliation of a missed webhook.
 */
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createServer, type IncomingMessage} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {composeOrderEmail} from '../../server/notify/email.js';
import {folderMailer, smtpMailer} from '../../server/notify/mailers.js';
import {
  merchantWebhook,
  signPayload,
} from '../../server/notify/merchant-webhook.js';
import type {Order} from '../../server/orders/order.js';
import {eventsForChange} from '../../server/outbox/jobs.js';
import {
  deliverStripe,
  intentObject,
  makeServer,
  seedOrder,
  stripeEvent,
} from './helpers.js';
import {startSmtpServer} from './smtp.js';

const order = (fields: Partial<Order> = {}): Order => ({
  id: 'ord_M',
  status: 'paid',
  provider: 'stripe',
  currency: 'usd',
  subtotal: 6450,
  total: 6450,
  discount: 0,
  shipping: 0,
  tax: 0,
  taxInclusive: false,
  lines: [
    {
      sku: 'tee-black-m',
      name: 'Black tee, size M',
      unitAmount: 2500,
      quantity: 2,
      amount: 5000,
      discount: 0,
      tax: 0,
      shippable: true,
    },
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
  amountRefunded: 0,
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
  ...fields,
});

const succeeded = (orderId: string, intentId: string, amount = 5000) =>
  intentObject(orderId, intentId, {
    status: 'succeeded',
    amount_received: amount,
  });

describe('order events', () => {
  it('raises order.paid once, when money is first received, and order.refunded per new refunded total', () => {
    assert.deepEqual(eventsForChange(order({status: 'pending'}), order()), [
      {event: 'order.paid', key: 'order.paid'},
    ]);
    assert.deepEqual(eventsForChange(order(), order()), []);
    assert.deepEqual(
      eventsForChange(
        order(),
        order({status: 'partially_refunded', amountRefunded: 500})
      ),
      [{event: 'order.refunded', key: 'order.refunded:500'}]
    );
    assert.deepEqual(
      eventsForChange(
        order({status: 'pending'}),
        order({status: 'needs_review'})
      ),
      []
    );
    assert.deepEqual(
      eventsForChange(order({status: 'pending'}), order({status: 'failed'})),
      []
    );
  });
});

describe('the confirmation email', () => {
  it('has the order id, the lines and the total, as text and HTML', () => {
    const email = composeOrderEmail('order.paid', order(), {
      shopName: 'Field Supply Co.',
      messageId: '<m1@x>',
    })!;
    assert.equal(email.to, 'buyer@example.com');
    assert.equal(
      email.subject,
      'Field Supply Co.: your order ord_M is confirmed'
    );
    for (const part of [email.text, email.html]) {
      assert.match(part, /ord_M/);
      assert.match(part, /Black tee, size M × 2/);
      assert.match(part, /\$50\.00/);
      assert.match(part, /\$64\.50/);
    }
  });

  it('is written in the buyer’s locale and the order’s currency', () => {
    const email = composeOrderEmail(
      'order.paid',
      order({currency: 'jpy', total: 9800, locale: 'fr'}),
      {
        shopName: 'Boutique',
        messageId: '<m2@x>',
      }
    )!;
    assert.match(email.subject, /votre commande ord_M est confirmée/);
    assert.match(email.text, /Total\s?: 9\s800\s(JPY|¥)/);
    assert.match(email.html, /lang="fr"/);
  });

  it('escapes what the catalog says in HTML', () => {
    const email = composeOrderEmail(
      'order.paid',
      order({
        lines: [
          {
            sku: 'x',
            name: '<script>alert(1)</script>',
            unitAmount: 1,
            quantity: 1,
            amount: 1,
            discount: 0,
            tax: 0,
            shippable: true,
          },
        ],
      }),
      {shopName: 'S', messageId: '<m@x>'}
    )!;
    assert.doesNotMatch(email.html, /<script>/);
  });

  it('is not composed when the buyer left no address', () => {
    assert.equal(
      composeOrderEmail('order.paid', order({email: undefined}), {
        shopName: 'S',
        messageId: '<m@x>',
      }),
      undefined
    );
  });
});

describe('emails over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  before(async () => {
    smtp = await startSmtpServer();
  });
  after(() => smtp.close());

  it('sends exactly one confirmation when the webhook is delivered many times, concurrently', async () => {
    const server = await makeServer({
      mailer: smtpMailer(smtp.url, 'Shop <orders@shop.example>'),
      shopName: 'Shop',
    });
    await seedOrder(
      server.store,
      'ord_E',
      'pi_E',
      5000,
      'usd',
      'ana@example.com'
    );
    const before = smtp.received.length;
    const payload = stripeEvent(
      'payment_intent.succeeded',
      succeeded('ord_E', 'pi_E')
    );
    const other = stripeEvent(
      'payment_intent.succeeded',
      succeeded('ord_E', 'pi_E')
    );
    await Promise.all([
      deliverStripe(server.app, payload),
      deliverStripe(server.app, payload),
      deliverStripe(server.app, other),
    ]);
    await deliverStripe(server.app, payload);
    await server.outbox.idle();
    const mine = smtp.received
      .slice(before)
      .filter((m) => m.to.includes('ana@example.com'));
    assert.equal(mine.length, 1);
    assert.match(mine[0].raw, /Subject: Shop: your order ord_E is confirmed/);
    assert.match(mine[0].raw, /Content-Type: text\/html/);
    assert.match(mine[0].raw, /Content-Type: text\/plain/);
    await server.close();
  });

  it('retries a failed send later and never rolls back paid, then sends the refund notice', async () => {
    let clock = Date.now();
    let refuse = true;
    const real = smtpMailer(smtp.url, 'Shop <orders@shop.example>');
    const server = await makeServer({
      now: () => new Date(clock),
      mailer: {
        async send(message) {
          if (refuse) throw new Error('connect ECONNREFUSED');
          await real.send(message);
        },
      },
    });
    await seedOrder(
      server.store,
      'ord_R',
      'pi_R',
      5000,
      'usd',
      'bo@example.com'
    );
    await deliverStripe(
      server.app,
      stripeEvent('payment_intent.succeeded', succeeded('ord_R', 'pi_R'))
    );
    await server.outbox.idle();
    assert.equal((await server.store.get('ord_R'))?.status, 'paid');
    const [job] = (await server.store.jobs('ord_R')).filter(
      (j) => j.channel === 'email'
    );
    assert.deepEqual([job.attempts, job.doneAt], [1, undefined]);

    refuse = false;
    clock += 6_000;
    await server.outbox.run();
    const toBo = () =>
      smtp.received.filter((m) => m.to.includes('bo@example.com'));
    assert.equal(toBo().length, 1);

    const refund = {
      id: 'ch_R',
      object: 'charge',
      amount: 5000,
      amount_refunded: 2000,
      currency: 'usd',
      payment_intent: 'pi_R',
    };
    await deliverStripe(server.app, stripeEvent('charge.refunded', refund));
    await server.outbox.idle();
    assert.equal(toBo().length, 2);
    assert.match(toBo()[1].raw, /refund for order ord_R/);
    assert.match(toBo()[1].raw, /\$20\.00/);
    await server.close();
  });
});

describe('the development outbox folder', () => {
  it('keeps every email as an .eml file, listed newest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pay-checkout-mail-'));
    const mailer = folderMailer(dir, 'Shop <orders@localhost>');
    const email = composeOrderEmail('order.paid', order(), {
      shopName: 'Shop',
      messageId: '<job_1@pay-checkout>',
    })!;
    await mailer.send(email);
    await mailer.send(email); // a resend of the same job overwrites, it does not duplicate
    const listed = await mailer.list();
    assert.equal(listed.length, 1);
    assert.equal(listed[0].to, 'buyer@example.com');
    assert.match(listed[0].subject, /your order ord_M is confirmed/);
  });
});

describe('the merchant’s order webhook', () => {
  let received: {headers: IncomingMessage['headers']; body: string}[];
  let answer = 200;
  let url: string;
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({headers: req.headers, body});
      res.statusCode = answer;
      res.end();
    });
  });
  before(async () => {
    received = [];
    await new Promise<void>((resolve) =>
      receiver.listen(0, '127.0.0.1', resolve)
    );
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/orders`;
  });
  after(() => new Promise((resolve) => receiver.close(resolve)));

  const secret = 'merchant_secret_0123456789abcdef';

  it('is signed, carries an idempotency key, and is retried until accepted, then never sent again', async () => {
    let clock = Date.now();
    const server = await makeServer({
      now: () => new Date(clock),
      orderWebhook: {url, secret},
    });
    await seedOrder(server.store, 'ord_W', 'pi_W');
    answer = 500;
    await deliverStripe(
      server.app,
      stripeEvent('payment_intent.succeeded', succeeded('ord_W', 'pi_W'))
    );
    await server.outbox.idle();
    assert.equal(received.length, 1);

    answer = 200;
    clock += 6_000;
    await server.outbox.run();
    assert.equal(received.length, 2);
    clock += 3_600_000;
    await server.outbox.run();
    assert.equal(received.length, 2, 'an accepted event is not sent again');

    const [first, second] = received;
    assert.equal(
      first.headers['idempotency-key'],
      second.headers['idempotency-key'],
      'the same event both times'
    );
    const event = JSON.parse(second.body);
    assert.equal(event.id, second.headers['idempotency-key']);
    assert.equal(event.type, 'order.paid');
    assert.deepEqual(
      [event.data.order.id, event.data.order.status, event.data.order.total],
      ['ord_W', 'paid', 5000]
    );

    // The receiver verifies like a Stripe webhook: HMAC-SHA256 over "<t>.<body>".
    const header = second.headers['pay-checkout-signature'] as string;
    const t = Number(/t=(\d+)/.exec(header)![1]);
    assert.equal(header, signPayload(second.body, secret, t));
    assert.notEqual(header, signPayload(second.body, 'another secret', t));
    assert.notEqual(
      first.headers['pay-checkout-signature'],
      header,
      'each attempt is signed afresh'
    );
    await server.close();
  });

  it('carries the order’s pricing, as charged, and where it ships', async () => {
    const bodies: string[] = [];
    const send = merchantWebhook({
      url: 'https://merchant.example/orders',
      secret,
      now: () => new Date('2026-12-01T12:00:00Z'),
      fetch: async (_url, init) => {
        bodies.push(String(init?.body));
        return new Response(null, {status: 204});
      },
    });
    const shippingAddress = {
      name: 'Kim Berg',
      line1: 'Hauptstraße 5',
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
    };
    const billingAddress = {country: 'DE', name: 'Kim Berg GmbH'};
    const priced = order({
      currency: 'eur',
      subtotal: 6450,
      discount: 645,
      shipping: 1490,
      tax: 1164,
      taxInclusive: true,
      total: 7295,
      discountCode: 'WELCOME10',
      shippingRate: {id: 'express', name: 'Express', amount: 1490},
      shippingAddress,
      billingAddress,
      paidAt: '2026-12-01T11:59:00.000Z',
    });
    await send(
      {
        id: 'job_1',
        orderId: 'ord_M',
        kind: 'webhook:order.paid',
        channel: 'webhook',
        event: 'order.paid',
        attempts: 0,
        nextAttemptAt: '',
        createdAt: '',
      },
      priced
    );
    const {data} = JSON.parse(bodies[0]);
    assert.deepEqual(data.order, {
      id: 'ord_M',
      status: 'paid',
      currency: 'eur',
      lines: priced.lines,
      subtotal: 6450,
      discount: 645,
      shipping: 1490,
      tax: 1164,
      taxInclusive: true,
      total: 7295,
      discountCode: 'WELCOME10',
      shippingRate: {id: 'express', name: 'Express', amount: 1490},
      shippingAddress,
      billingAddress,
      provider: 'stripe',
      email: 'buyer@example.com',
      amountRefunded: 0,
      paidAt: '2026-12-01T11:59:00.000Z',
    });

    // An order with nothing to ship has the same fields, null.
    await send(
      {
        id: 'job_2',
        orderId: 'ord_M',
        kind: 'webhook:order.paid',
        channel: 'webhook',
        event: 'order.paid',
        attempts: 0,
        nextAttemptAt: '',
        createdAt: '',
      },
      order()
    );
    const plain = JSON.parse(bodies[1]).data.order;
    assert.deepEqual(
      [
        plain.discountCode,
        plain.shippingRate,
        plain.shippingAddress,
        plain.billingAddress,
      ],
      [null, null, null, null]
    );
  });
});

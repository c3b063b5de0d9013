/**
 * The admin area, the refund API and the merchant email as a hostile stranger meets them:
 * odd sign-in bodies and too many tries, hostile query strings, an order whose buyer fields
 * are markup or formulas, forged actions, tampered refund forms and bodies. Never a 5xx, never
 * a stack or an error line in the log, markup escaped, nothing done on a refusal.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import pino from 'pino';
import {ORDER_COLUMNS, csvRow, orderRow} from '../../server/admin/csv.js';
import {dashboardUrl, parseDecimal} from '../../server/admin/format.js';
import {composeMerchantEmail} from '../../server/notify/merchant-email.js';
import {
  AdminClient,
  ORIGIN,
  TOKEN,
  adminServer,
  auditActions,
  orderAt,
} from './admin-helpers.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = `"'><img src=x onerror=alert(2)>`;
const RTL = '\u202Egnp.exe';
const FORMULA = '=HYPERLINK("https://evil.example","click")';

/** A logger that keeps its lines, to show no stack or error was logged. */
function collectingLogger() {
  const lines: string[] = [];
  const logger = pino({level: 'debug'}, {write: (line) => lines.push(line)});
  return {logger, lines};
}

function assertQuietLog(lines: string[]) {
  for (const line of lines) {
    assert.doesNotMatch(line, /"stack"|\bat .+:\d+:\d+/, line);
    assert.ok(JSON.parse(line).level < 50, `an error was logged: ${line}`);
  }
}

async function hostileServer() {
  const {logger, lines} = collectingLogger();
  const server = await adminServer({
    admin: {token: TOKEN, loginAttempts: 5},
    logger,
  });
  return {server, lines};
}

/** A paid order whose buyer fields are markup, a formula and an RTL override. */
async function hostileOrder(server: Awaited<ReturnType<typeof adminServer>>) {
  await orderAt(server, 'ord_evil', '2026-11-02T10:00:00.000Z', {
    email: `${SCRIPT}@example.com`,
    status: 'paid',
  });
  await server.store.update('ord_evil', () => ({
    shippingAddress: {
      country: 'US',
      name: `${FORMULA}${RTL}`,
      line1: IMG,
      line2: SCRIPT,
      city: `+cmd|' /C calc'!A0`,
    },
  }));
  return (await server.store.get('ord_evil'))!;
}

/** No raw markup from the order, and its escaped form where the field is shown. */
function assertEscaped(text: string) {
  assert.ok(!text.includes(SCRIPT), 'a raw <script>');
  assert.ok(!text.includes('<img src=x'), 'a raw <img>');
  assert.doesNotMatch(text, /onerror=alert\(2\)>/);
}

describe('the admin area against hostile input', () => {
  it('sign-in: odd bodies are refused with a page, never a 5xx; too many tries → 429', async () => {
    const {server, lines} = await hostileServer();
    try {
      const client = new AdminClient(server.app);
      const attempt = (body: BodyInit | undefined, type?: string) =>
        server.app.request('/admin/login', {
          method: 'POST',
          headers: {
            origin: ORIGIN,
            'sec-fetch-site': 'same-origin',
            ...(type && {'content-type': type}),
          },
          body,
        });
      const tries: [BodyInit | undefined, string | undefined, number][] = [
        ['', 'application/x-www-form-urlencoded', 401],
        [
          'secret=%F0%9F%92%B3%E2%80%AE%00',
          'application/x-www-form-urlencoded',
          401,
        ],
        [JSON.stringify({secret: TOKEN}), 'application/json', 401],
        [`secret=${TOKEN}`, 'text/plain', 401],
      ];
      for (const [body, type, status] of tries) {
        const res = await attempt(body, type);
        assert.equal(res.status, status, `${type}: ${String(body)}`);
        assert.match(await res.text(), /not the admin token or password/);
      }
      // 100 KB: refused for its size before it is read.
      const big = await attempt(
        `secret=${'a'.repeat(100 * 1024)}`,
        'application/x-www-form-urlencoded'
      );
      assert.equal(big.status, 413);
      assert.doesNotMatch(await big.text(), /\bat .+:\d+:\d+/);
      // A broken multipart body: a refusal, not a 500.
      const broken = await attempt(
        '--x\r\nContent-Disposition: form-data; name="secret"\r\n\r\nabc',
        'multipart/form-data; boundary=y'
      );
      assert.ok(broken.status < 500, `broken multipart: ${broken.status}`);
      // Repeated fields: the wrong one does not let the right one through, nor the reverse.
      const repeated = await attempt(
        `secret=wrong&secret=${TOKEN}&secret=wrong`,
        'application/x-www-form-urlencoded'
      );
      assert.ok([401, 429].includes(repeated.status), `${repeated.status}`);
      // Past five tries from this address: 429 with Retry-After, even with the right token.
      const limited = await client.post('/admin/login', {secret: TOKEN});
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.deepEqual(
        (await auditActions(server)).filter((a) => a === 'login'),
        []
      );
      assertQuietLog(lines);
    } finally {
      await server.close();
    }
  });

  it('orders list: hostile query strings are a page, never a 5xx', async () => {
    const {server, lines} = await hostileServer();
    try {
      await orderAt(server, 'ord_a1', '2026-11-03T10:00:00.000Z');
      const client = new AdminClient(server.app);
      await client.signIn();
      const queries = [
        "q='",
        "q=' OR 1=1 --",
        'q=%25',
        'q=_',
        'q=%5C',
        `q=${'x'.repeat(10 * 1024)}`,
        'q=%00%E2%80%AE',
        'q=a%00b&from=2026-11-01%00',
        'from=2026-13-45&to=2026-02-30',
        'from=2026-12-01&to=2026-01-01',
        'from=0001-01-01&to=9999-12-31',
        'from=abc&to=%27',
        'page=-1',
        'page=1e9',
        'page=abc',
        'page=99999999999999999999',
        'status=hacked&provider=evil',
        'status=paid&status=pending&provider=stripe&provider=paypal',
        'q[]=a&status[]=paid',
      ];
      for (const query of queries) {
        const {response, text} = await client.page(`/admin/orders?${query}`);
        assert.equal(response.status, 200, query.slice(0, 60));
        assert.match(text, /<h1>/);
      }
      // Quotes and wildcards are literal: they match no order.
      for (const q of ["'", '%25', '_', '%5C'])
        assert.doesNotMatch(
          (await client.page(`/admin/orders?q=${q}`)).text,
          /href="\/admin\/orders\/ord_a1"/,
          q
        );
      // A page past the end and a far range are empty pages, not errors.
      assert.doesNotMatch(
        (
          await client.page(
            '/admin/orders?page=1e9&from=2026-12-01&to=2026-01-01'
          )
        ).text,
        /href="\/admin\/orders\/ord_a1"/
      );
      for (const path of [
        '/admin/orders/..%2F..%2Fetc%2Fpasswd',
        '/admin/orders/%2e%2e',
        `/admin/orders/${'x'.repeat(10 * 1024)}`,
        '/admin/orders/%3Cscript%3E',
        '/admin/orders/a%00b',
      ]) {
        const {response, text} = await client.page(path);
        assert.equal(response.status, 404, path.slice(0, 60));
        assertEscaped(text);
      }
      assertQuietLog(lines);
    } finally {
      await server.close();
    }
  });

  it('markup, formulas and RTL marks from a buyer are escaped on every page, the CSV and the email', async () => {
    const {server, lines} = await hostileServer();
    try {
      const order = await hostileOrder(server);
      const client = new AdminClient(server.app);
      await client.signIn();

      const page = (await client.page('/admin/orders/ord_evil')).text;
      assertEscaped(page);
      assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(page.includes('&lt;img src=x onerror=alert(2)&gt;'));
      const list = (await client.page('/admin/orders?q=script')).text;
      assertEscaped(list);
      assert.match(list, /href="\/admin\/orders\/ord_evil"/);
      assertEscaped((await client.page('/admin/outbox')).text);

      const res = await client.action('/admin/export', {
        from: '2026-11-01',
        to: '2026-11-30',
      });
      assert.equal(res.status, 200);
      const csv = await res.text();
      assert.equal(csv, csvRow(ORDER_COLUMNS) + orderRow(order));
      // No cell starts with a formula character (after its opening quote, if quoted).
      for (const cell of csv.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)|\r\n/))
        assert.doesNotMatch(cell, /^"?[=+\-@\t\r]/, cell);

      const email = composeMerchantEmail('order.paid', order, {
        to: 'merchant@shop.example',
        shopName: `Shop ${SCRIPT}`,
        publicUrl: ORIGIN,
        messageId: '<m1@shop.example>',
      })!;
      assertEscaped(email.html);
      assert.ok(email.html.includes('&lt;script&gt;'));
      assert.ok(
        email.html.includes('&quot;&#39;&gt;&lt;img') ||
          email.html.includes('&quot;&#x27;&gt;&lt;img') ||
          email.html.includes("&quot;'&gt;&lt;img")
      );
      assertQuietLog(lines);
    } finally {
      await server.close();
    }
  });

  it('forged actions are refused and do nothing', async () => {
    const {server, lines} = await hostileServer();
    try {
      await hostileOrder(server);
      const client = new AdminClient(server.app);
      await client.signIn();
      await client.page('/admin/outbox');
      const other = new AdminClient(server.app);
      await other.signIn();
      const jobs = await server.store.admin.openJobs(10);
      const form = {from: '2026-11-01', to: '2026-11-30'};
      const forged: [string, Record<string, string>, Record<string, string>][] =
        [
          ['no token', form, {}],
          ['another session', {...form, csrf: other.csrf}, {}],
          [
            'cross-site origin',
            {...form, csrf: client.csrf},
            {origin: 'https://evil.example'},
          ],
          ['null origin', {...form, csrf: client.csrf}, {origin: 'null'}],
          [
            'fetch site',
            {...form, csrf: client.csrf},
            {'sec-fetch-site': 'cross-site'},
          ],
        ];
      for (const [why, body, headers] of forged) {
        for (const path of [
          '/admin/export',
          '/admin/orders/ord_evil/refunds',
          ...jobs.map((job) => `/admin/outbox/${job.id}/give-up`),
        ]) {
          const res = await client.post(path, body, headers);
          assert.equal(res.status, 403, `${why} ${path}`);
          assert.match(await res.text(), /Refused/);
        }
      }
      const actions = await auditActions(server);
      assert.ok(!actions.includes('export') && !actions.includes('give_up'));
      // Signed in and with the token, an id that is no job's: "no longer open", not a 500
      // (`..` is resolved by the URL itself: /admin/retry, no such page).
      for (const id of ['a%00b', 'x'.repeat(300), '%01'])
        for (const action of ['retry', 'give-up']) {
          await client.page('/admin/outbox');
          const res = await client.action(`/admin/outbox/${id}/${action}`, {
            back: '/admin/outbox',
          });
          assert.equal(res.status, 303, `${action} ${id.slice(0, 20)}`);
          assert.match(res.headers.get('location') ?? '', /notice=not-open$/);
        }
      assert.deepEqual(await server.store.refunds.forOrder('ord_evil'), []);
      assert.equal((await server.store.admin.openJobs(10)).length, jobs.length);
      assertQuietLog(lines);
    } finally {
      await server.close();
    }
  });

  it('the refund form: a tampered amount or a missing key is a readable refusal, nothing asked', async () => {
    const {server, lines} = await hostileServer();
    try {
      await hostileOrder(server);
      const client = new AdminClient(server.app);
      await client.signIn();
      const key = 'k'.repeat(24);
      const tampered: Record<string, string>[] = [
        {key, amount: '-1'},
        {key, amount: '0'},
        {key, amount: '1e3'},
        {key, amount: '12.345'},
        {key, amount: ''},
        {key, amount: '١٢'},
        {key, amount: '9'.repeat(40)},
        {key, amount: '60.00'},
        {amount: '1.00'},
        {key: 'short', amount: '1.00'},
        {key: `${'k'.repeat(20)}<x>`, amount: '1.00'},
      ];
      for (const form of tampered) {
        await client.page('/admin/orders/ord_evil');
        const res = await client.action('/admin/orders/ord_evil/refunds', form);
        assert.ok(
          res.status >= 400 && res.status < 500,
          `${JSON.stringify(form)}: ${res.status}`
        );
        const text = await res.text();
        assert.match(text, /role="alert"/, JSON.stringify(form));
        assertEscaped(text);
      }
      assert.deepEqual(await server.store.refunds.forOrder('ord_evil'), []);
      assert.equal((await server.store.get('ord_evil'))?.status, 'paid');
      // Unknown order, with a path trick: 404, nothing asked.
      const unknown = await client.action(
        '/admin/orders/..%2Ford_evil/refunds',
        {
          key,
          amount: '1.00',
        }
      );
      assert.equal(unknown.status, 404);
      assertQuietLog(lines);
    } finally {
      await server.close();
    }
  });

  it('the refund form: a provider that cannot be reached, then the key reused for another amount', async () => {
    const {server, lines} = await hostileServer();
    try {
      await hostileOrder(server);
      const client = new AdminClient(server.app);
      await client.signIn();
      const key = 'r'.repeat(24);
      await client.page('/admin/orders/ord_evil');
      // Stripe is at 127.0.0.1:9 here: nothing listens.
      const first = await client.action('/admin/orders/ord_evil/refunds', {
        key,
        amount: '1.00',
      });
      const firstText = await first.text();
      // The order's page again, saying so in our words (no provider or socket text).
      assert.equal(first.status, 503);
      assert.match(
        firstText,
        /role="alert">The payment provider is not answering/
      );
      assert.doesNotMatch(
        firstText,
        /ECONNREFUSED|127\.0\.0\.1|StripeConnection|\bat .+:\d+:\d+/
      );
      const again = await client.action('/admin/orders/ord_evil/refunds', {
        key,
        amount: '2.00',
      });
      assert.equal(again.status, 422);
      assert.match(await again.text(), /another refund/);
      assert.equal((await server.store.get('ord_evil'))?.status, 'paid');
      assert.equal((await server.store.get('ord_evil'))?.amountRefunded, 0);
      assertQuietLog(lines);
    } finally {
      await server.close();
    }
  });

  it('parseDecimal takes a comma or a point and nothing else', () => {
    assert.equal(parseDecimal('12,50', 'usd'), 1250);
    assert.equal(parseDecimal('12.5', 'usd'), 1250);
    for (const text of [
      '1e3',
      '-1',
      '0',
      '0.00',
      '1,000.00',
      '12.345',
      'Infinity',
      ' ',
      '0x10',
    ])
      assert.equal(parseDecimal(text, 'usd'), undefined, text);
    assert.equal(parseDecimal('12.5', 'jpy'), undefined);
  });
});

describe('the provider dashboard link', () => {
  const modes = {stripeLive: false, paypalLive: true};
  it('links a Stripe PaymentIntent; a PayPal order id (not a transaction id) is shown unlinked', async () => {
    assert.equal(
      dashboardUrl('stripe', 'pi_1', modes),
      'https://dashboard.stripe.com/test/payments/pi_1'
    );
    assert.equal(dashboardUrl('stripe', 'cs_test_1', modes), undefined);
    assert.equal(dashboardUrl('paypal', '5O190127TN364715T', modes), undefined);
    const {server} = await hostileServer();
    try {
      await orderAt(server, 'ord_pp', '2026-11-02T10:00:00.000Z', {
        status: 'paid',
      });
      await server.store.update('ord_pp', () => ({
        provider: 'paypal',
        providerPaymentId: '5O190127TN364715T',
      }));
      const client = new AdminClient(server.app);
      await client.signIn();
      const page = (await client.page('/admin/orders/ord_pp')).text;
      assert.match(page, /<span class="id">5O190127TN364715T<\/span>/);
      assert.doesNotMatch(page, /paypal\.com\/activity/);
    } finally {
      await server.close();
    }
  });
});

describe('POST /api/admin/orders/:id/refunds against hostile input', () => {
  const post = (
    server: Awaited<ReturnType<typeof adminServer>>,
    id: string,
    {
      key = 'k'.repeat(24),
      body,
      type = 'application/json',
    }: {key?: string | null; body?: string; type?: string} = {}
  ) =>
    server.app.request(`/api/admin/orders/${id}/refunds`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(key !== null && {'idempotency-key': key}),
        ...(body !== undefined && {'content-type': type}),
      },
      body,
    });

  async function assertRefusal(res: Response, status: number, what: string) {
    assert.equal(res.status, status, what);
    const json = (await res.json()) as {
      error?: {code?: unknown; message?: unknown};
    };
    assert.equal(typeof json.error?.code, 'string', what);
    assert.equal(typeof json.error?.message, 'string', what);
    assert.doesNotMatch(JSON.stringify(json), /\bat .+:\d+:\d+|stack/i, what);
  }

  it('bad keys, amounts, bodies and ids: the contract’s error, nothing written', async () => {
    const {server, lines} = await hostileServer();
    try {
      await hostileOrder(server);
      await assertRefusal(
        await post(server, 'ord_evil', {key: null}),
        400,
        'no key'
      );
      await assertRefusal(
        await post(server, 'ord_evil', {key: 'k'.repeat(300)}),
        400,
        '300-character key'
      );
      for (const amount of [
        '0',
        '-1',
        '1.5',
        '"100"',
        '1e308',
        'null',
        '[]',
        '{}',
        'true',
      ])
        await assertRefusal(
          await post(server, 'ord_evil', {body: `{"amount":${amount}}`}),
          400,
          `amount ${amount}`
        );
      for (const body of [
        '{',
        '[]',
        '"x"',
        '{"amount":1,"extra":1}',
        `{"amount":${'9'.repeat(5000)}}`,
      ])
        await assertRefusal(
          await post(server, 'ord_evil', {body}),
          400,
          body.slice(0, 40)
        );
      const wrongType = await post(server, 'ord_evil', {
        body: 'amount=100',
        type: 'application/x-www-form-urlencoded',
      });
      assert.ok(wrongType.status >= 400 && wrongType.status < 500);
      for (const id of [
        '..%2F..%2Fetc',
        '%2e%2e',
        '..',
        'x'.repeat(10 * 1024),
        '%3Cscript%3E',
        'ord_evil%00',
        '%01',
      ]) {
        const res = await post(server, id, {body: '{"amount":100}'});
        assert.ok(
          res.status === 404 || res.status === 400,
          `${id.slice(0, 30)}: ${res.status}`
        );
        if (
          res.status !== 404 ||
          res.headers.get('content-type')?.includes('json')
        )
          await assertRefusal(res, res.status, id.slice(0, 30));
      }
      assert.deepEqual(await server.store.refunds.forOrder('ord_evil'), []);
      assert.equal((await server.store.get('ord_evil'))?.status, 'paid');
      assertQuietLog(lines);
    } finally {
      await server.close();
    }
  });
});

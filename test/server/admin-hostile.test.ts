/**
 * The admin area and the merchant email as a hostile stranger meets them: odd sign-in bodies
 * and too many tries, hostile query strings, ids and export ranges, an order whose buyer
 * fields are markup, formulas and RTL marks, forged actions, tampered refund forms. Never a
 * 5xx, never a stack or an error line in the log, markup escaped, nothing done on a refusal.
 * The refund API's half is admin-hostile-api.test.ts.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ORDER_COLUMNS, csvRow, orderRow} from '../../server/admin/csv.js';
import {parseDecimal} from '../../server/admin/format.js';
import {composeMerchantEmail} from '../../server/notify/merchant-email.js';
import {
  AdminClient,
  ORIGIN,
  TOKEN,
  auditActions,
  orderAt,
} from './admin-helpers.js';
import {
  SCRIPT,
  assertEscaped,
  assertQuietLog,
  hostileOrder,
  hostileServer,
} from './hostile-helpers.js';

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
      assert.match(big.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(
        await big.text(),
        /role="alert">The form is larger than 16 KB/
      );
      // Refused from its Content-Length alone (as a Node server sees it) the same way.
      const declared = await server.app.request('/admin/login', {
        method: 'POST',
        headers: {
          origin: ORIGIN,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(100 * 1024),
        },
        body: 'secret=x',
      });
      assert.equal(declared.status, 413);
      assert.match(await declared.text(), /role="alert">The form is larger/);
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
      // The export: bad days, a reversed or a huge range are the form again, nothing audited.
      for (const [from, to] of [
        ['2026-13-45', '2026-11-30'],
        ['2026-12-01', '2026-11-01'],
        ['0001-01-01', '9999-12-31'],
        ['2026-11-01%00', '2026-11-30'],
        ["2026-11-01'", ''],
      ]) {
        await client.page('/admin/export');
        const res = await client.action('/admin/export', {
          from: from!,
          to: to!,
        });
        assert.equal(res.status, 400, `${from}..${to}`);
        assert.match(await res.text(), /role="alert">Choose two days/);
      }
      assert.ok(!(await auditActions(server)).includes('export'));
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

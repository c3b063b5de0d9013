/**
 * The admin's pages and actions: the orders list's search and pages, an order's page (lines,
 * sums, address, the provider's link, the ledger's events, its emails), retry now and give up
 * on the outbox, the CSV export (RFC 4180, formulas defused), the refund form, and the audit
 * row of each action.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {describe, it} from 'node:test';
import {csvCell} from '../../server/admin/csv.js';
import {
  parsePasswordHash,
  verifyPassword,
} from '../../server/admin/password.js';
import {
  AdminClient,
  adminServer,
  auditActions,
  flakyMailer,
  orderAt,
} from './admin-helpers.js';

/** The order ids a list page links to, in its order. */
const listed = (page: string) =>
  [...page.matchAll(/href="\/admin\/orders\/(ord_[^"]+)"/g)].map((m) => m[1]);

describe('admin pages', () => {
  describe('GET /admin/orders', () => {
    it('searches by id, email, status, provider and created dates; 50 a page, newest first', async () => {
      const server = await adminServer();
      try {
        for (let i = 1; i <= 55; i++) {
          const day = String(1 + Math.floor((i - 1) / 5)).padStart(2, '0');
          await orderAt(
            server,
            `ord_n${String(i).padStart(2, '0')}`,
            `2026-11-${day}T10:${String(i).padStart(2, '0')}:00.000Z`,
            {
              email:
                i === 7 ? 'Grace.Hopper@Example.com' : `buyer${i}@example.com`,
              status: i % 10 === 0 ? 'paid' : 'pending',
            }
          );
        }
        const client = new AdminClient(server.app);
        await client.signIn();

        const first = await client.page('/admin/orders');
        assert.equal(listed(first.text).length, 50);
        assert.equal(listed(first.text)[0], 'ord_n55');
        assert.match(first.text, /1–50 of 55 orders/);
        assert.match(first.text, /Page 1 of 2/);
        const second = await client.page('/admin/orders?page=2');
        assert.deepEqual(listed(second.text), [
          'ord_n05',
          'ord_n04',
          'ord_n03',
          'ord_n02',
          'ord_n01',
        ]);

        const search = async (query: string) =>
          listed((await client.page(`/admin/orders?${query}`)).text);
        assert.deepEqual(await search('q=grace.hopper%40EXAMPLE'), ['ord_n07']);
        assert.deepEqual(await search('q=ord_n12'), ['ord_n12']);
        assert.deepEqual(await search('q=pi_ord_n33'), ['ord_n33']);
        assert.deepEqual(await search('status=paid'), [
          'ord_n50',
          'ord_n40',
          'ord_n30',
          'ord_n20',
          'ord_n10',
        ]);
        assert.deepEqual(
          await search('status=paid&from=2026-11-05&to=2026-11-08'),
          ['ord_n40', 'ord_n30']
        );
        assert.deepEqual(await search('provider=paypal'), []);
        assert.equal((await search('provider=stripe')).length, 50);
        // LIKE's wildcards are literal: "%" matches no email.
        assert.deepEqual(await search('q=%25'), []);
        // Markup in a search is shown as text.
        const escaped = await client.page('/admin/orders?q=%3Cscript%3Ex');
        assert.doesNotMatch(escaped.text, /<script>x/);
        assert.match(escaped.text, /&lt;script&gt;x/);
      } finally {
        await server.close();
      }
    });
  });

  describe('GET /admin/orders/:id', () => {
    it('shows the lines, sums, address, the dashboard link, the ledger event and the email job', async () => {
      const server = await adminServer();
      try {
        await orderAt(server, 'ord_view', '2026-11-03T08:00:00.000Z', {
          email: 'ada@example.com',
          status: 'paid',
        });
        await server.store.update('ord_view', () => ({
          shippingAddress: {
            name: 'Ada <b>Lovelace</b>',
            line1: '12 St James’s Square',
            city: 'London',
            postalCode: 'SW1Y 4JH',
            country: 'GB',
          },
        }));
        const client = new AdminClient(server.app);
        await client.signIn();
        const {response, text} = await client.page('/admin/orders/ord_view');
        assert.equal(response.status, 200);
        for (const fragment of [
          'Black tee, size M',
          '25.00 USD',
          '50.00 USD',
          'ada@example.com',
          'https://dashboard.stripe.com/test/payments/pi_ord_view',
          'payment_intent.succeeded',
          'evt_ord_view',
          'Buyer email: order.paid',
          'Ada &lt;b&gt;Lovelace&lt;/b&gt;',
          'SW1Y 4JH London',
          'Full refund (50.00 USD)',
        ])
          assert.ok(text.includes(fragment), fragment);
        assert.equal((await client.get('/admin/orders/ord_none')).status, 404);
      } finally {
        await server.close();
      }
    });
  });

  describe('the outbox', () => {
    it('"Retry now" delivers a failed email at once; "Give up" stops a job; both are audited', async () => {
      const mailer = flakyMailer();
      const server = await adminServer({mailer});
      try {
        await orderAt(server, 'ord_mail', '2026-11-04T08:00:00.000Z', {
          email: 'bo@example.com',
          status: 'paid',
        });
        await orderAt(server, 'ord_stuck', '2026-11-04T09:00:00.000Z', {
          email: 'cy@example.com',
          status: 'paid',
        });
        await server.outbox.run();
        await server.outbox.idle();
        const client = new AdminClient(server.app);
        await client.signIn();
        const outbox = await client.page('/admin/outbox');
        assert.match(outbox.text, /SMTP is down/);
        assert.match(outbox.text, /failed, will retry/);
        const [mail] = await server.store.jobs('ord_mail');
        const [stuck] = await server.store.jobs('ord_stuck');
        assert.equal(mail!.attempts, 1);

        mailer.failing = false;
        const retried = await client.action(`/admin/outbox/${mail!.id}/retry`, {
          back: '/admin/orders/ord_mail',
        });
        assert.equal(retried.status, 303);
        assert.equal(
          retried.headers.get('location'),
          '/admin/orders/ord_mail?notice=sent'
        );
        assert.equal((await server.store.admin.job(mail!.id))?.state, 'done');
        assert.equal(mailer.sent.length, 1);
        // A done job is not open any more: a second retry does nothing.
        const again = await client.action(`/admin/outbox/${mail!.id}/retry`);
        assert.match(again.headers.get('location') ?? '', /notice=not-open/);
        assert.equal(mailer.sent.length, 1);

        const gaveUp = await client.action(
          `/admin/outbox/${stuck!.id}/give-up`,
          {
            back: 'https://evil.example/',
          }
        );
        assert.equal(
          gaveUp.headers.get('location'),
          '/admin/outbox?notice=given-up'
        );
        assert.equal(
          (await server.store.admin.job(stuck!.id))?.state,
          'given_up'
        );
        // The worker never takes a given-up job again.
        server.clock.advance(3_600_000);
        await server.outbox.run();
        await server.outbox.idle();
        assert.equal(mailer.sent.length, 1);
        assert.doesNotMatch(
          (await client.page('/admin/outbox')).text,
          /ord_stuck/
        );

        const log = await server.store.admin.auditLog({limit: 20});
        const retry = log.find(
          (entry) => entry.action === 'retry' && entry.detail === 'sent'
        );
        assert.equal(retry?.jobId, mail!.id);
        assert.equal(retry?.orderId, 'ord_mail');
        assert.match(retry?.actor ?? '', /^session:/);
        assert.ok(
          log.some(
            (entry) => entry.action === 'give_up' && entry.jobId === stuck!.id
          )
        );
      } finally {
        await server.close();
      }
    });
  });

  describe('POST /admin/export', () => {
    it('cells are RFC 4180 quoted and formulas defused', () => {
      assert.equal(csvCell('plain'), 'plain');
      assert.equal(csvCell('a,b'), '"a,b"');
      assert.equal(csvCell('say "hi"'), '"say ""hi"""');
      assert.equal(csvCell('two\nlines'), '"two\nlines"');
      assert.equal(csvCell('=1+1'), "'=1+1");
      assert.equal(csvCell('+33 1 23'), "'+33 1 23");
      assert.equal(csvCell('-2'), "'-2");
      assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
      assert.equal(csvCell('\tx'), "'\tx");
      assert.equal(csvCell('\rx'), `"'\rx"`);
      assert.equal(
        csvCell('=HYPERLINK("x","y")'),
        `"'=HYPERLINK(""x"",""y"")"`
      );
      assert.equal(csvCell(undefined), '');
    });

    it('exports the orders created in the range, oldest first, and audits it', async () => {
      const server = await adminServer();
      try {
        await orderAt(server, 'ord_before', '2026-10-31T23:59:59.999Z');
        await orderAt(server, 'ord_first', '2026-11-01T00:00:00.000Z', {
          email: '=cmd|calc@example.com',
          status: 'paid',
        });
        await server.store.update('ord_first', () => ({
          shippingAddress: {
            name: 'Bob "the Builder", Jr',
            city: '-Berlin',
            country: 'DE',
          },
        }));
        await orderAt(server, 'ord_last', '2026-11-30T23:59:59.000Z', {
          currency: 'jpy',
          total: 4000,
        });
        await orderAt(server, 'ord_after', '2026-12-01T00:00:00.000Z');
        const client = new AdminClient(server.app);
        await client.signIn();
        await client.page('/admin/export');
        const response = await client.action('/admin/export', {
          from: '2026-11-01',
          to: '2026-11-30',
        });
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
        assert.match(
          response.headers.get('content-disposition') ?? '',
          /attachment; filename="orders-2026-11-01-to-2026-11-30\.csv"/
        );
        assert.equal(response.headers.get('cache-control'), 'no-store');
        const lines = (await response.text()).split('\r\n');
        assert.equal(lines.at(-1), '', 'every line ends in CRLF');
        assert.match(lines[0]!, /^id,created_at,paid_at,status,provider,/);
        assert.equal(lines.length, 4);
        assert.match(lines[1]!, /^ord_first,2026-11-01T00:00:00\.000Z,/);
        assert.ok(lines[1]!.includes(",'=cmd|calc@example.com,"));
        assert.ok(
          lines[1]!.includes(',"Bob ""the Builder"", Jr",\'-Berlin,DE')
        );
        assert.ok(lines[1]!.includes(',50.00,'));
        assert.match(lines[2]!, /^ord_last,.*,JPY,4000,0,,0,,0,false,4000,0,/);
        const log = await server.store.admin.auditLog({limit: 5});
        const exported = log.find((entry) => entry.action === 'export');
        assert.equal(exported?.detail, '2026-11-01..2026-11-30: 2 orders');
        assert.match(exported?.actor ?? '', /^session:/);

        const backwards = await client.action('/admin/export', {
          from: '2026-11-30',
          to: '2026-11-01',
        });
        assert.equal(backwards.status, 400);
      } finally {
        await server.close();
      }
    });
  });

  describe('the refund form', () => {
    it('refuses an unpaid order or a bad amount on the page, and audits the attempt', async () => {
      const server = await adminServer();
      try {
        await orderAt(server, 'ord_open', '2026-11-05T08:00:00.000Z');
        await orderAt(server, 'ord_paid', '2026-11-05T09:00:00.000Z', {
          status: 'paid',
        });
        const client = new AdminClient(server.app);
        await client.signIn();
        const open = await client.page('/admin/orders/ord_open');
        assert.match(open.text, /Nothing can be refunded/);
        const key = 'k'.repeat(24);
        const refused = await client.action('/admin/orders/ord_open/refunds', {
          key,
          full: '1',
        });
        assert.equal(refused.status, 409);
        assert.match(await refused.text(), /only paid orders can be refunded/);

        await client.page('/admin/orders/ord_paid');
        const bad = await client.action('/admin/orders/ord_paid/refunds', {
          key,
          amount: '12.345',
        });
        assert.equal(bad.status, 400);
        assert.match(await bad.text(), /Type the amount to refund in USD/);
        const tooMuch = await client.action('/admin/orders/ord_paid/refunds', {
          key,
          amount: '50.01',
        });
        assert.equal(tooMuch.status, 422);
        assert.deepEqual(
          (await auditActions(server)).filter((a) => a === 'refund'),
          ['refund', 'refund']
        );
      } finally {
        await server.close();
      }
    });
  });

  describe('pay-checkout-server hash-password', () => {
    it('prints a scrypt hash of the password piped in, which verifies it', async () => {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/bin.ts', 'hash-password'],
        {input: 'a long admin password\n', encoding: 'utf8'}
      );
      assert.equal(run.status, 0, run.stderr);
      const hash = run.stdout.trim();
      assert.match(
        hash,
        /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/
      );
      const parsed = parsePasswordHash(hash);
      assert.ok(typeof parsed !== 'string');
      assert.equal(await verifyPassword('a long admin password', parsed), true);
      assert.equal(
        await verifyPassword('a long admin passwore', parsed),
        false
      );
    });
  });
});

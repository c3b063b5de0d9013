/**
 * The admin area's door: off without a token or password (404 like any unknown path), sign-in
 * by token or password into a session cookie, refusals that say nothing of which secret was
 * wrong, the sign-in limit, CSRF and cross-site refusals that change nothing, idle and
 * absolute expiry, sign-out, the audit rows and the pages' headers.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {hashPassword} from '../../server/admin/password.js';
import {
  AdminClient,
  adminServer,
  auditActions,
  clock,
  orderAt,
  TOKEN,
} from './admin-helpers.js';
import type {AdminOptions} from '../../server/admin/auth.js';
import {createCheckoutServer} from '../../server/app.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import {configProblems, demoCatalog, makeServer} from './helpers.js';

const PASSWORD = 'correct horse battery staple';

describe('/admin', () => {
  describe('off without ADMIN_TOKEN or ADMIN_PASSWORD_HASH', () => {
    it('answers every admin path as an unknown path, and creates no session', async () => {
      const server = await makeServer();
      try {
        const unknown = await server.app.request('/no-such-page');
        const expected = await unknown.text();
        for (const [method, path] of [
          ['GET', '/admin'],
          ['GET', '/admin/'],
          ['GET', '/admin/login'],
          ['GET', '/admin/orders'],
          ['GET', '/admin/admin.css'],
          ['POST', '/admin/login'],
          ['POST', '/admin/export'],
        ] as const) {
          const response = await server.app.request(path, {
            method,
            headers: {'content-type': 'application/x-www-form-urlencoded'},
            ...(method === 'POST' && {body: `secret=${TOKEN}`}),
          });
          assert.equal(response.status, 404, `${method} ${path}`);
          assert.equal(await response.text(), expected, `${method} ${path}`);
          assert.equal(response.headers.get('set-cookie'), null);
        }
      } finally {
        await server.close();
      }
    });

    it('refuses to start with a token under 32 characters or a malformed hash, naming the variable', async () => {
      const store = await createSqlStore({databaseUrl: 'sqlite::memory:'});
      const build = (admin: AdminOptions) => () =>
        createCheckoutServer({catalog: demoCatalog(), store, admin});
      assert.throws(build({token: 'short'}), /ADMIN_TOKEN/);
      assert.throws(build({passwordHash: 'plain-text'}), /ADMIN_PASSWORD_HASH/);
      await store.close();
      assert.match(
        configProblems({ADMIN_TOKEN: 'x'.repeat(31)}),
        /ADMIN_TOKEN.*32 characters/
      );
      assert.match(
        configProblems({ADMIN_PASSWORD_HASH: 'scrypt$1$2$3$4$5'}),
        /ADMIN_PASSWORD_HASH/
      );
    });
  });

  describe('signing in', () => {
    it('a wrong token or password gets the same refusal and no session; the right ones get a session', async () => {
      const passwordHash = await hashPassword(PASSWORD);
      const server = await adminServer({admin: {token: TOKEN, passwordHash}});
      try {
        const client = new AdminClient(server.app);
        const wrongToken = await client.post('/admin/login', {
          secret: `${TOKEN}x`,
        });
        const wrongPassword = await client.post('/admin/login', {
          secret: 'correct horse battery stapler',
        });
        assert.equal(wrongToken.status, 401);
        assert.equal(wrongPassword.status, 401);
        assert.equal(await wrongToken.text(), await wrongPassword.text());
        assert.equal(wrongToken.headers.get('set-cookie'), null);
        assert.equal(client.cookies.size, 0);
        assert.equal((await client.get('/admin/orders')).status, 303);

        await client.signIn(TOKEN);
        assert.equal((await client.get('/admin/orders')).status, 200);
        const other = new AdminClient(server.app);
        await other.signIn(PASSWORD);
        assert.equal((await other.get('/admin/orders')).status, 200);

        const log = await server.store.admin.auditLog({limit: 10});
        assert.deepEqual(
          log
            .map(
              (entry) =>
                `${entry.action} ${entry.detail ?? ''} ${entry.actor.replace(/[0-9a-f]{12}$/, '…')}`
            )
            .sort(),
          [
            'login password session:…',
            'login token session:…',
            'login_failed  anonymous',
            'login_failed  anonymous',
          ]
        );
      } finally {
        await server.close();
      }
    });

    it('is limited per client: after the allowed attempts even the right token is refused for a while', async () => {
      let address = '203.0.113.7';
      const server = await adminServer({
        admin: {token: TOKEN, loginAttempts: 3},
        clientAddress: () => address,
      });
      try {
        const client = new AdminClient(server.app);
        for (let i = 0; i < 3; i++)
          assert.equal(
            (await client.post('/admin/login', {secret: 'nope'})).status,
            401
          );
        const limited = await client.post('/admin/login', {secret: TOKEN});
        assert.equal(limited.status, 429);
        assert.ok(Number(limited.headers.get('retry-after')) > 0);
        assert.equal(client.cookies.size, 0, 'no session while limited');
        // A forged X-Forwarded-For changes nothing: the limit is by the client's address.
        const forged = await client.post(
          '/admin/login',
          {secret: TOKEN},
          {'x-forwarded-for': '198.51.100.1'}
        );
        assert.equal(forged.status, 429);
        // Another client is not held back, and the window ends.
        address = '203.0.113.8';
        await new AdminClient(server.app).signIn();
        address = '203.0.113.7';
        server.clock.advance(15 * 60_000 + 1000);
        await client.signIn();
      } finally {
        await server.close();
      }
    });
  });

  describe('actions', () => {
    it('without the CSRF token, with a wrong one, or from another site: 403 and nothing done', async () => {
      const server = await adminServer();
      try {
        await orderAt(server, 'ord_csrf', '2026-11-02T10:00:00.000Z', {
          email: 'a@example.com',
          status: 'paid',
        });
        const [job] = await server.store.jobs('ord_csrf');
        const client = new AdminClient(server.app);
        await client.signIn();
        const giveUp = `/admin/outbox/${job!.id}/give-up`;
        const attempts: [string, Promise<Response>][] = [
          ['no token', client.post(giveUp, {})],
          ['wrong token', client.post(giveUp, {csrf: `${client.csrf}x`})],
          [
            'another origin',
            client.post(
              giveUp,
              {csrf: client.csrf},
              {origin: 'https://evil.example'}
            ),
          ],
          [
            'cross-site',
            client.post(
              giveUp,
              {csrf: client.csrf},
              {'sec-fetch-site': 'cross-site'}
            ),
          ],
          [
            'same-site',
            client.post(
              giveUp,
              {csrf: client.csrf},
              {'sec-fetch-site': 'same-site'}
            ),
          ],
          [
            'a null origin',
            client.post(giveUp, {csrf: client.csrf}, {origin: 'null'}),
          ],
        ];
        for (const [what, sent] of attempts)
          assert.equal((await sent).status, 403, what);
        assert.equal(
          (await server.store.admin.job(job!.id))?.state,
          'pending',
          'the job is untouched'
        );
        // A session's token is no other session's.
        const other = new AdminClient(server.app);
        await other.signIn();
        assert.notEqual(other.csrf, client.csrf);
        assert.equal(
          (await other.post(giveUp, {csrf: client.csrf})).status,
          403
        );
        assert.deepEqual(
          (await auditActions(server)).filter((a) => a === 'give_up'),
          []
        );
        // With its own token it works.
        assert.equal((await client.action(giveUp)).status, 303);
        assert.equal(
          (await server.store.admin.job(job!.id))?.state,
          'given_up'
        );
      } finally {
        await server.close();
      }
    });
  });

  describe('sessions', () => {
    it('end when idle, at their absolute end, and at sign-out', async () => {
      const server = await adminServer({
        admin: {token: TOKEN, idleTimeoutMs: 60_000, sessionTtlMs: 300_000},
      });
      try {
        const idle = new AdminClient(server.app);
        await idle.signIn();
        server.clock.advance(61_000);
        const expired = await idle.get('/admin/orders');
        assert.equal(expired.status, 303);
        assert.equal(expired.headers.get('location'), '/admin/login');
        assert.equal(idle.cookies.size, 0, 'the dead cookie is cleared');

        const busy = new AdminClient(server.app);
        await busy.signIn();
        for (let i = 0; i < 5; i++) {
          server.clock.advance(50_000);
          assert.equal((await busy.get('/admin/orders')).status, 200);
        }
        server.clock.advance(50_001);
        assert.equal(
          (await busy.get('/admin/orders')).status,
          303,
          'past its absolute end, however busy'
        );

        const leaving = new AdminClient(server.app);
        await leaving.signIn();
        const kept = new Map(leaving.cookies);
        assert.equal((await leaving.action('/admin/logout')).status, 303);
        assert.equal(leaving.cookies.size, 0);
        // The old cookie, replayed, signs nobody in: the session is gone from the store.
        leaving.cookies = kept;
        assert.equal((await leaving.get('/admin/orders')).status, 303);
        assert.ok((await auditActions(server)).includes('logout'));
      } finally {
        await server.close();
      }
    });
  });

  describe('headers', () => {
    it('a strict policy, no-store and a Strict, HttpOnly cookie under /admin; Secure over https', async () => {
      const server = await adminServer();
      try {
        const login = await server.app.request('/admin/login');
        const policy = login.headers.get('content-security-policy') ?? '';
        for (const directive of [
          "default-src 'none'",
          "style-src 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'",
          "base-uri 'none'",
        ])
          assert.ok(policy.includes(directive), directive);
        assert.doesNotMatch(policy, /script-src|unsafe-inline/);
        assert.equal(login.headers.get('cache-control'), 'no-store');
        // Same-origin, so a form's POST carries our Origin (no-referrer would send `null`).
        assert.equal(login.headers.get('referrer-policy'), 'same-origin');
        assert.doesNotMatch(await login.text(), /<script/i);

        const client = new AdminClient(server.app);
        const signedIn = await client.post('/admin/login', {secret: TOKEN});
        const cookie = signedIn.headers.get('set-cookie') ?? '';
        assert.match(cookie, /^__Secure-pc_admin=[A-Za-z0-9_-]{43};/);
        assert.match(cookie, /; HttpOnly/i);
        assert.match(cookie, /; Secure/i);
        assert.match(cookie, /; SameSite=Strict/i);
        assert.match(cookie, /; Path=\/admin(;|$)/);
        assert.match(cookie, /; Max-Age=\d+/);
        const orders = await client.get('/admin/orders');
        assert.equal(orders.headers.get('cache-control'), 'no-store');
        assert.ok(orders.headers.get('content-security-policy'));

        // The store keeps the id's hash, never the id.
        const id = [...client.cookies.values()][0]!;
        const sessions = await server.store.admin.liveSession(
          id,
          server.clock.now().toISOString(),
          '1970-01-01T00:00:00.000Z'
        );
        assert.equal(sessions, undefined);
      } finally {
        await server.close();
      }
    });

    it('no Secure flag on a plain-http development shop', async () => {
      const server = await adminServer(
        {publicUrl: 'http://localhost:4242'},
        clock()
      );
      try {
        const response = await new AdminClient(
          server.app,
          'http://localhost:4242'
        ).post('/admin/login', {secret: TOKEN});
        const cookie = response.headers.get('set-cookie') ?? '';
        assert.match(cookie, /^pc_admin=/);
        assert.doesNotMatch(cookie, /Secure/i);
      } finally {
        await server.close();
      }
    });
  });
});

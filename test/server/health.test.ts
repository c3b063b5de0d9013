/**
 * GET /healthz (the process is alive) and GET /readyz (it can serve: the database answers with
 * every migration run, and it is not shutting down), on SQLite and, with TEST_DATABASE_URL, on
 * PostgreSQL.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import Database from 'better-sqlite3';
import {createCheckoutServer} from '../../server/app.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import {demoCatalog} from './helpers.js';

async function checkout(databaseUrl: string) {
  const store = await createSqlStore({databaseUrl});
  return {store, ...createCheckoutServer({catalog: demoCatalog(), store})};
}

async function readyz(app: ReturnType<typeof createCheckoutServer>['app']) {
  const res = await app.request('/readyz');
  return {status: res.status, body: await res.json()};
}

const databases = [
  ['SQLite', 'sqlite::memory:'],
  ...(process.env.TEST_DATABASE_URL
    ? [['PostgreSQL', process.env.TEST_DATABASE_URL]]
    : []),
] as const;

for (const [name, databaseUrl] of databases) {
  describe(`health checks on ${name}`, () => {
    it('answers /healthz and /readyz with 200 when all is well', async () => {
      const {app, store} = await checkout(databaseUrl);
      const health = await app.request('/healthz');
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), {ok: true});
      assert.equal(health.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await readyz(app), {status: 200, body: {ok: true}});
      await store.close();
    });

    it('answers /readyz 503 in the contract’s shape once the database is gone; /healthz stays 200', async () => {
      const {app, store} = await checkout(databaseUrl);
      await store.close();
      const {status, body} = await readyz(app);
      assert.equal(status, 503);
      assert.equal(body.error.code, 'not_ready');
      assert.match(body.error.message, /database does not answer/);
      assert.equal((await app.request('/healthz')).status, 200);
    });

    it('answers /readyz 503 from the start of a shutdown', async () => {
      const {app, store, beginShutdown} = await checkout(databaseUrl);
      beginShutdown();
      const {status, body} = await readyz(app);
      assert.equal(status, 503);
      assert.deepEqual(body.error, {
        code: 'not_ready',
        message: 'The server is shutting down.',
      });
      await store.close();
    });
  });
}

describe('/readyz and migrations', () => {
  it('is 503 when the database lacks a migration this version needs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pay-checkout-readyz-'));
    const file = join(dir, 'orders.sqlite');
    try {
      const {app, store} = await checkout(`sqlite:${file}`);
      assert.equal((await readyz(app)).status, 200);
      // Someone restored an older backup: the newest migration has not run on it.
      const db = new Database(file);
      const newest = db
        .prepare('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1')
        .get() as {name: string};
      db.prepare('DELETE FROM kysely_migration WHERE name = ?').run(
        newest.name
      );
      db.close();
      const {status, body} = await readyz(app);
      assert.equal(status, 503);
      assert.equal(body.error.code, 'not_ready');
      assert.match(body.error.message, /lacks migrations/);
      await store.close();
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

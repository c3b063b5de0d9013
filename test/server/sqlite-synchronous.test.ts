/**
 * SQLITE_SYNCHRONOUS: the pragma SQLite runs with is the one the setting names (NORMAL unless
 * asked for FULL), in WAL mode, and a store opened either way keeps its orders.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {parseConfig} from '../../server/config.js';
import {createSqlStore} from '../../server/orders/sql-store.js';
import {openSqlite} from '../../server/orders/sqlite.js';
import {seedOrder} from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pay-sqlite-sync-'));
after(() => rmSync(dir, {recursive: true, force: true}));

// PRAGMA synchronous answers a number: 1 is NORMAL, 2 is FULL.
const SYNCHRONOUS = {normal: 1, full: 2} as const;

describe('SQLITE_SYNCHRONOUS', () => {
  it('is normal unless set, and full when asked for (either case)', () => {
    assert.equal(parseConfig({}).sqliteSynchronous, 'normal');
    assert.equal(
      parseConfig({SQLITE_SYNCHRONOUS: 'full'}).sqliteSynchronous,
      'full'
    );
    assert.equal(
      parseConfig({SQLITE_SYNCHRONOUS: 'FULL'}).sqliteSynchronous,
      'full'
    );
    assert.throws(
      () => parseConfig({SQLITE_SYNCHRONOUS: 'off'}),
      /SQLITE_SYNCHRONOUS/
    );
  });

  for (const [setting, expected] of [
    [undefined, SYNCHRONOUS.normal],
    ['normal', SYNCHRONOUS.normal],
    ['full', SYNCHRONOUS.full],
  ] as const) {
    it(`opens the database with synchronous=${expected === 2 ? 'FULL' : 'NORMAL'} for ${setting ?? 'no setting'}, in WAL`, () => {
      const database = openSqlite(join(dir, `${setting}.sqlite`), setting);
      try {
        assert.equal(database.pragma('synchronous', {simple: true}), expected);
        assert.equal(database.pragma('journal_mode', {simple: true}), 'wal');
      } finally {
        database.close();
      }
    });
  }

  it('a store on either setting keeps what it wrote across a reopen', async () => {
    for (const setting of ['normal', 'full'] as const) {
      const url = `sqlite:${join(dir, `store-${setting}.sqlite`)}`;
      const first = await createSqlStore({
        databaseUrl: url,
        sqliteSynchronous: setting,
      });
      await seedOrder(first, 'ord_D', 'pi_D', 5000, 'usd');
      await first.close();
      const again = await createSqlStore({databaseUrl: url});
      assert.equal((await again.get('ord_D'))?.providerPaymentId, 'pi_D');
      await again.close();
    }
  });
});

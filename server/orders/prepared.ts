/**
 * Statements prepared once per connection. Kysely hands the driver the SQL text of every query
 * it runs: better-sqlite3 would compile it again each time (SqliteDialect calls `prepare` per
 * query), and `pg` would send it unnamed, to be parsed and planned again. A webhook runs the
 * same few statements thousands of times a second, so both keep what they prepared, keyed by
 * the SQL text (the values are always bound parameters, so the texts are few).
 */
import type Database from 'better-sqlite3';
import type {
  PostgresPool,
  PostgresPoolClient,
  SqliteDatabase,
  SqliteStatement,
} from 'kysely';
import type pg from 'pg';

/** Texts kept at most: a query whose text varies (an IN list) must not grow the cache without end. */
const MAX_STATEMENTS = 256;

/** better-sqlite3 with its compiled statements kept, least recently used dropped first. */
export function cachingSqlite(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= MAX_STATEMENTS)
          statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

/**
 * A pg pool whose queries with parameters go out as named prepared statements: each
 * connection parses and plans a text once (pg remembers which names a connection has), then
 * only binds and executes it. Queries without parameters (BEGIN, COMMIT) go as they are.
 */
export function namingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameFor = (text: string) => {
    let name = names.get(text);
    // Past the limit a new text goes unnamed: the server keeps a named one per connection.
    if (name === undefined && names.size < MAX_STATEMENTS) {
      name = `pc_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  // One wrapper per pg client, so Kysely (which keys its connections by client) keeps them.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((text: unknown, values?: readonly unknown[]) =>
      typeof text === 'string' && values?.length
        ? client.query({name: nameFor(text), text, values: [...values]})
        : client.query(text as string, values as unknown[])) as never,
    release: (destroy?: boolean) => client.release(destroy),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

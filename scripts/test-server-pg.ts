/**
 * `npm run test:server:pg`: the whole server suite again, on PostgreSQL (TEST_STORE=postgres:
 * each test's store is a schema of its own in TEST_DATABASE_URL), plus the tests that need
 * PostgreSQL itself (two server instances on one database). Without TEST_DATABASE_URL it
 * fails in CI (CI=true), where .ci/run starts PostgreSQL and sets it, and skips with a
 * message elsewhere.
 */
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';

if (!process.env.TEST_DATABASE_URL) {
  const message =
    'test:server:pg needs TEST_DATABASE_URL=postgres://user:password@host:5432/database (an empty database the tests may create schemas in).';
  if (process.env.CI === 'true') {
    console.error(`${message} CI must provide one: failing.`);
    process.exit(1);
  }
  console.log(
    `${message} Not set: the PostgreSQL run of the server suite is skipped.`
  );
  process.exit(0);
}

const files = readdirSync('test/server')
  .filter((file) => file.endsWith('.test.ts'))
  .sort()
  .map((file) => `test/server/${file}`);
const run = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-timeout=120000',
    ...files,
  ],
  {stdio: 'inherit', env: {...process.env, TEST_STORE: 'postgres'}}
);
process.exit(run.status ?? 1);

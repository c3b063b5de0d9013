/**
 * Checks the tarballs `npm run pack` wrote to dist/packages/, as a stranger would meet them:
 *
 * - `publint --strict` and `attw --profile esm-only` (Are The Types Wrong) on each tarball:
 *   every `exports` entry resolves to a shipped file, with types, for Node and bundlers.
 * - `pay-checkout` installed alone into an empty folder pulls in nothing of the server (no
 *   zod, hono, stripe, database driver, esbuild…) and stays under 10 MB installed.
 *
 *   npm run pack && tsx scripts/check-packages.ts
 */
import {execFileSync} from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

const PACKAGES = resolve('dist/packages');
const MAX_INSTALLED_BYTES = 10 * 1024 * 1024;
/** What only the server (or the emulators) may depend on. */
const SERVER_ONLY = [
  '@hono/node-server',
  'better-sqlite3',
  'esbuild',
  'hono',
  'kysely',
  'nodemailer',
  'pg',
  'pino',
  'stripe',
  'zod',
  '@pay-checkout/server',
  '@pay-checkout/emulators',
];

const tarballs = readdirSync(PACKAGES).filter((name) => name.endsWith('.tgz'));
if (tarballs.length !== 3) {
  console.error(
    `expected 3 tarballs in ${PACKAGES}, found ${tarballs.length}: run \`npm run pack\``
  );
  process.exit(1);
}

const run = (command: string, args: string[], cwd?: string) =>
  execFileSync(command, args, {cwd, encoding: 'utf8', stdio: 'pipe'});

let failed = false;
for (const tarball of tarballs) {
  const path = join(PACKAGES, tarball);
  for (const [name, args] of [
    ['publint', ['publint', 'run', path, '--strict']],
    ['attw', ['attw', path, '--profile', 'esm-only', '--format', 'ascii']],
  ] as const) {
    try {
      run('npx', [...args]);
      console.log(`ok: ${name} ${tarball}`);
    } catch (error) {
      failed = true;
      const {stdout = '', stderr = ''} = error as {
        stdout?: string;
        stderr?: string;
      };
      console.error(`not ok: ${name} ${tarball}\n${stdout}${stderr}`);
    }
  }
}

// The element alone, as a browser app installs it.
const element = tarballs.find((name) => /^pay-checkout-\d/.test(name))!;
const app = mkdtempSync(join(tmpdir(), 'pay-checkout-install-'));
try {
  writeFileSync(
    join(app, 'package.json'),
    '{"name": "an-app", "private": true}\n'
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--silent', join(PACKAGES, element)],
    app
  );
  const installed = JSON.parse(
    run('npm', ['ls', '--all', '--json', '--silent'], app)
  ) as {dependencies?: Dependencies};
  const names = new Set<string>();
  const walk = (deps: Dependencies = {}) => {
    for (const [name, dep] of Object.entries(deps)) {
      // An optional peer nobody installed (react, for pay-checkout/react) is listed empty.
      if (!dep.version) continue;
      names.add(name);
      walk(dep.dependencies);
    }
  };
  walk(installed.dependencies);
  const leaked = SERVER_ONLY.filter((name) => names.has(name));
  const bytes = size(join(app, 'node_modules'));
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  if (leaked.length) {
    failed = true;
    console.error(
      `not ok: installing ${element} pulls in ${leaked.join(', ')}`
    );
  } else if (bytes > MAX_INSTALLED_BYTES) {
    failed = true;
    console.error(`not ok: ${element} installs ${megabytes} MB (budget 10 MB)`);
  } else {
    console.log(
      `ok: ${element} installs ${names.size} packages, ${megabytes} MB, nothing of the server (${[...names].sort().join(', ')})`
    );
  }
} finally {
  rmSync(app, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);

interface Dependencies {
  [name: string]: {version?: string; dependencies?: Dependencies};
}

function size(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce(
    (sum, name) => sum + size(join(path, name)),
    0
  );
}

/**
 * Prints the gzip size of the script-tag bundle after `npm run build`: the initial download
 * (widget/dist/cdn/pay-checkout.js plus every chunk it imports statically) and each lazily loaded
 * chunk (provider code). Fails when the initial download is over budget.
 *
 *   tsx scripts/size.ts [dir]     (dir: another build's outDir, `vite build --outDir dir`)
 */
import {existsSync} from 'node:fs';
import {join, relative} from 'node:path';
import {bundleSizes, gzipSize} from './bundle-size.js';

const ROOT = process.argv[2] ?? 'widget/dist/cdn';
const ENTRY = join(ROOT, 'pay-checkout.js');
// Issue 12's budget: Lit, the element's shell and the API client (9.2 KB at the split); the
// checkout itself is the lazily loaded checkout chunk, requested at connect.
const BUDGET = 12 * 1024;

if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const {initial, initialSize, lazy} = bundleSizes(ENTRY);

const rows: [string, string, string][] = [
  [
    'initial',
    [...initial].map((file) => relative(ROOT, file)).join(' + '),
    kb(initialSize),
  ],
  ...[...lazy]
    .sort()
    .map((file): [string, string, string] => [
      'lazy',
      relative(ROOT, file),
      kb(gzipSize(file)),
    ]),
];
const width = Math.max(...rows.map(([, name]) => name.length));
console.log(`gzip sizes of ${ROOT}/ (level 9)`);
for (const [kind, name, size] of rows)
  console.log(
    `  ${kind.padEnd(8)}${name.padEnd(width + 2)}${size.padStart(10)}`
  );

const verdict = `initial ${kb(initialSize)} of a ${kb(BUDGET)} budget (Lit included)`;
if (initialSize > BUDGET) {
  console.error(`over budget: ${verdict}`);
  process.exit(1);
}
console.log(`ok: ${verdict}`);

/**
 * Prints the gzip size of the script-tag bundle after `npm run build`: the initial download
 * (widget/dist/cdn/pay-checkout.js plus every chunk it imports statically) and each lazily loaded
 * chunk (provider code). Fails when the initial download is over budget.
 *
 *   tsx scripts/size.ts
 */
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {gzipSync} from 'node:zlib';

const ROOT = 'widget/dist/cdn';
const ENTRY = join(ROOT, 'pay-checkout.js');
const BUDGET = 20 * 1024;

if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["'`](\.[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g;

function imports(file: string, pattern: RegExp): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(pattern)].map((match) =>
    join(dirname(file), match[1]!)
  );
}

/** A file and everything it imports statically: what one script tag (or import()) loads. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dependency of imports(file, STATIC_IMPORT))
    closure(dependency, seen);
  return seen;
}

const gzip = (file: string) => gzipSync(readFileSync(file), {level: 9}).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

const initial = closure(ENTRY);
const initialSize = [...initial].reduce((sum, file) => sum + gzip(file), 0);

// Every chunk reachable through import(), minus what the initial download already has.
const lazy = new Set<string>();
const queue = [...initial];
while (queue.length) {
  for (const target of imports(queue.shift()!, DYNAMIC_IMPORT)) {
    for (const file of closure(target)) {
      if (initial.has(file) || lazy.has(file)) continue;
      lazy.add(file);
      queue.push(file);
    }
  }
}

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
      kb(gzip(file)),
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

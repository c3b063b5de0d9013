/**
 * Imports the built npm entry in Node, the way server-side rendering or a test runner would,
 * and fails if that throws or touches browser globals. Lit's Node build brings its own DOM
 * shim (and registers elements in it), so only the globals our code must not touch at
 * import time are trapped: `window`, storage, `location`, `history`, `matchMedia`.
 *
 *   tsx scripts/check-node-import.ts   (run by `npm run build`)
 */
import assert from 'node:assert/strict';
import {pathToFileURL} from 'node:url';

const TRAPPED = [
  'window',
  'location',
  'history',
  'sessionStorage',
  'localStorage',
  'matchMedia',
];
const touched: string[] = [];
for (const name of TRAPPED) {
  // Newer Node versions define some of these (localStorage); trap them all the same.
  if (Object.getOwnPropertyDescriptor(globalThis, name)?.configurable === false)
    continue;
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      touched.push(name);
      return undefined;
    },
  });
}

const entry = pathToFileURL('widget/dist/index.js').href;
const module = (await import(entry)) as Record<string, unknown>;
assert.equal(typeof module.PayCheckout, 'function', 'PayCheckout is exported');
assert.equal(typeof module.PayItem, 'function', 'PayItem is exported');
assert.deepEqual(
  touched,
  [],
  `importing ${entry} touched ${touched.join(', ')}`
);
console.log(
  `ok: ${entry} imports in Node without touching ${TRAPPED.join(', ')}`
);

/**
 * Gzip sizes of an ES module bundle: what one `<script type="module">` downloads (the entry and
 * every chunk it imports statically) and each chunk reachable only through `import()`. Used by
 * `npm run size` and `npm run bench`.
 */
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {gzipSync} from 'node:zlib';

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

export const gzipSize = (file: string) =>
  gzipSync(readFileSync(file), {level: 9}).length;

export interface BundleSizes {
  initial: Set<string>;
  /** Gzip bytes of the initial download. */
  initialSize: number;
  /** Every lazily loaded chunk, minus what the initial download already has. */
  lazy: Set<string>;
}

export function bundleSizes(entry: string): BundleSizes {
  const initial = closure(entry);
  const initialSize = [...initial].reduce(
    (sum, file) => sum + gzipSize(file),
    0
  );
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
  return {initial, initialSize, lazy};
}

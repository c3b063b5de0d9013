/**
 * Where the demo shop's files are: next to the built server in the package (`dist/demo/`,
 * copied there by the build), or in the repository's `demo/` when running from source.
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const DEMO_DIR = [
  fileURLToPath(new URL('./demo', import.meta.url)),
  fileURLToPath(new URL('../demo', import.meta.url)),
].find((dir) => existsSync(join(dir, 'index.html')))!;

/** The demo's catalog: what the server sells when no CATALOG is given in development. */
export const DEMO_CATALOG = join(DEMO_DIR, 'catalog.json');

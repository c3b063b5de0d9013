/**
 * Copies the plain-HTML demo shop (demo/*.html, .js, .css, catalog.json; not the framework
 * example apps in its subfolders) into server/dist/demo/, where the server package serves it.
 *
 *   tsx scripts/copy-demo.ts   (run by `npm run build:server`)
 */
import {copyFileSync, mkdirSync, readdirSync} from 'node:fs';
import {join} from 'node:path';

const from = 'demo';
const to = 'server/dist/demo';
mkdirSync(to, {recursive: true});
for (const entry of readdirSync(from, {withFileTypes: true})) {
  if (entry.isFile())
    copyFileSync(join(from, entry.name), join(to, entry.name));
}
console.log(`ok: ${from}/ → ${to}/`);

/**
 * `npm run pack`: one tarball per published package in dist/packages/ — `pay-checkout` (the
 * element), `@pay-checkout/server` and `@pay-checkout/emulators` — from what `npm run build`
 * left in each workspace's dist/. Each package gets the repository's LICENSE, the server its
 * `.env.example`. Prints the
 * tarballs' paths, one a line, last.
 *
 *   npm run build && tsx scripts/pack.ts
 */
import {execFileSync} from 'node:child_process';
import {copyFileSync, mkdirSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';

export const WORKSPACES = ['widget', 'server', 'emulators'] as const;
const OUT = resolve('dist/packages');

rmSync(OUT, {recursive: true, force: true});
mkdirSync(OUT, {recursive: true});
for (const workspace of WORKSPACES)
  copyFileSync('LICENSE', join(workspace, 'LICENSE'));
// The server's settings, explained, for whoever installs it.
copyFileSync('.env.example', 'server/.env.example');

const packed = JSON.parse(
  execFileSync(
    'npm',
    [
      'pack',
      ...WORKSPACES.flatMap((workspace) => ['--workspace', workspace]),
      '--pack-destination',
      OUT,
      '--json',
      '--silent',
    ],
    {encoding: 'utf8'}
  )
) as {name: string; filename: string; size: number; unpackedSize: number}[];

for (const {name, filename, size, unpackedSize} of packed) {
  console.log(
    `${name}: ${join('dist/packages', filename)} (${(size / 1024).toFixed(1)} KB packed, ${(unpackedSize / 1024).toFixed(1)} KB unpacked)`
  );
}

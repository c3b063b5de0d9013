/**
 * The browser scripts are TypeScript in this folder, bundled with esbuild on first request and
 * kept per emulator instance; a failed build is not kept, so a fix is picked up.
 */
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

export const ENTRIES = {
  sdk: 'sdk/paypal-sdk.ts',
  buttonFrame: 'frame/button-frame.ts',
  checkout: 'frame/checkout-page.ts',
} as const;

export type Entry = keyof typeof ENTRIES;

export function createBundler() {
  const bundles = new Map<Entry, Promise<string>>();
  return function bundle(entry: Entry): Promise<string> {
    let script = bundles.get(entry);
    if (!script) {
      script = build({
        entryPoints: [fileURLToPath(new URL(ENTRIES[entry], import.meta.url))],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        charset: 'utf8',
        legalComments: 'none',
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0]!.text);
      script.catch(() => bundles.delete(entry));
      bundles.set(entry, script);
    }
    return script;
  };
}

/**
 * The emulators' browser scripts are TypeScript, bundled with esbuild on first request and kept
 * per emulator instance; a failed build is not kept, so a fix is picked up.
 */
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

/**
 * `entries` name each script's entry point (`.ts`) relative to `base` (pass the caller's
 * `import.meta.url`); the returned function gives an entry's bundle. From the published
 * package the caller is compiled JavaScript, and so are the entries next to it.
 */
export function createBundler<E extends string>(
  entries: Readonly<Record<E, string>>,
  base: string
): (entry: E) => Promise<string> {
  const bundles = new Map<E, Promise<string>>();
  return function bundle(entry) {
    let script = bundles.get(entry);
    if (!script) {
      script = build({
        entryPoints: [
          fileURLToPath(new URL(sourceOf(entries[entry], base), base)),
        ],
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

function sourceOf(entry: string, base: string): string {
  return base.endsWith('.js') ? entry.replace(/\.ts$/, '.js') : entry;
}

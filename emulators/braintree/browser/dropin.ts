/**
 * The Drop-in fake's entry: `window.braintree.dropin` with `create(options, callback?)` and
 * `VERSION`, as Braintree's `dropin.min.js` defines it. The card frame, the stylesheet and the
 * 3-D Secure window come from the client token's `assetsUrl` (the emulator's origin), else from
 * the origin this script was loaded from. Bundled with esbuild and
 * served at `GET /web/dropin/fake/dropin.js`. Runs in the browser.
 */
import type {Dropin, Options} from 'braintree-web-drop-in';
import {createDropin} from './dropin-instance.js';

const VERSION = '1.48.0';

// Read while the script runs: afterwards `document.currentScript` is null.
const origin = new URL(
  (document.currentScript as HTMLScriptElement | null)?.src ?? location.href
).origin;

function create(options: Options): Promise<Dropin>;
function create(
  options: Options,
  callback: (error: object | null, dropin: Dropin | undefined) => void
): void;
function create(
  options: Options,
  callback?: (error: object | null, dropin: Dropin | undefined) => void
): Promise<Dropin> | void {
  const created = Promise.resolve().then(() => createDropin(options, origin));
  if (!callback) return created;
  created.then(
    (dropin) => callback(null, dropin),
    (error: object) => callback(error, undefined)
  );
}

const global = window as unknown as {braintree?: Record<string, unknown>};
global.braintree ??= {};
global.braintree.dropin = {create, VERSION};

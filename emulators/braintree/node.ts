/** Starting the emulator on loopback (the Node part is ../shared/serve.ts). */
import {serveOnLoopback, type Served} from '../shared/serve.js';
import {
  createBraintreeEmulator,
  type BraintreeEmulator,
  type BraintreeEmulatorOptions,
} from './emulator.js';

/** The emulator served on loopback: `url`, `port`, and a close() that also stops the server. */
export interface RunningBraintreeEmulator extends BraintreeEmulator, Served {
  /** `http://127.0.0.1:<port>`. */
  url: string;
}

/**
 * Listens on 127.0.0.1 only (port 0, the default, picks a free one). Point the SDK at it with
 * `new braintree.Environment('127.0.0.1', port, '', false)`.
 */
export async function startBraintreeEmulator(
  options: BraintreeEmulatorOptions & {port?: number} = {}
): Promise<RunningBraintreeEmulator> {
  const emulator = createBraintreeEmulator(options);
  const served = await serveOnLoopback(emulator, options.port);
  // Client tokens name the origin the client API and the Drop-in fake are served at.
  emulator.setUrl(served.url);
  return {...emulator, ...served};
}

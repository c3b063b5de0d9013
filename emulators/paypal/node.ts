/** Starting the emulator on loopback (the Node part is ../shared/serve.ts). */
import {serveOnLoopback, type Served} from '../shared/serve.js';
import {
  createPaypalEmulator,
  type PaypalEmulator,
  type PaypalEmulatorOptions,
} from './emulator.js';

/** The emulator served on loopback: `url`, `port`, and a close() that also stops the server. */
export interface RunningPaypalEmulator extends PaypalEmulator, Served {
  /** `http://127.0.0.1:<port>`. */
  url: string;
}

/** Listens on 127.0.0.1 only (port 0, the default, picks a free one). */
export async function startPaypalEmulator(
  options: PaypalEmulatorOptions & {port?: number} = {}
): Promise<RunningPaypalEmulator> {
  const emulator = createPaypalEmulator(options);
  const served = await serveOnLoopback(emulator, options.port);
  // Links, the certificate URL and the SDK's API calls name the origin it is served at.
  emulator.setUrl(served.url);
  return {...emulator, ...served};
}

/** Starting the emulator on loopback (the Node part is ../shared/serve.ts). */
import {serveOnLoopback, type Served} from '../shared/serve.js';
import {
  createStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from './emulator.js';

/** The emulator served on loopback: `url`, `port`, and a close() that also stops the server. */
export interface RunningStripeEmulator extends StripeEmulator, Served {}

/** Listens on 127.0.0.1 only (port 0, the default, picks a free one). */
export async function startStripeEmulator(
  options: StripeEmulatorOptions & {port?: number} = {}
): Promise<RunningStripeEmulator> {
  const emulator = createStripeEmulator(options);
  const served = await serveOnLoopback(emulator, options.port);
  return {...emulator, ...served};
}

/** Starting the emulator on loopback (the Node part is ../shared/serve.ts). */
import {serveOnLoopback, type Served} from '../shared/serve.js';
import {
  createSquareEmulator,
  type SquareEmulator,
  type SquareEmulatorOptions,
} from './emulator.js';

/** The emulator served on loopback: `url`, `port`, and a close() that also stops the server. */
export interface RunningSquareEmulator extends SquareEmulator, Served {
  /** `http://127.0.0.1:<port>`: the SDK's `baseUrl`, and where `/v1/square.js` is. */
  url: string;
}

/** Listens on 127.0.0.1 only (port 0, the default, picks a free one). */
export async function startSquareEmulator(
  options: SquareEmulatorOptions & {port?: number} = {}
): Promise<RunningSquareEmulator> {
  const emulator = createSquareEmulator(options);
  const served = await serveOnLoopback(emulator, options.port);
  emulator.setUrl(served.url);
  return {...emulator, ...served};
}

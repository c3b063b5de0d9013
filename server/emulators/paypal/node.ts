/** The only part of the emulator that knows it runs on Node: serving the app on loopback. */
import {serve} from '@hono/node-server';
import type {AddressInfo} from 'node:net';
import {
  createPaypalEmulator,
  type PaypalEmulator,
  type PaypalEmulatorOptions,
} from './emulator.js';

export interface RunningPaypalEmulator extends PaypalEmulator {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Stops the emulator, then the server. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only (port 0, the default, picks a free one). */
export async function startPaypalEmulator(
  options: PaypalEmulatorOptions & {port?: number} = {}
): Promise<RunningPaypalEmulator> {
  const emulator = createPaypalEmulator(options);
  const server = await new Promise<ReturnType<typeof serve>>(
    (resolve, reject) => {
      const started = serve(
        {
          fetch: emulator.app.fetch,
          hostname: '127.0.0.1',
          port: options.port ?? 0,
          // Leave the process's Request/Response alone: other code (and tests) share it.
          overrideGlobalObjects: false,
        },
        () => resolve(started)
      );
      started.once('error', reject);
    }
  );
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  emulator.setUrl(url);
  let closing: Promise<void> | undefined;
  return {
    ...emulator,
    url,
    port,
    close() {
      closing ??= (async () => {
        await emulator.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

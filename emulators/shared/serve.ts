/** The only part of the emulators that knows it runs on Node: serving an app on loopback. */
import {serve} from '@hono/node-server';
import type {AddressInfo} from 'node:net';

export interface Served {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Stops the emulator, then the server. */
  close(): Promise<void>;
}

/**
 * Serves `emulator.app` on 127.0.0.1 only (port 0, the default, picks a free one). close()
 * closes the emulator first, so that nothing it still sends races the server's end.
 */
export async function serveOnLoopback(
  emulator: {
    app: {fetch: (request: Request) => Response | Promise<Response>};
    close(): Promise<void>;
  },
  port = 0
): Promise<Served> {
  const server = await new Promise<ReturnType<typeof serve>>(
    (resolve, reject) => {
      const started = serve(
        {
          fetch: emulator.app.fetch,
          hostname: '127.0.0.1',
          port,
          // Leave the process's Request/Response alone: other code (and tests) share it.
          overrideGlobalObjects: false,
        },
        () => resolve(started)
      );
      started.once('error', reject);
    }
  );
  const actualPort = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
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

/**
 * A webhook endpoint for the emulators' tests: a plain Node HTTP server on loopback that records
 * every delivery (raw body, headers, arrival time) and answers as the test says.
 */
import {createServer, type IncomingHttpHeaders} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface Delivery<E = unknown> {
  /** The raw body, exactly as received: what a signature covers. */
  body: string;
  headers: IncomingHttpHeaders;
  /** The body, parsed. */
  event: E;
  receivedAt: number;
}

/** What the receiver does with its n-th request (1-based): a status, or never answer. */
export type Reply = (n: number) => number | 'hang';

export interface Receiver<E = unknown> {
  url: string;
  deliveries: Delivery<E>[];
  /** Resolves once `count` deliveries have arrived. */
  received(count: number): Promise<Delivery<E>[]>;
  close(): Promise<void>;
}

export async function startReceiver<E = unknown>(
  options: {path?: string; reply?: Reply; parse?: (body: string) => E} = {}
): Promise<Receiver<E>> {
  const reply = options.reply ?? (() => 200);
  // JSON unless told (Braintree's notifications are form-encoded).
  const parse = options.parse ?? ((body: string) => JSON.parse(body) as E);
  const deliveries: Delivery<E>[] = [];
  let waiters: {count: number; resolve(d: Delivery<E>[]): void}[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      deliveries.push({
        body,
        headers: request.headers,
        event: parse(body),
        receivedAt: Date.now(),
      });
      const answer = reply(deliveries.length);
      if (answer !== 'hang') response.writeHead(answer).end();
      const ready = waiters.filter((w) => deliveries.length >= w.count);
      waiters = waiters.filter((w) => deliveries.length < w.count);
      for (const waiter of ready) waiter.resolve([...deliveries]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path ?? '/webhooks'}`,
    deliveries,
    received: (count) =>
      new Promise((resolve) => {
        if (deliveries.length >= count) resolve([...deliveries]);
        else waiters.push({count, resolve});
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * SIGTERM (and Ctrl+C): a graceful stop within SHUTDOWN_TIMEOUT_SECONDS.
 * 1. /readyz turns 503, so a load balancer takes the instance out;
 * 2. the listening socket closes: no new connection is accepted (a client retries elsewhere,
 *    a provider re-delivers its webhook later), idle keep-alive connections are closed;
 * 3. requests already received are answered, outbox jobs and a reconciliation under way finish
 *    (the outbox and the reconciler start nothing new);
 * 4. the emulators (development) and the store close; the process exits 0.
 * Past the timeout the remaining connections are cut and the process exits 1: whatever was cut
 * is safe to redo (webhooks are retried and deduplicated, outbox jobs are retried after their
 * lock expires).
 */
import type {Server} from 'node:http';
import type {Logger} from './log.js';

interface ShutdownParts {
  server: Server;
  timeoutMs: number;
  logger: Logger;
  /** Turns /readyz to 503. */
  beginShutdown(): void;
  /** Stops the intervals (outbox, reconciler). */
  stopBackground(): void;
  /** Resolves when the outbox and the reconciler have nothing under way. */
  backgroundIdle(): Promise<void>;
  /** Closes what is left (emulators, the store). */
  close(): Promise<void>;
}

/** Runs the shutdown once; resolves to the exit code (0: clean, 1: the timeout cut something). */
export function gracefulShutdown(parts: ShutdownParts): () => Promise<number> {
  let running: Promise<number> | undefined;
  return () => (running ??= shutdown(parts));
}

async function shutdown(parts: ShutdownParts): Promise<number> {
  const {server, logger} = parts;
  const seconds = parts.timeoutMs / 1000;
  console.log(
    `Stopping: no new connections; waiting up to ${seconds} s for requests and outbox jobs under way`
  );
  parts.beginShutdown();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // server.close() ends idle keep-alive connections once; a connection whose response goes out
  // later becomes idle then, and is ended on the next tick of this.
  const reaper = setInterval(() => server.closeIdleConnections(), 50);
  parts.stopBackground();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), parts.timeoutMs);
  });
  // Requests first: one under way may still queue an outbox job, which then runs too.
  const cut = await Promise.race([
    closed.then(() => parts.backgroundIdle()).then(() => false as const),
    timedOut,
  ]);
  clearTimeout(timer);
  clearInterval(reaper);
  if (cut) {
    logger.warn(
      {timeoutMs: parts.timeoutMs},
      'shutdown timed out: closing the remaining connections'
    );
    server.closeAllConnections();
  }
  try {
    await parts.close();
  } catch (error) {
    logger.error({error: (error as Error).name}, 'closing failed');
    return 1;
  }
  console.log(cut ? 'Stopped (timed out).' : 'Stopped.');
  return cut ? 1 : 0;
}

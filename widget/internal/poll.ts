/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * After the provider says the money moved, the order becomes `paid` only when the server has
 * seen the provider's verified webhook. The element polls the order until then.
 */
import type {OrderResponse, OrderStatus} from '../contract.js';
import {ApiError} from './api.js';

/** Statuses that may still change on their own: keep polling. */
const IN_FLIGHT: ReadonlySet<OrderStatus> = new Set(['pending', 'processing']);

interface PollOptions {
  /** Waits before each attempt, in ms; the last one repeats. */
  delays?: readonly number[];
  /** Give up after this long (ms). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type PollResult =
  | {settled: true; order: OrderResponse}
  | {settled: false; order?: OrderResponse};

/** Backs off 0 → 500 ms → 1 s → 1.5 s → 2 s, then every 2 s, for up to a minute. */
const DEFAULT_POLL: Required<Omit<PollOptions, 'signal'>> = {
  delays: [0, 500, 1000, 1500, 2000],
  timeoutMs: 60_000,
};

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}

/**
 * Calls `fetchOrder` until the order leaves `pending`/`processing` or time runs out.
 * Network errors and 5xx answers are retried; any other error (401, 404) is thrown.
 */
export async function pollOrder(
  fetchOrder: (signal?: AbortSignal) => Promise<OrderResponse>,
  options: PollOptions = {}
): Promise<PollResult> {
  const {delays, timeoutMs} = {...DEFAULT_POLL, ...options};
  const deadline = Date.now() + timeoutMs;
  let last: OrderResponse | undefined;
  for (let attempt = 0; ; attempt++) {
    const wait = delays[Math.min(attempt, delays.length - 1)] ?? 0;
    if (Date.now() + wait > deadline) return {settled: false, order: last};
    await sleep(wait, options.signal);
    try {
      last = await fetchOrder(options.signal);
      if (!IN_FLIGHT.has(last.status)) return {settled: true, order: last};
    } catch (error) {
      const transient =
        error instanceof ApiError &&
        (error.status === 0 || error.status >= 500);
      if (!transient) throw error;
    }
  }
}

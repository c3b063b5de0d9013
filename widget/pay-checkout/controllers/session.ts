/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import type {ConfigResponse, Quote, QuoteRequest} from '../../contract.js';
import type {Api} from '../../internal/api.js';

/**
 * One connection of the element to its companion server: made when it connects (again when
 * `server`, `provider` or `mode` change), ended when it disconnects.
 */
export interface Session {
  readonly api: Api;
  /** Aborted when the connection ends: every fetch, load and poll of it. */
  readonly signal: AbortSignal;
  /** The server's `/api/config`, once it answered. */
  config?: ConfigResponse;
}

/**
 * What the element asked for at connect, before the checkout chunk was in (../head-start.ts):
 * the first connection takes it over if it still fits (same server, provider and mode; the
 * same cart for the quote).
 */
export interface HeadStart {
  /** The first connection's lifetime: aborted when the element disconnects first. */
  readonly lifetime: AbortController;
  readonly api: Api;
  /** `provider` and `mode` when it was made. */
  readonly provider: string;
  readonly mode: string;
  readonly config: Promise<ConfigResponse>;
  /** The quote asked for (for an empty cart nothing was: `quote` is null). */
  readonly request: QuoteRequest;
  readonly quote: Promise<Quote | null>;
}

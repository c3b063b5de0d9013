/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import type {ConfigResponse} from '../../contract.js';
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

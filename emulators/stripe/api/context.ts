/** The per-request values the API pipeline hands to route handlers. */
import type {Context} from 'hono';
import type {RequestInfo} from '../core/types.js';
import type {Params} from './form.js';

export interface Auth {
  kind: 'secret' | 'publishable';
  key: string;
}

export interface Env {
  Variables: {
    requestId: string;
    /** `Stripe-Version` of the request, or the account default. */
    apiVersion: string;
    params: Params;
    auth: Auth;
    idempotencyKey: string | null;
    /** Set when the answer must not be saved for idempotent replay. */
    skipIdempotentSave: boolean;
  };
}

export type ApiContext = Context<Env>;

export function requestInfo(c: ApiContext): RequestInfo {
  return {
    id: c.get('requestId'),
    idempotencyKey: c.get('idempotencyKey') ?? null,
  };
}

/** Events caused by the emulator's own controls carry no API request, as automatic ones don't. */
export const NO_REQUEST: RequestInfo = {id: null, idempotencyKey: null};

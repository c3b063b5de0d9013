/** The per-request values the API pipeline hands to route handlers. */

/** An access token PayPal issued: to the server (client id + secret) or to the JS SDK. */
export interface AccessToken {
  token: string;
  /** `browser` tokens are the JS SDK's (client id only): orders only, as the real one. */
  kind: 'server' | 'browser';
  /** Milliseconds on the emulator's clock. */
  expiresAt: number;
}

export interface Env {
  Variables: {
    debugId: string;
    token: AccessToken;
    /** The parsed JSON body of a POST (undefined when empty). */
    body: unknown;
  };
}

/**
 * The postMessage envelope both emulators' browser code uses between the provider's script on
 * the shop's page and the documents it opens on the emulator's origin. Every message carries
 * the provider's `protocol` and a `channel`; receivers check `event.origin` and `event.source`
 * before reading anything. Runs in the browser: no Node here.
 */

type Envelope<T, P extends string> = T & {protocol: P; channel: string};

/** `envelope` and `isEnvelope` for one protocol name (e.g. `stripe-emulator/1`). */
export function envelopes<P extends string>(protocol: P) {
  return {
    envelope<T>(channel: string, message: T): Envelope<T, P> {
      return {...message, protocol, channel};
    },

    /** True when `data` is one of our messages on `channel`; the caller has checked the origin. */
    isEnvelope<T extends {type: string}>(
      data: unknown,
      channel: string
    ): data is Envelope<T, P> {
      if (typeof data !== 'object' || data === null) return false;
      const record = data as Record<string, unknown>;
      return (
        record.protocol === protocol &&
        record.channel === channel &&
        typeof record.type === 'string'
      );
    },
  };
}

/** A card's `fingerprint`: the same card number gives the same one, within one emulator. */
import {newFingerprint} from '../core/ids.js';
import type {Core} from '../core/state.js';

export function fingerprintOf(core: Core, cardNumber: string): string {
  const {fingerprints} = core.state;
  let fingerprint = fingerprints.get(cardNumber);
  if (!fingerprint)
    fingerprints.set(cardNumber, (fingerprint = newFingerprint()));
  return fingerprint;
}

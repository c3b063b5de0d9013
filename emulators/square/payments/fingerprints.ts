/** A card's `fingerprint`: the same card number gives the same one, within one emulator. */
import {newFingerprint} from '../core/ids.js';
import type {Core} from '../core/state.js';

const fingerprints = new WeakMap<Core, Map<string, string>>();

export function fingerprintOf(core: Core, cardNumber: string): string {
  let byNumber = fingerprints.get(core);
  if (!byNumber) fingerprints.set(core, (byNumber = new Map()));
  let fingerprint = byNumber.get(cardNumber);
  if (!fingerprint) byNumber.set(cardNumber, (fingerprint = newFingerprint()));
  return fingerprint;
}

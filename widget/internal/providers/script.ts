/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * A provider's classic `<script>` (the emulator's offline SDKs, Braintree's Drop-in from its
 * CDN), added once per URL. Only the provider chunks use this module, through ./shared.ts.
 */
import {providerError} from './errors.js';

const injected = new Map<string, Promise<void>>();

/**
 * Adds a classic `<script>` once per URL, with the page's CSP nonce if it has one (a
 * nonce-based policy allows nothing else). A failed load is forgotten, so the next asks again.
 */
export function injectScript(src: string, nonce?: string): Promise<void> {
  let loading = injected.get(src);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      if (nonce) script.nonce = nonce;
      script.src = src;
      script.async = true;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => {
        injected.delete(src);
        script.remove();
        reject(providerError('provider_unavailable', `Could not load ${src}`));
      });
      document.head.append(script);
    });
    injected.set(src, loading);
  }
  return loading;
}

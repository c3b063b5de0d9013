/**
 * What the SDK learns from its own script tag, as PayPal's does: the query string @paypal/paypal-js
 * built (`client-id`, `currency`, `intent`, `components`, `commit`), the `data-namespace`
 * attribute (the global to define instead of `window.paypal`), `data-csp-nonce`, and the origin
 * it came from, which is where its frames and API live.
 */
export interface ScriptParams {
  origin: string;
  clientId: string;
  /** Upper-case ISO 4217; orders must be in it. */
  currency: string;
  intent: string;
  components: string[];
  namespace: string;
  /** `data-csp-nonce`: the page's CSP nonce, which the real SDK puts on the styles it adds. */
  cspNonce?: string;
  /** `locale` (`de_DE`): the language of the buttons and the window; PayPal's choice without it. */
  locale?: string;
}

function sdkScript(): HTMLScriptElement {
  // `currentScript` is only set while this file first runs, so this is read at load time.
  const current = document.currentScript as HTMLScriptElement | null;
  if (current?.src) return current;
  const candidates = document.querySelectorAll<HTMLScriptElement>(
    'script[src*="/sdk/js"]'
  );
  const last = candidates[candidates.length - 1];
  if (!last)
    throw new Error('The PayPal emulator SDK cannot find its own script tag.');
  return last;
}

export function readScriptParams(): ScriptParams {
  const script = sdkScript();
  const url = new URL(script.src);
  const query = url.searchParams;
  return {
    origin: url.origin,
    clientId: query.get('client-id') ?? '',
    currency: query.get('currency') ?? 'USD',
    intent: query.get('intent') ?? 'capture',
    components: (query.get('components') ?? 'buttons').split(','),
    namespace: script.getAttribute('data-namespace') || 'paypal',
    cspNonce: script.getAttribute('data-csp-nonce') || undefined,
    locale: query.get('locale') || undefined,
  };
}

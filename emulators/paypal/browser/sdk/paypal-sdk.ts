/**
 * The emulator's PayPal JS SDK, served at `/sdk/js`. Loaded by @paypal/paypal-js's
 * `loadScript({clientId, currency, sdkBaseUrl: `${emulator}/sdk/js`, dataNamespace})`, it defines
 * `window[data-namespace]` (default `window.paypal`) as a `PayPalNamespace` with the parts the
 * widget uses: `Buttons` (when `components` includes `buttons`, the default), funding
 * eligibility and `version`. Its frames and API calls go to the origin it was loaded from.
 */
import type {FUNDING_SOURCE, PayPalNamespace} from '@paypal/paypal-js';
import {createApi} from './api.js';
import {createButtons} from './buttons.js';
import {readScriptParams} from './script-params.js';

const params = readScriptParams();
const api = createApi(params.origin, params.clientId);

const FUNDING: Record<string, FUNDING_SOURCE> = {
  PAYPAL: 'paypal',
  VENMO: 'venmo',
  PAYLATER: 'paylater',
  CREDIT: 'credit',
  CARD: 'card',
};

const namespace: PayPalNamespace = {
  version: '5.0.0-emulator',
  FUNDING,
  getFundingSources: () => ['paypal'],
  isFundingEligible: (source) => source === 'paypal',
  rememberFunding: () => undefined,
  ...(params.components.includes('buttons') && {
    Buttons: (options) => createButtons(params, api, options),
  }),
};

const unsupported = params.components.filter(
  (name) => name !== 'buttons' && name !== 'funding-eligibility'
);
if (unsupported.length > 0) {
  console.warn(
    `PayPal emulator: components not emulated: ${unsupported.join(', ')}`
  );
}

(window as unknown as Record<string, unknown>)[params.namespace] = namespace;

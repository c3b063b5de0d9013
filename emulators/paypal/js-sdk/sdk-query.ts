/**
 * The query string of `GET /sdk/js`, checked as PayPal checks it before serving the SDK: an
 * unknown client id, currency or component is a 400 (so the script fails to load and
 * `loadScript()` rejects). Values are the kebab-case names @paypal/paypal-js writes
 * (`client-id`, `currency`, `intent`, `components`, …).
 */
import {PAYPAL_CURRENCIES} from '../core/money.js';

/** Every component name the real SDK knows; the emulator implements `buttons` (and eligibility). */
const KNOWN_COMPONENTS = new Set([
  'buttons',
  'marks',
  'messages',
  'funding-eligibility',
  'hosted-fields',
  'card-fields',
  'payment-fields',
  'applepay',
  'googlepay',
  'venmo',
  'legal',
  'fastlane',
]);

const KNOWN_PARAMETERS = new Set([
  'client-id',
  'currency',
  'intent',
  'components',
  'commit',
  'vault',
  'debug',
  'locale',
  'buyer-country',
  'enable-funding',
  'disable-funding',
  'integration-date',
  'merchant-id',
]);

type SdkQueryResult = {ok: true} | {ok: false; message: string};

export function checkSdkQuery(
  query: URLSearchParams,
  clientId: string
): SdkQueryResult {
  const fail = (message: string): SdkQueryResult => ({ok: false, message});
  for (const key of query.keys()) {
    if (!KNOWN_PARAMETERS.has(key))
      return fail(`Invalid query parameter: ${key}`);
  }
  const client = query.get('client-id');
  if (!client) return fail('Expected client-id to be passed');
  if (client !== clientId) {
    return fail(
      `client-id not recognized for either production or sandbox: ${client}`
    );
  }
  const currency = query.get('currency') ?? 'USD';
  if (!PAYPAL_CURRENCIES.has(currency))
    return fail(`Invalid currency: ${currency}`);
  const intent = query.get('intent') ?? 'capture';
  if (intent !== 'capture') {
    return fail(
      `intent=${intent} is not emulated: the PayPal emulator supports intent=capture only`
    );
  }
  if (query.get('vault') === 'true') {
    return fail('vault=true is not emulated by the PayPal emulator');
  }
  for (const component of (query.get('components') ?? 'buttons').split(',')) {
    if (!KNOWN_COMPONENTS.has(component))
      return fail(`Invalid component: ${component}`);
  }
  return {ok: true};
}

/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The element's language as each provider's browser SDK takes it. Both accept fixed lists, so
 * a tag is matched by language, script and region; a language a provider lacks is left to the
 * provider's own choice (Stripe's `auto`: the browser's language; PayPal's buyer country).
 */
import type {StripeElementLocale} from '@stripe/stripe-js';

/** A tag's language, script and region, filled in as Intl would (`pt` → pt-Latn-BR). */
function likely(
  tag: string
): {language: string; script: string; region: string} | undefined {
  try {
    const {
      language,
      script = '',
      region = '',
    } = new Intl.Locale(tag).maximize();
    return {language, script, region};
  } catch {
    return undefined;
  }
}

/** Stripe Elements' languages (https://docs.stripe.com/js/appendix/supported_locales). */
const STRIPE = new Set<string>([
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-AU',
  'en-CA',
  'en-NZ',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'he',
  'hu',
  'hr',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
]);

/** Spanish-speaking Latin America and the Caribbean: Stripe's `es-419`. */
const LATIN_AMERICA = new Set(
  'AR BO CL CO CR CU DO EC GT HN MX NI PA PE PR PY SV UY VE 419'.split(' ')
);

/** `fr-BE` → fr, `pt` → pt-BR, `pt-PT` → pt, `es-MX` → es-419, `zh-CN` → zh, `zh-TW` → zh-TW; else `auto`. */
export function stripeLocale(tag: string): StripeElementLocale {
  const wanted = likely(tag);
  if (!wanted) return 'auto';
  const {language, script, region} = wanted;
  let found: string | undefined;
  if (language === 'zh')
    found =
      script === 'Hant'
        ? region === 'HK' || region === 'MO'
          ? 'zh-HK'
          : 'zh-TW'
        : 'zh';
  else if (language === 'es' && LATIN_AMERICA.has(region)) found = 'es-419';
  else found = [`${language}-${region}`, language].find((c) => STRIPE.has(c));
  return found && STRIPE.has(found) ? (found as StripeElementLocale) : 'auto';
}

/**
 * PayPal's `language_COUNTRY` codes for the element's languages
 * (https://developer.paypal.com/reference/locale-codes/): the buyer's own country where PayPal
 * pairs it with the language, else the language's usual one.
 */
const PAYPAL: Record<string, {countries: string[]; usual: string}> = {
  en: {countries: ['US', 'GB', 'AU', 'CA', 'IN'], usual: 'US'},
  de: {countries: ['DE', 'AT', 'CH', 'LU'], usual: 'DE'},
  fr: {countries: ['FR', 'CA', 'BE', 'CH', 'LU'], usual: 'FR'},
  es: {countries: ['ES', 'MX', 'AR', 'CL', 'CO'], usual: 'ES'},
  it: {countries: ['IT'], usual: 'IT'},
  nl: {countries: ['NL', 'BE'], usual: 'NL'},
  pt: {countries: ['BR', 'PT'], usual: 'BR'},
  ja: {countries: ['JP'], usual: 'JP'},
  // PayPal writes Arabic as ar_EG for every Arabic-speaking country.
  ar: {countries: ['EG'], usual: 'EG'},
};

/** `de-AT` → de_AT, `fr-SN` → fr_FR, `zh-Hans` → zh_CN, `zh-TW` → zh_TW, `pt` → pt_BR; `ko` → none. */
export function paypalLocale(tag: string): string | undefined {
  const wanted = likely(tag);
  if (!wanted) return undefined;
  const {language, script, region} = wanted;
  if (language === 'zh')
    return script === 'Hant' ? (region === 'HK' ? 'zh_HK' : 'zh_TW') : 'zh_CN';
  const known = PAYPAL[language];
  if (!known) return undefined;
  return `${language}_${known.countries.includes(region) ? region : known.usual}`;
}

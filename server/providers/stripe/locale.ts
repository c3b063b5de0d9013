/**
 * The buyer's locale as Stripe Checkout takes it (the session's `locale`): Stripe accepts a
 * fixed list (https://docs.stripe.com/js/appendix/supported_locales, the Checkout column), so
 * a tag is matched to it by language, region and script; a language Checkout lacks (Arabic,
 * Hebrew) is left to Stripe's own detection of the browser's language.
 */
import type Stripe from 'stripe';

type CheckoutLocale = NonNullable<
  Stripe.Checkout.SessionCreateParams['locale']
>;

const CHECKOUT_LOCALES: ReadonlySet<string> = new Set([
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'hr',
  'hu',
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

/** Spanish-speaking countries of Latin America and the Caribbean: Stripe's `es-419`. */
const LATIN_AMERICA = new Set(
  'AR BO CL CO CR CU DO EC GT HN MX NI PA PE PR PY SV UY VE 419'.split(' ')
);

/** `fr-BE` → fr, `pt` → pt-BR, `pt-PT` → pt, `es-MX` → es-419, `zh-CN` → zh, `zh-TW` → zh-TW, `ar` → none. */
export function checkoutLocale(
  tag: string | undefined
): CheckoutLocale | undefined {
  if (!tag) return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
  const {language, script, region = ''} = locale;
  let found: string | undefined;
  if (language === 'zh') {
    found =
      script === 'Hant'
        ? region === 'HK' || region === 'MO'
          ? 'zh-HK'
          : 'zh-TW'
        : 'zh';
  } else if (language === 'es' && LATIN_AMERICA.has(region)) {
    found = 'es-419';
  } else if (language === 'no') {
    found = 'nb';
  } else {
    found = [`${language}-${region}`, language].find((candidate) =>
      CHECKOUT_LOCALES.has(candidate)
    );
  }
  return found && CHECKOUT_LOCALES.has(found)
    ? (found as CheckoutLocale)
    : undefined;
}

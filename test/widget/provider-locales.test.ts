/**
 * The element's language as the providers' SDKs take it: Stripe Elements' fixed list
 * (docs.stripe.com/js/appendix/supported_locales) and PayPal's language_COUNTRY codes
 * (developer.paypal.com/reference/locale-codes), for the ten languages and their neighbours.
 */
import {expect} from '@open-wc/testing';
import {
  paypalLocale,
  stripeLocale,
} from '../../widget/internal/providers/provider-locales.js';

describe('provider locales', () => {
  describe('Stripe Elements', () => {
    const cases: [string, string][] = [
      ['en', 'en'],
      ['en-US', 'en'],
      ['en-GB', 'en-GB'],
      ['de-AT', 'de'],
      ['fr', 'fr'],
      ['fr-CA', 'fr-CA'],
      ['es', 'es'],
      ['es-MX', 'es-419'],
      ['it', 'it'],
      ['nl-BE', 'nl'],
      ['pt', 'pt-BR'],
      ['pt-PT', 'pt'],
      ['ja', 'ja'],
      ['zh-Hans', 'zh'],
      ['zh-CN', 'zh'],
      ['zh-TW', 'zh-TW'],
      ['zh-Hant-HK', 'zh-HK'],
      ['ar', 'ar'],
      ['ar-EG', 'ar'],
      ['sw', 'auto'],
      ['not a tag', 'auto'],
    ];
    for (const [tag, locale] of cases)
      it(`${tag} → ${locale}`, () =>
        expect(stripeLocale(tag)).to.equal(locale));
  });

  describe('PayPal JS SDK', () => {
    const cases: [string, string | undefined][] = [
      ['en', 'en_US'],
      ['en-GB', 'en_GB'],
      ['de', 'de_DE'],
      ['de-AT', 'de_AT'],
      ['fr-CA', 'fr_CA'],
      ['fr-SN', 'fr_FR'],
      ['es', 'es_ES'],
      ['es-MX', 'es_MX'],
      ['it', 'it_IT'],
      ['nl-BE', 'nl_BE'],
      ['pt', 'pt_BR'],
      ['pt-PT', 'pt_PT'],
      ['ja', 'ja_JP'],
      ['zh-Hans', 'zh_CN'],
      ['zh-SG', 'zh_CN'],
      ['zh-TW', 'zh_TW'],
      ['zh-HK', 'zh_HK'],
      ['ar', 'ar_EG'],
      ['ar-SA', 'ar_EG'],
      // No mapping: PayPal chooses by the buyer's country.
      ['ko', undefined],
      ['not a tag', undefined],
    ];
    for (const [tag, locale] of cases)
      it(`${tag} → ${locale ?? 'none'}`, () =>
        expect(paypalLocale(tag)).to.equal(locale));
  });
});

/**
 * The buyer's and the merchant's emails in the element's ten languages (Arabic right to left): each table has every string English has
 * and no other, none empty or dropping an argument; the order's locale picks the table the way
 * the element picks its own (pt → pt-BR, zh-SG → zh-Hans, zh-TW → English).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {composeOrderEmail} from '../../server/notify/email.js';
import {
  type EmailStrings,
  emailLanguage,
  emailLanguages,
  emailStrings,
} from '../../server/notify/email-strings.js';
import {composeMerchantEmail} from '../../server/notify/merchant-email.js';
import {
  type MerchantEmailStrings,
  merchantEmailLanguages,
  merchantEmailStrings,
} from '../../server/notify/merchant-email-strings.js';
import type {Order} from '../../server/orders/order.js';

const TEN = [
  'ar',
  'de',
  'en',
  'es',
  'fr',
  'it',
  'ja',
  'nl',
  'pt-BR',
  'zh-Hans',
];

/** What each string function is called with; each argument must show in what it returns. */
const SAMPLES: Record<string, string[]> = {
  paidSubject: ['SHOP', 'ORDER'],
  refundSubject: ['SHOP', 'ORDER'],
  refundIntro: ['AMOUNT'],
  discount: ['CODE'],
  shipping: ['RATE'],
};

describe('email strings', () => {
  it('exist for the ten languages of the element', () => {
    assert.deepEqual([...emailLanguages].sort(), TEN);
  });

  const english = emailStrings('en');
  for (const language of TEN.filter((language) => language !== 'en'))
    it(`${language}: every string English has, no other, none empty`, () => {
      const table = emailStrings(language);
      assert.notEqual(table, english);
      assert.deepEqual(Object.keys(table).sort(), Object.keys(english).sort());
      for (const [key, value] of Object.entries(table) as [
        keyof EmailStrings,
        unknown,
      ][]) {
        assert.equal(typeof value, typeof english[key], key);
        if (typeof value === 'string') {
          // The colon may be a bare separator; every other string says something.
          assert.ok(key === 'colon' ? value.length > 0 : value.trim(), key);
          continue;
        }
        const args = SAMPLES[key];
        assert.ok(args, `sample arguments for ${key}`);
        const said = (value as (...a: string[]) => string)(...args);
        assert.ok(said.trim(), key);
        for (const argument of args)
          assert.ok(said.includes(argument), `${key} shows ${argument}`);
        if (key === 'discount' || key === 'shipping')
          assert.ok(
            (value as (name?: string) => string)(undefined).trim(),
            `${key} without a name`
          );
      }
    });

  const cases: [string, string][] = [
    ['en-US', 'en'],
    ['fr-CA', 'fr'],
    ['de-DE', 'de'],
    ['es-MX', 'es'],
    ['it', 'it'],
    ['nl-BE', 'nl'],
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['ja-JP', 'ja'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-TW', 'en'],
    ['zh-Hant', 'en'],
    ['ar', 'ar'],
    ['ar-SA', 'ar'],
    ['ko', 'en'],
    ['not a tag', 'en'],
  ];
  for (const [locale, language] of cases)
    it(`an order in ${locale} gets the ${language} table`, () => {
      assert.equal(emailLanguage(locale), language);
    });
});

/** A paid order of one tee, with the buyer's locale. */
const order = (locale: string): Order => ({
  id: 'ord_L10N',
  status: 'paid',
  provider: 'stripe',
  currency: 'eur',
  lines: [
    {
      sku: 'tee',
      name: 'Black tee',
      unitAmount: 2500,
      quantity: 2,
      amount: 5000,
      discount: 0,
      tax: 0,
      shippable: false,
    },
  ],
  subtotal: 5000,
  discount: 0,
  shipping: 0,
  tax: 0,
  taxInclusive: false,
  total: 5000,
  email: 'buyer@example.com',
  locale,
  amountRefunded: 0,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

describe('composeOrderEmail in the new languages', () => {
  const compose = (locale: string) =>
    composeOrderEmail('order.paid', order(locale), {
      shopName: 'Shop',
      messageId: 'm1',
    })!;

  it("writes the confirmation in the order's language, with its money format", () => {
    for (const [locale, language] of [
      ['ja-JP', 'ja'],
      ['pt', 'pt-BR'],
      ['zh-CN', 'zh-Hans'],
      ['ar-EG', 'ar'],
      ['es', 'es'],
    ] as const) {
      const t = emailStrings(language);
      const email = compose(locale);
      assert.equal(email.subject, t.paidSubject('Shop', 'ord_L10N'), locale);
      assert.ok(email.text.includes(t.paidIntro), locale);
      const total = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'EUR',
      }).format(50);
      assert.ok(
        email.text.includes(`${t.total}${t.colon}${total}`),
        `${locale}: ${email.text}`
      );
      assert.ok(email.html.includes(`lang="${locale}"`), locale);
    }
  });

  it('keeps a Traditional Chinese order in English', () => {
    assert.equal(
      compose('zh-TW').subject,
      emailStrings('en').paidSubject('Shop', 'ord_L10N')
    );
  });
});

describe('right to left', () => {
  it('lays an Arabic email out right to left, the amounts at the left', () => {
    const email = composeOrderEmail('order.paid', order('ar-EG'), {
      shopName: 'Shop',
      messageId: 'm1',
    })!;
    assert.match(email.html, /<html lang="ar-EG" dir="rtl"><body dir="rtl"/);
    assert.match(email.html, /text-align:left/);
    assert.doesNotMatch(email.html, /text-align:right/);
  });

  it('keeps every other language left to right', () => {
    const email = composeOrderEmail('order.paid', order('fr'), {
      shopName: 'Shop',
      messageId: 'm1',
    })!;
    assert.match(email.html, /dir="ltr"/);
    assert.match(email.html, /text-align:right/);
  });
});

const MERCHANT_SAMPLES: Record<string, string[]> = {
  paidSubject: ['SHOP', 'ORDER', 'TOTAL'],
  disputeSubject: ['SHOP', 'ORDER', 'AMOUNT'],
};

describe('merchant email strings', () => {
  it('exist for the ten languages of the element', () => {
    assert.deepEqual([...merchantEmailLanguages].sort(), TEN);
  });

  const english = merchantEmailStrings('en');
  for (const language of TEN.filter((language) => language !== 'en'))
    it(`${language}: every string English has, no other, none empty`, () => {
      const table = merchantEmailStrings(language);
      assert.notEqual(table, english);
      assert.deepEqual(Object.keys(table).sort(), Object.keys(english).sort());
      for (const [key, value] of Object.entries(table) as [
        keyof MerchantEmailStrings,
        unknown,
      ][]) {
        assert.equal(typeof value, typeof english[key], key);
        if (typeof value === 'string') {
          assert.ok(value.trim(), key);
          continue;
        }
        const args = MERCHANT_SAMPLES[key];
        assert.ok(args, `sample arguments for ${key}`);
        const said = (value as (...a: string[]) => string)(...args);
        for (const argument of args)
          assert.ok(said.includes(argument), `${key} shows ${argument}`);
      }
    });

  it('chooses by the rule the buyer’s emails follow', () => {
    assert.equal(merchantEmailStrings('de-AT'), merchantEmailStrings('de'));
    assert.equal(merchantEmailStrings('pt-PT'), merchantEmailStrings('pt-BR'));
    assert.equal(merchantEmailStrings('zh-TW'), english);
    assert.equal(merchantEmailStrings('not a tag'), english);
  });

  it('writes the merchant’s email in the shop’s language, right to left in Arabic', () => {
    const paid = {...order('en'), shippingAddress: undefined};
    const french = composeMerchantEmail('order.paid', paid, {
      to: 'shop@example.com',
      shopName: 'Boutique',
      locale: 'fr',
      messageId: 'm2',
    })!;
    assert.equal(
      french.subject,
      merchantEmailStrings('fr').paidSubject(
        'Boutique',
        'ord_L10N',
        new Intl.NumberFormat('fr', {
          style: 'currency',
          currency: 'EUR',
        }).format(50)
      )
    );
    assert.ok(french.text.includes('Une nouvelle commande a été payée.'));
    const arabic = composeMerchantEmail('order.paid', paid, {
      to: 'shop@example.com',
      shopName: 'Shop',
      locale: 'ar',
      messageId: 'm3',
    })!;
    assert.ok(arabic.text.includes(merchantEmailStrings('ar').paidIntro));
    assert.match(arabic.html, /dir="rtl"/);
  });
});

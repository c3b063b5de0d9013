/**
 * The emulator's Stripe.js in the buyer's language and on a phone: the Payment and Address Elements' labels
 * follow the `locale` given to `elements()` (as Stripe's own Element is localized), Arabic is
 * laid out right to left with the card digits left to right, a language the fake does not have
 * reads English, and the card-number placeholder stays whole in a frame as narrow as a 320 px
 * screen leaves it.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  address,
  card,
  mount,
  mountAddress,
  page,
  paymentFrame,
  useShopPage,
} from './stripe-js-helpers.js';

const labels = () =>
  card()
    .locator('label')
    .allTextContents()
    .then((texts) => texts.map((text) => text.trim()));

describe(
  'the emulator’s Stripe.js: locale and width',
  {timeout: 120_000},
  () => {
    useShopPage();

    const cases: [string, string[]][] = [
      ['en-US', ['Card number', 'Expiration date', 'Security code', 'ZIP']],
      [
        'en-GB',
        ['Card number', 'Expiration date', 'Security code', 'Postal code'],
      ],
      [
        'de',
        ['Kartennummer', 'Ablaufdatum', 'Sicherheitscode', 'Postleitzahl'],
      ],
      [
        'fr-CA',
        [
          'Numéro de carte',
          "Date d'expiration",
          'Code de sécurité',
          'Code postal',
        ],
      ],
      [
        'pt-BR',
        [
          'Número do cartão',
          'Data de validade',
          'Código de segurança',
          'Código postal',
        ],
      ],
      ['ja', ['カード番号', '有効期限', 'セキュリティコード', '郵便番号']],
      ['zh', ['卡号', '有效期', '安全码', '邮政编码']],
      [
        'ko',
        ['Card number', 'Expiration date', 'Security code', 'Postal code'],
      ],
    ];
    for (const [locale, expected] of cases) {
      it(`labels the card fields for locale ${locale}`, async () => {
        await mount({locale});
        assert.deepEqual(await labels(), expected);
        assert.equal(
          await paymentFrame().evaluate(() => document.documentElement.lang),
          locale
        );
      });
    }

    const addressLabels = () =>
      address()
        .locator('label:visible')
        .allTextContents()
        .then((texts) => texts.map((text) => text.trim()));

    it('labels the Address Element in the buyer’s language', async () => {
      await mountAddress({payment: false, locale: 'fr'});
      assert.deepEqual((await addressLabels()).slice(0, 4), [
        'Nom complet',
        'Pays ou région',
        'Ligne d’adresse 1',
        'Ligne d’adresse 2 (facultatif)',
      ]);
      assert.equal(
        await address().locator('form').getAttribute('aria-label'),
        'Adresse de livraison'
      );
    });

    it('lays the Address Element out right to left in Arabic', async () => {
      await mountAddress({payment: false, locale: 'ar'});
      assert.equal((await addressLabels())[0], 'الاسم الكامل');
      const frame = page.frames().find((f) => f.url().includes('address'))!;
      assert.equal(
        await frame.evaluate(() => document.documentElement.dir),
        'rtl'
      );
    });

    it('labels the Address Element in English for a language it does not have', async () => {
      await mountAddress({payment: false, locale: 'ko'});
      assert.equal((await addressLabels())[0], 'Full name');
    });

    it('lays Arabic out right to left, the card digits left to right', async () => {
      await mount({locale: 'ar'});
      assert.equal((await labels())[0], 'رقم البطاقة');
      const directions = await paymentFrame().evaluate(() => ({
        page: document.documentElement.dir,
        number: getComputedStyle(document.getElementById('number')!).direction,
      }));
      assert.deepEqual(directions, {page: 'rtl', number: 'ltr'});
    });

    for (const width of [320, 240, 190]) {
      it(`shows the whole card-number placeholder in a ${width} px wide element`, async () => {
        await page.setViewportSize({width: 320, height: 700});
        await page.addStyleTag({
          content: `#payment-element { max-width: ${width}px; }`,
        });
        await mount();
        const fit = await paymentFrame().evaluate(() => {
          const input = document.getElementById('number') as HTMLInputElement;
          const style = getComputedStyle(input);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontSize} ${style.fontFamily}`;
          const spacing =
            (parseFloat(style.letterSpacing) || 0) * input.placeholder.length;
          const text = context.measureText(input.placeholder).width + spacing;
          const room =
            input.clientWidth -
            parseFloat(style.paddingLeft) -
            parseFloat(style.paddingRight);
          return {text, room, frame: document.documentElement.clientWidth};
        });
        assert.ok(fit.frame <= width, `the frame is ${fit.frame} px wide`);
        assert.ok(
          fit.text <= fit.room,
          `the placeholder needs ${fit.text.toFixed(1)} px, the field has ${fit.room.toFixed(1)} px`
        );
      });
    }
  }
);

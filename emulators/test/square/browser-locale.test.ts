/** The emulator's Web Payments SDK in Chromium: locales, right to left, 320 px and axe. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  audit,
  call,
  card,
  cardFrame,
  mount,
  page,
  setLocale,
  useShopPage,
} from './browser-helpers.js';

const LABELS: Record<string, string> = {
  en: 'Card number',
  de: 'Kartennummer',
  fr: 'Numéro de carte',
  es: 'Número de tarjeta',
  it: 'Numero della carta',
  nl: 'Kaartnummer',
  'pt-BR': 'Número do cartão',
  ja: 'カード番号',
  'zh-Hans': '卡号',
  ar: 'رقم البطاقة',
};

/** The element's dark tokens as its style bridge sends them. */
const DARK = {
  input: {backgroundColor: '#1f2023', color: '#f1f1f3', fontSize: '16px'},
  'input::placeholder': {color: '#b4b4bb'},
  '.input-container': {
    borderColor: '#b4b4bb',
    borderRadius: '6px',
    borderWidth: '1px',
  },
  '.input-container.is-focus': {borderColor: '#8fb8ff', borderWidth: '2px'},
  '.input-container.is-error': {borderColor: '#ff8f8f', borderWidth: '2px'},
  '.message-text.is-error': {color: '#ff8f8f'},
  '.message-icon.is-error': {color: '#ff8f8f'},
};

function frameLanguage() {
  return cardFrame().evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));
}

describe(
  'the emulator’s Web Payments SDK: languages and accessibility',
  {timeout: 150_000},
  () => {
    describe('at 560 px', () => {
      useShopPage();

      it('speaks each of the ten languages, set before the card or after it (setLocale)', async () => {
        await mount({locale: 'de-DE'});
        await card().getByLabel('Kartennummer').waitFor();
        assert.deepEqual(await frameLanguage(), {lang: 'de', dir: 'ltr'});
        for (const [locale, label] of Object.entries(LABELS)) {
          const result = await setLocale(locale);
          assert.equal(result.newLocale, locale);
          await card().getByLabel(label, {exact: true}).waitFor();
        }
        assert.deepEqual(await frameLanguage(), {lang: 'ar', dir: 'rtl'});
        assert.equal(
          await page.locator('iframe.sq-card-component').getAttribute('title'),
          'إطار آمن لإدخال بيانات الدفع بالبطاقة'
        );
      });

      it('keeps its locale for a language it does not speak (Square’s no-op)', async () => {
        await mount({locale: 'fr-FR'});
        const result = await setLocale('ko-KR');
        assert.equal(result.previousLocale, 'fr-FR');
        assert.equal(result.newLocale, 'fr-FR');
        const traditional = await setLocale('zh-TW');
        assert.equal(traditional.newLocale, 'fr-FR');
        await card().getByLabel('Numéro de carte').waitFor();
      });

      it('shows its errors in the locale, and in Arabic reads right to left with digits left to right', async () => {
        await mount({locale: 'ar'});
        const result = await call<{
          status: string;
          errors: Array<{message: string}>;
        }>('tokenize');
        assert.equal(result.value!.errors[0]!.message, 'رقم البطاقة غير صالح.');
        await card()
          .getByRole('alert')
          .filter({hasText: 'رقم البطاقة غير صالح.'})
          .waitFor();
        const directions = await cardFrame().evaluate(() => ({
          page: getComputedStyle(document.body).direction,
          number: getComputedStyle(document.getElementById('cardNumber')!)
            .direction,
        }));
        assert.deepEqual(directions, {page: 'rtl', number: 'ltr'});
      });

      it('has no axe violations, empty and with its errors showing, in light and dark', async () => {
        await mount();
        assert.deepEqual(await audit(), []);
        await call('tokenize');
        await card()
          .getByRole('alert')
          .filter({hasText: 'Card number is not valid.'})
          .waitFor();
        assert.deepEqual(await audit(), []);

        await page.reload();
        await page.evaluate(
          () =>
            (document.body.style.cssText = 'background:#1f2023;color:#f1f1f3')
        );
        await mount({card: {style: DARK}, locale: 'ar'});
        await card().locator('#cvv').focus();
        await call('tokenize');
        assert.deepEqual(await audit(), []);
      });

      it('has a visible focus ring and targets of at least 24 px', async () => {
        await mount();
        await card().locator('#expirationDate').focus();
        const look = await cardFrame().evaluate(() => {
          const field = document.getElementById('expirationDate-field')!;
          const sizes = [...document.querySelectorAll('input')].map((input) => {
            const box = input.getBoundingClientRect();
            return Math.min(box.width, box.height);
          });
          return {
            ring: getComputedStyle(field).boxShadow,
            smallest: Math.min(...sizes),
          };
        });
        assert.match(look.ring, /inset/);
        assert.ok(
          look.smallest >= 24,
          `the smallest field is ${look.smallest} px`
        );
      });
    });

    describe('at 320 px', () => {
      useShopPage({width: 320, height: 640});

      for (const locale of ['en', 'de', 'ar', 'ja']) {
        it(`keeps every label and hint whole, with no sideways scroll (${locale})`, async () => {
          await mount({locale});
          const fit = await cardFrame().evaluate(() => {
            const inputs = [...document.querySelectorAll('input')];
            return {
              scroll:
                document.documentElement.scrollWidth <=
                document.documentElement.clientWidth,
              hints: inputs.every((input) => {
                // A placeholder overflows when its text is wider than the field's content box.
                const probe = document.createElement('span');
                probe.style.cssText = `font:${getComputedStyle(input).font};white-space:pre;position:absolute;visibility:hidden`;
                probe.textContent = input.placeholder;
                document.body.append(probe);
                const style = getComputedStyle(input);
                const room =
                  input.clientWidth -
                  parseFloat(style.paddingLeft) -
                  parseFloat(style.paddingRight);
                const wide = probe.getBoundingClientRect().width;
                probe.remove();
                return wide <= room;
              }),
              labels: [...document.querySelectorAll('label')].every(
                (label) => label.scrollWidth <= label.clientWidth
              ),
            };
          });
          assert.deepEqual(fit, {scroll: true, hints: true, labels: true});
          const page320 = await page.evaluate(
            () =>
              document.documentElement.scrollWidth <=
              document.documentElement.clientWidth
          );
          assert.equal(page320, true, 'the shop page does not scroll sideways');
        });
      }

      it('has no axe violations at 320 px in Arabic', async () => {
        await mount({locale: 'ar'});
        await call('tokenize');
        assert.deepEqual(await audit(), []);
      });
    });
  }
);

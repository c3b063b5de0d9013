/** The Drop-in fake in Chromium: accessibility, languages, right to left, 320 px. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {saveScreenshot} from '../chromium.js';
import {
  audit,
  card,
  challenge,
  create,
  fill,
  page,
  request,
  useShopPage,
} from './browser-helpers.js';

describe(
  'the emulator’s Drop-in fake, accessibility',
  {timeout: 120_000},
  () => {
    useShopPage({width: 320, height: 800});

    it('has no axe violations in the card form, with its errors showing, at 320 px', async () => {
      await create();
      assert.deepEqual(await audit(), []);
      await request();
      await card().getByText('Please fill out a card number.').waitFor();
      assert.deepEqual(await audit(), []);
      await saveScreenshot(page, 'braintree-dropin-errors-320');
    });

    it('has no axe violations in the 3-D Secure challenge', async () => {
      await create({threeDSecure: true});
      await fill('4000000000001091');
      const result = request({threeDSecure: {amount: '10.00'}});
      await challenge().getByRole('button', {name: 'Authenticate'}).waitFor();
      assert.deepEqual(await audit(), []);
      await saveScreenshot(page, 'braintree-dropin-challenge-320');
      await challenge().getByRole('button', {name: 'Authenticate'}).click();
      await result;
    });

    it('has targets of at least 24 px and a visible focus ring', async () => {
      await create();
      const frame = page.frame({url: /card-frame/})!;
      const sizes = await frame.evaluate(() =>
        [...document.querySelectorAll('input')].map((input) => {
          const box = input.getBoundingClientRect();
          return Math.min(box.width, box.height);
        })
      );
      assert.equal(sizes.length, 4);
      for (const size of sizes) assert.ok(size >= 24, `a ${size} px target`);
      await card().locator('#number').focus();
      const outline = await frame.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return {
          style: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
        };
      });
      assert.equal(outline.style, 'solid');
      assert.ok(outline.width >= 2);
    });

    it('reads at 320 px with nothing cut off or scrolling sideways', async () => {
      await create();
      await fill('4111111111111111');
      const frame = page.frame({url: /card-frame/})!;
      const overflow = await frame.evaluate(
        () =>
          document.documentElement.scrollWidth -
          document.documentElement.clientWidth
      );
      assert.ok(overflow <= 0, `${overflow} px wider than the frame`);
      assert.equal(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= innerWidth
        ),
        true
      );
      // The number stays whole in the field.
      const fits = await frame.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('#number')!;
        return input.scrollWidth <= input.clientWidth;
      });
      assert.equal(fits, true);
    });

    for (const [locale, label, empty] of [
      ['de_DE', 'Kartennummer', 'Geben Sie eine Nummer ein.'],
      ['fr_FR', 'Numéro de carte', null],
      ['es_ES', 'Número de tarjeta', null],
      ['it_IT', 'Numero di carta', null],
      ['nl_NL', 'Kaartnummer', null],
      ['pt_BR', 'Número do cartão', null],
      ['ja_JP', 'カード番号', null],
      ['zh_CN', '卡号', null],
      ['ar_EG', 'رقم البطاقة', null],
    ] as const) {
      it(`speaks ${locale}`, async () => {
        await create({locale});
        const frame = page.frame({url: /card-frame/})!;
        const said = await frame.evaluate(() => ({
          label: document.querySelector('label[for="number"]')!.textContent,
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
        }));
        assert.equal(said.label, label);
        assert.equal(said.lang, locale.replace('_', '-'));
        assert.equal(said.dir, locale === 'ar_EG' ? 'rtl' : 'ltr');
        if (empty) {
          await request();
          await card().getByText(empty).waitFor();
        }
      });
    }

    it('lays Arabic out right to left, readable at 320 px, axe-clean', async () => {
      await create({locale: 'ar_EG'});
      assert.equal(
        await page.locator('.braintree-dropin').getAttribute('dir'),
        'rtl'
      );
      await request();
      await card().getByText('يرجى إدخال رقم.').waitFor();
      assert.deepEqual(await audit(), []);
      await saveScreenshot(page, 'braintree-dropin-ar-320');
    });

    it('takes the merchant’s translations over a key', async () => {
      await create({translations: {cardNumberLabel: 'Number on the card'}});
      assert.equal(await card().getByLabel('Number on the card').count(), 1);
    });

    it('applies card.overrides.styles from the allow-list only', async () => {
      await create({
        card: {
          overrides: {
            styles: {input: {color: 'rgb(0, 100, 0)', background: 'red'}},
          },
        },
      });
      const frame = page.frame({url: /card-frame/})!;
      const style = await frame.evaluate(() => {
        const input = document.querySelector('#number')!;
        const computed = getComputedStyle(input);
        return {color: computed.color, background: computed.backgroundColor};
      });
      assert.equal(style.color, 'rgb(0, 100, 0)');
      assert.notEqual(style.background, 'rgb(255, 0, 0)');
    });
  }
);

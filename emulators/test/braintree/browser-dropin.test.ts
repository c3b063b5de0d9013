/** The emulator's Drop-in fake in Chromium: creating it, the card form, tokenising, teardown. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  card,
  clientToken,
  create,
  events,
  fill,
  page,
  request,
  sale,
  useShopPage,
} from './browser-helpers.js';

describe('the emulator’s Drop-in fake', {timeout: 120_000}, () => {
  useShopPage();

  describe('create', () => {
    it('draws Drop-in’s .braintree-* markup in the container, the card fields in a frame on the emulator’s origin', async () => {
      await create();
      const classes = await page.evaluate(() =>
        [
          '.braintree-dropin',
          '.braintree-upper-container',
          '.braintree-sheet__container',
          '.braintree-card.braintree-form.braintree-sheet',
          '.braintree-sheet__header .braintree-sheet__text',
          '.braintree-sheet__content--form iframe',
        ].map((selector) => !!document.querySelector(`#dropin ${selector}`))
      );
      assert.deepEqual(classes, [true, true, true, true, true, true]);
      assert.equal(
        await page.locator('.braintree-sheet__text').textContent(),
        'Pay with card'
      );
      const frameUrl = await page.locator('#dropin iframe').getAttribute('src');
      assert.notEqual(new URL(frameUrl!).origin, new URL(page.url()).origin);
      assert.equal(await card().getByLabel('Card Number').count(), 1);
      assert.equal(
        await page.locator('link#braintree-dropin-stylesheet').count(),
        1
      );
    });

    it('refuses a container that is not empty, or none, with Drop-in’s messages', async () => {
      const token = await clientToken();
      const refused = await page.evaluate(async (authorization) => {
        const b = (
          window as never as {
            braintree: {dropin: {create(o: object): Promise<unknown>}};
          }
        ).braintree.dropin;
        const messages: string[] = [];
        document.querySelector('#dropin')!.textContent = 'taken';
        for (const options of [
          {authorization, container: '#dropin'},
          {authorization, container: '#nowhere'},
          {authorization},
          {container: '#before'},
        ]) {
          try {
            await b.create(options);
            messages.push('created');
          } catch (error) {
            messages.push(
              `${(error as Error).name}: ${(error as Error).message}`
            );
          }
        }
        return messages;
      }, token);
      assert.deepEqual(refused, [
        'DropinError: options.selector or options.container must reference an empty DOM node.',
        'DropinError: options.selector or options.container must reference a valid DOM node.',
        'DropinError: options.container is required.',
        'DropinError: options.selector or options.container must reference an empty DOM node.',
      ]);
    });

    it('takes an HTMLElement as the container, and the create callback form', async () => {
      const token = await clientToken();
      const made = await page.evaluate(
        (authorization) =>
          new Promise<string>((resolve) => {
            const b = (
              window as never as {
                braintree: {
                  dropin: {
                    create(
                      o: object,
                      cb: (e: unknown, d: unknown) => void
                    ): void;
                  };
                };
              }
            ).braintree.dropin;
            b.create(
              {authorization, container: document.querySelector('#dropin')},
              (error, dropin) => resolve(error ? 'error' : typeof dropin)
            );
          }),
        token
      );
      assert.equal(made, 'object');
    });
  });

  describe('the card form', () => {
    it('shows Drop-in’s messages under empty fields, and rejects as Drop-in does', async () => {
      await create();
      const result = await request();
      assert.deepEqual(result.error, {
        name: 'DropinError',
        message: 'No payment method is available.',
        code: undefined,
      });
      for (const message of [
        'Please fill out a card number.',
        'Please fill out an expiration date.',
        'Please fill out a CVV.',
        'Please fill out a postal code.',
      ])
        assert.equal(await card().getByText(message).count(), 1, message);
      assert.equal(
        await page.locator('.braintree-sheet__error-text').textContent(),
        'Please check your information and try again.'
      );
      assert.equal(
        await card().locator('#number').getAttribute('aria-invalid'),
        'true'
      );
    });

    it('says a wrong number or a past date on blur, and clears it once right', async () => {
      await create();
      const frame = card();
      await frame.locator('#number').fill('4111111111111112');
      await frame.locator('#expirationDate').focus();
      await frame.getByText('This card number is not valid.').waitFor();
      await frame.locator('#expirationDate').pressSequentially('0120');
      await frame.locator('#cvv').focus();
      await frame.getByText('This expiration date is not valid.').waitFor();
      await frame.locator('#number').fill('4111 1111 1111 1111');
      assert.equal(
        await frame.getByText('This card number is not valid.').count(),
        0
      );
    });

    it('formats the number and the date, names the brand, and asks Amex for 4 digits', async () => {
      await create();
      const frame = card();
      await frame.locator('#number').pressSequentially('378282246310005');
      assert.equal(
        await frame.locator('#number').inputValue(),
        '3782 822463 10005'
      );
      assert.equal(
        await frame.locator('#number-brand').textContent(),
        'American Express'
      );
      assert.equal(
        await frame.locator('#cvv-descriptor').textContent(),
        ' (4 digits)'
      );
      await frame.locator('#expirationDate').pressSequentially('1230');
      assert.equal(
        await frame.locator('#expirationDate').inputValue(),
        '12 / 30'
      );
    });

    it('reports paymentMethodRequestable once every field is right, and card:* events', async () => {
      await create();
      await fill('4111111111111111');
      const seen = (await events()).map(({type}) => type);
      assert.ok(seen.includes('paymentMethodRequestable'), seen.join());
      assert.ok(seen.includes('card:focus'));
      assert.ok(seen.includes('card:cardTypeChange'));
      assert.equal(
        await page.evaluate(() =>
          (
            window as never as {
              harness: {dropin: {isPaymentMethodRequestable(): boolean}};
            }
          ).harness.dropin.isPaymentMethodRequestable()
        ),
        true
      );
    });
  });

  describe('requestPaymentMethod', () => {
    it('tokenises the card through the client API into a nonce the emulator sells', async () => {
      await create({dataCollector: true});
      await fill('4111111111111111');
      const {payload, error} = await request();
      assert.equal(error, undefined);
      assert.equal(payload!.type, 'CreditCard');
      assert.match(payload!.nonce, /\S{8,}/);
      assert.deepEqual(
        {
          lastFour: (payload!.details as {lastFour: string}).lastFour,
          cardType: (payload!.details as {cardType: string}).cardType,
        },
        {lastFour: '1111', cardType: 'Visa'}
      );
      assert.equal(typeof payload!.deviceData, 'string');
      // The chosen card replaces the form, as Drop-in's methods view does.
      await page.getByText('Ending in 1111').waitFor();
      const sold = await sale(payload!.nonce);
      assert.equal(sold.success, true);
      assert.equal(sold.transaction.creditCard?.last4, '1111');
      // The same nonce twice: single use.
      const again = await sale(payload!.nonce);
      assert.equal(again.success, false);
    });

    it('answers the chosen card again until cleared, then asks for a new one', async () => {
      await create();
      await fill('4111111111111111');
      const first = await request();
      const second = await request();
      assert.equal(second.payload!.nonce, first.payload!.nonce);
      await page.evaluate(() =>
        (
          window as never as {
            harness: {dropin: {clearSelectedPaymentMethod(): void}};
          }
        ).harness.dropin.clearSelectedPaymentMethod()
      );
      assert.equal(await card().locator('#number').inputValue(), '');
      const third = await request();
      assert.equal(third.error?.message, 'No payment method is available.');
    });

    it('goes back to the card form with “Choose another way to pay”', async () => {
      await create();
      await fill('4111111111111111');
      await request();
      await page
        .getByRole('button', {name: 'Choose another way to pay'})
        .click();
      await card().locator('#number').waitFor({state: 'visible'});
      assert.equal(await page.getByText('Ending in 1111').count(), 0);
    });
  });

  describe('teardown', () => {
    it('removes everything it drew and answers no more', async () => {
      await create();
      const after = await page.evaluate(async () => {
        const harness = (
          window as never as {
            harness: {
              dropin: {
                teardown(): Promise<void>;
                requestPaymentMethod(): Promise<unknown>;
              };
            };
          }
        ).harness;
        await harness.dropin.teardown();
        const left = document.querySelector('#dropin')!.innerHTML.trim();
        const refused = await harness.dropin.requestPaymentMethod().then(
          () => 'resolved',
          (error: Error) => error.message
        );
        return {left, refused};
      });
      assert.deepEqual(after, {
        left: '',
        refused: 'Drop-in has been torn down.',
      });
    });
  });
});

/** The emulator's Web Payments SDK in Chromium: starting, the card form and tokenize(). */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  call,
  card,
  cardFrame,
  charge,
  emulator,
  events,
  fill,
  mount,
  page,
  start,
  useShopPage,
} from './browser-helpers.js';

describe('the emulator’s Web Payments SDK', {timeout: 120_000}, () => {
  useShopPage();

  describe('Square.payments()', () => {
    it('loads through @square/web-sdk with scriptSrc and exposes the types’ PublicErrors', async () => {
      const started = await start();
      assert.equal(started.ok, true);
      assert.deepEqual(started.errors, [
        'BrowserNotSupportedError',
        'ElementNotFoundError',
        'InvalidEventListenerCallbackError',
        'InvalidOptionError',
        'InvalidPaymentRequestError',
        'InvalidPaymentRequestUpdateError',
        'PaymentMethodUnsupportedError',
        'PlaidMissingNameError',
        'TokenizationError',
        'UnexpectedError',
        'VerifyBuyerError',
        'WebSdkEmbedError',
      ]);
    });

    it('throws InvalidApplicationIdError for an id in no environment’s format', async () => {
      const started = await start({appId: 'not-an-app-id'});
      assert.equal(started.ok, false);
      assert.equal(started.name, 'InvalidApplicationIdError');
      assert.match(started.message!, /applicationId/);
    });

    it('throws ApplicationIdEnvironmentMismatchError for a production id in the sandbox', async () => {
      const started = await start({appId: 'sq0idp-abcdefghijklmnop'});
      assert.equal(started.name, 'ApplicationIdEnvironmentMismatchError');
    });
  });

  describe('card.attach()', () => {
    it('mounts the card frame on the emulator’s origin with its four labelled fields', async () => {
      assert.deepEqual(await mount(), {ok: true});
      assert.ok(
        cardFrame()
          .url()
          .startsWith(`${emulator.url}/web-sdk/v1/card-frame.html#`)
      );
      for (const label of [
        'Card number',
        'Expiration date',
        'CVV',
        'Postal code',
      ])
        await card().getByLabel(label).waitFor();
      const wrapper = await page
        .locator('#card-container > .sq-card-wrapper')
        .count();
      assert.equal(wrapper, 1);
    });

    it('refuses a missing element, a button and a second attach, with Square’s errors', async () => {
      assert.equal((await start()).ok, true);
      const missing = await page.evaluate(() =>
        (
          window as never as {
            harness: {mount(o: object, t: string): Promise<{name: string}>};
          }
        ).harness.mount({}, '#nowhere')
      );
      assert.equal(missing.name, 'ElementNotFoundError');
      const button = await page.evaluate(() =>
        (
          window as never as {
            harness: {mount(o: object, t: string): Promise<{name: string}>};
          }
        ).harness.mount({}, '#not-a-div')
      );
      assert.equal(button.name, 'InvalidElementTypeError');
      assert.equal((await call('attach', '#card-container')).ok, true);
      const again = await call('attach', '#card-container');
      assert.equal(again.name, 'PaymentMethodAlreadyAttachedError');
    });

    it('refuses a style with a selector, property or value Square does not allow', async () => {
      const refused = await mount({
        card: {
          style: {
            '.input-container': {borderColor: 'red', padding: '4px'},
            button: {color: 'red'},
            input: {color: 'red;} body{display:none'},
          },
        },
      });
      assert.equal(refused.ok, false);
      assert.equal(refused.name, 'InvalidStylesError');
      assert.deepEqual(
        (refused.errors as Array<{name: string}>).map((e) => e.name).sort(),
        [
          'InvalidInputStylePropertyError',
          'InvalidInputStyleSelectorError',
          'InvalidInputStyleValueError',
        ]
      );
    });

    it('applies the style option inside the frame (input, container focus and error, message text)', async () => {
      await mount({
        card: {
          style: {
            input: {
              backgroundColor: 'rgb(20, 20, 20)',
              color: 'rgb(240, 240, 240)',
              fontSize: '22px',
            },
            '.input-container': {
              borderColor: 'rgb(1, 2, 3)',
              borderRadius: '10px',
            },
            '.input-container.is-error': {borderColor: 'rgb(200, 0, 0)'},
            '.message-text.is-error': {color: 'rgb(255, 120, 120)'},
          },
        },
      });
      // The container's border colour eases in (a 0.15 s transition): read it once it is there.
      await cardFrame().waitForFunction(
        () =>
          getComputedStyle(document.getElementById('container')!)
            .borderTopColor === 'rgb(1, 2, 3)'
      );
      const look = await cardFrame().evaluate(() => {
        const input = getComputedStyle(document.getElementById('cardNumber')!);
        const box = getComputedStyle(document.getElementById('container')!);
        return {
          color: input.color,
          fontSize: input.fontSize,
          body: getComputedStyle(document.body).backgroundColor,
          border: box.borderTopColor,
          radius: box.borderTopLeftRadius,
        };
      });
      assert.deepEqual(look, {
        color: 'rgb(240, 240, 240)',
        fontSize: '16px',
        body: 'rgb(20, 20, 20)',
        border: 'rgb(1, 2, 3)',
        radius: '10px',
      });
      await call('tokenize');
      await cardFrame().waitForFunction(
        () =>
          getComputedStyle(document.getElementById('container')!)
            .borderTopColor === 'rgb(200, 0, 0)'
      );
      const error = await cardFrame().evaluate(() => ({
        border: getComputedStyle(document.getElementById('container')!)
          .borderTopColor,
        text: getComputedStyle(document.getElementById('message')!).color,
      }));
      assert.deepEqual(error, {
        border: 'rgb(200, 0, 0)',
        text: 'rgb(255, 120, 120)',
      });
    });
  });

  describe('card.tokenize()', () => {
    it('answers OK with a cnon: token and the card’s details', async () => {
      await mount();
      await fill('4111 1111 1111 1111', '12/34', '111', 'SW1A 2AA');
      const result = await call<Record<string, unknown>>('tokenize');
      assert.equal(result.ok, true);
      const value = result.value as {
        status: string;
        token: string;
        details: unknown;
      };
      assert.equal(value.status, 'OK');
      assert.match(value.token, /^cnon:/);
      assert.deepEqual(value.details, {
        method: 'Card',
        card: {
          brand: 'VISA',
          last4: '1111',
          expMonth: 12,
          expYear: 2034,
          cardType: 'CREDIT',
          prepaidType: 'NOT_PREPAID',
        },
        billing: {postalCode: 'SW1A 2AA'},
      });
    });

    it('answers Invalid with each field in error, and shows the first under the form', async () => {
      await mount();
      await card().locator('#cardNumber').fill('4111 1111 1111 1112');
      const result = await call<{status: string; errors: unknown[]}>(
        'tokenize'
      );
      assert.deepEqual(result.value, {
        status: 'Invalid',
        errors: [
          {
            type: 'VALIDATION_ERROR',
            field: 'cardNumber',
            message: 'Card number is not valid.',
          },
          {
            type: 'VALIDATION_ERROR',
            field: 'expirationDate',
            message: 'Expiration date is not valid.',
          },
          {
            type: 'VALIDATION_ERROR',
            field: 'cvv',
            message: 'CVV is not valid.',
          },
          {
            type: 'VALIDATION_ERROR',
            field: 'postalCode',
            message: 'Postal code is not valid.',
          },
        ],
      });
      await card()
        .getByRole('alert')
        .filter({hasText: 'Card number is not valid.'})
        .waitFor();
      assert.equal(
        await card().locator('#cardNumber').getAttribute('aria-invalid'),
        'true'
      );
      assert.equal(
        await card().locator('#cardNumber').getAttribute('aria-describedby'),
        'message'
      );
    });

    it('refuses an expired card and a short CVV, and a card the sandbox does not know', async () => {
      await mount();
      await fill('5105 1051 0510 5100', '01/20', '12');
      const local = await call<{
        status: string;
        errors: Array<{field: string}>;
      }>('tokenize');
      assert.equal(local.value!.status, 'Invalid');
      assert.deepEqual(
        local.value!.errors.map((e) => e.field),
        ['expirationDate', 'cvv']
      );

      await call('clear');
      await fill('4242 4242 4242 4242');
      const remote = await call<{
        status: string;
        errors: Array<{field: string}>;
      }>('tokenize');
      assert.equal(remote.value!.status, 'Invalid');
      assert.deepEqual(
        remote.value!.errors.map((e) => e.field),
        ['cardNumber']
      );
    });

    it('tokenizes a declining test card: the decline comes when it is charged', async () => {
      await mount();
      await fill('4000 0000 0000 0002');
      const result = await call<{status: string; token: string}>('tokenize');
      assert.equal(result.value!.status, 'OK');
      assert.match(result.value!.token, /^cnon:/);
      assert.deepEqual(await charge(result.value!.token), {
        code: 'GENERIC_DECLINE',
      });
    });

    it('gives a token the Payments API charges once', async () => {
      await mount();
      await fill('5105 1051 0510 5100');
      const result = await call<{status: string; token: string}>('tokenize');
      assert.deepEqual(await charge(result.value!.token), {
        status: 'COMPLETED',
      });
      assert.deepEqual(await charge(result.value!.token), {
        code: 'CARD_TOKEN_USED',
      });
    });

    it('rejects before attach and after destroy with Square’s errors', async () => {
      assert.equal((await start()).ok, true);
      await page.evaluate(async () => {
        const h = (
          window as never as {
            harness: {payments: {card(): Promise<unknown>}; card: unknown};
          }
        ).harness;
        h.card = await h.payments.card();
      });
      assert.equal(
        (await call('tokenize')).name,
        'PaymentMethodNotAttachedError'
      );
      assert.equal((await call('attach', '#card-container')).ok, true);
      assert.deepEqual(await call('destroy'), {ok: true, value: true});
      assert.equal(await page.locator('.sq-card-wrapper').count(), 0);
      assert.equal(
        (await call('tokenize')).name,
        'PaymentMethodAlreadyDestroyedError'
      );
    });
  });

  describe('the other Card methods', () => {
    it('configure() restyles in place and keeps what was typed; setError() and clear()', async () => {
      await mount();
      await card().locator('#cardNumber').fill('4111 1111 1111 1111');
      const configured = await call('configure', {
        style: {input: {color: 'rgb(0, 128, 0)'}},
        postalCode: 'EC1A 1BB',
      });
      assert.equal(configured.ok, true);
      await cardFrame().waitForFunction(
        () =>
          getComputedStyle(document.getElementById('cardNumber')!).color ===
          'rgb(0, 128, 0)'
      );
      assert.equal(
        await card().locator('#cardNumber').inputValue(),
        '4111 1111 1111 1111'
      );
      assert.equal(
        await card().locator('#postalCode').inputValue(),
        'EC1A 1BB'
      );
      const refused = await call('configure', {
        style: {button: {color: 'red'}},
      });
      assert.equal(refused.name, 'InvalidOptionError');

      assert.deepEqual(await call('setError', 'cvv'), {ok: true, value: true});
      await card()
        .getByRole('alert')
        .filter({hasText: 'CVV is not valid.'})
        .waitFor();
      assert.equal(
        (await events('errorClassAdded')).at(-1)!.detail.field,
        'cvv'
      );

      assert.deepEqual(await call('clear'), {ok: true, value: true});
      assert.equal(await card().locator('#cardNumber').inputValue(), '');
      assert.equal(
        await card().locator('#cvv').getAttribute('aria-invalid'),
        'false'
      );
    });

    it('detach() empties the element and keeps the listeners; attach() again gives a fresh form', async () => {
      await mount();
      await fill('4111 1111 1111 1111');
      assert.deepEqual(await call('detach'), {ok: true, value: true});
      assert.equal(await page.locator('.sq-card-wrapper').count(), 0);
      assert.equal(
        (await call('tokenize')).name,
        'PaymentMethodNotAttachedError'
      );
      assert.equal((await call('attach', '#card-container')).ok, true);
      assert.equal(await card().locator('#cardNumber').inputValue(), '');
      await card().locator('#cardNumber').focus();
      assert.ok(
        (await events('focusClassAdded')).length > 0,
        'the listener still hears the form'
      );
      const height = () =>
        page
          .locator('iframe.sq-card-component')
          .evaluate((f) => f.getBoundingClientRect().height);
      await page.setViewportSize({width: 320, height: 700});
      await call('recalculateSize');
      await page.waitForFunction(() => {
        const frame = document.querySelector('iframe.sq-card-component')!;
        return frame.getBoundingClientRect().height > 150;
      });
      assert.ok(
        (await height()) > 150,
        'the narrow form is taller (the postal code on its own row)'
      );
    });
  });

  describe('input events', () => {
    it('reports focus, brand, postal code, errors, Enter and Escape with Square’s detail', async () => {
      await mount();
      await card().locator('#cardNumber').focus();
      await card().locator('#cardNumber').pressSequentially('3400');
      await card().locator('#expirationDate').focus();
      await card().locator('#postalCode').pressSequentially('SW1');
      await card().locator('#postalCode').press('Enter');
      await card().locator('#postalCode').press('Escape');

      const focus = await events('focusClassAdded');
      assert.equal(focus[0]!.detail.field, 'cardNumber');
      const brand = await events('cardBrandChanged');
      assert.equal(brand.at(-1)!.detail.cardBrand, 'americanExpress');
      const postal = await events('postalCodeChanged');
      assert.equal(postal.at(-1)!.detail.postalCodeValue, 'SW1');
      const errors = await events('errorClassAdded');
      assert.equal(errors[0]!.detail.field, 'cardNumber');
      assert.deepEqual(errors[0]!.detail.currentState, {
        hasErrorClass: true,
        hasFocusClass: false,
        isCompletelyValid: false,
        isEmpty: false,
        isPotentiallyValid: false,
      });
      assert.equal((await events('submit')).length, 1);
      assert.equal((await events('escape')).length, 1);
      assert.equal(
        await card().locator('#cardNumber').inputValue(),
        '3400',
        'the number is formatted as typed'
      );
    });

    it('focus() moves the buyer into a field; a wrong field name is InvalidFieldNameError', async () => {
      await mount();
      assert.deepEqual(await call('focus', 'cvv'), {ok: true, value: true});
      assert.equal(
        await cardFrame().evaluate(() => document.activeElement?.id),
        'cvv'
      );
      assert.equal((await call('focus', 'pin')).name, 'InvalidFieldNameError');
    });
  });
});

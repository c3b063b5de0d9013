/**
 * The emulator's Stripe.js Address Element, the way a buyer meets it: an iframe on the
 * emulator's origin with a labelled address form, `change` events and `getValue()` shaped like
 * Stripe's, checked by `elements.submit()` together with the Payment Element.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {saveScreenshot} from '../chromium.js';
import {
  address,
  addressFrame,
  apiUrl,
  audit,
  card,
  createIntent,
  events,
  fill,
  fillAddress,
  mountAddress,
  page,
  pay,
  paymentFrame,
  stripe,
  useShopPage,
} from './stripe-js-helpers.js';

const PRIMARY = '#7c3aed';

type Harness = {
  harness: {
    address: {
      getValue(): Promise<unknown>;
      update(options: object): unknown;
      destroy(): void;
      unmount(): void;
    };
    elements: {
      submit(): Promise<{error?: {type: string; message: string}}>;
      getElement(type: string): unknown;
      create(type: string, options?: object): unknown;
      update(options: object): Promise<void>;
    };
  };
};

const getValue = () =>
  page.evaluate(() =>
    (window as never as Harness).harness.address.getValue()
  ) as Promise<{complete: boolean; isNewAddress: boolean; value: unknown}>;

const lastChange = async () => (await events('change')).at(-1)!;

describe('the emulator’s Stripe.js Address Element', {timeout: 120_000}, () => {
  useShopPage();

  it('mounts a titled iframe on the emulator origin as a plain child of the mount node', async () => {
    await mountAddress({payment: false});
    const iframe = await page.evaluate(() => {
      const frame = document.querySelector(
        '#address-element > iframe'
      ) as HTMLIFrameElement;
      return {
        origin: new URL(frame.src).origin,
        path: new URL(frame.src).pathname,
        title: frame.title,
        container: [...frame.parentElement!.classList].sort(),
      };
    });
    assert.deepEqual(iframe, {
      origin: apiUrl,
      path: '/elements/address',
      title: 'Secure address input frame',
      container: ['StripeElement', 'StripeElement--empty'],
    });
    assert.deepEqual((await events('ready'))[0], {
      type: 'ready',
      elementType: 'address',
    });
  });

  it('asks for each part of the address, labelled, with the mode’s autofill tokens', async () => {
    await mountAddress({payment: false});
    await address().getByLabel('Country or region').selectOption('US');
    const fields = await addressFrame().evaluate(() =>
      [...document.querySelectorAll('input, select')].map((input) => ({
        name: (input as HTMLInputElement).name,
        label: (input as HTMLInputElement).labels?.[0]?.textContent,
        autocomplete: (input as HTMLInputElement).autocomplete,
      }))
    );
    assert.deepEqual(fields, [
      {name: 'name', label: 'Full name', autocomplete: 'shipping name'},
      {
        name: 'country',
        label: 'Country or region',
        autocomplete: 'shipping country',
      },
      {
        name: 'line1',
        label: 'Address line 1',
        autocomplete: 'shipping address-line1',
      },
      {
        name: 'line2',
        label: 'Address line 2 (optional)',
        autocomplete: 'shipping address-line2',
      },
      {name: 'city', label: 'City', autocomplete: 'shipping address-level2'},
      {name: 'state', label: 'State', autocomplete: 'shipping address-level1'},
      {
        name: 'postal_code',
        label: 'ZIP code',
        autocomplete: 'shipping postal-code',
      },
    ]);

    // Germany: no states, a postal code; the Emirates: neither.
    await address().getByLabel('Country or region').selectOption('DE');
    assert.equal(await address().getByLabel('State').isVisible(), false);
    assert.equal(await address().getByLabel('Postal code').isVisible(), true);
    await address().getByLabel('Country or region').selectOption('AE');
    assert.equal(await address().getByLabel('Postal code').isVisible(), false);
  });

  it('reports change events with the address in Stripe’s shape, complete once it is', async () => {
    await mountAddress({payment: false});
    await address().getByLabel('Full name').fill('Ada');
    await page.waitForFunction(
      () =>
        (
          window as never as {harness: {events: {value?: {name: string}}[]}}
        ).harness.events.at(-1)?.value?.name === 'Ada'
    );
    const partial = await lastChange();
    assert.equal(partial.elementType, 'address');
    assert.equal(partial.elementMode, 'shipping');
    assert.equal(partial.empty, false);
    assert.equal(partial.complete, false);

    await fillAddress();
    // Events cross from the frame by postMessage: the last one may still be on its way.
    await page.waitForFunction(
      () =>
        (
          window as never as {harness: {events: {complete?: boolean}[]}}
        ).harness.events.at(-1)?.complete === true
    );
    assert.deepEqual(await lastChange(), {
      type: 'change',
      elementType: 'address',
      elementMode: 'shipping',
      empty: false,
      complete: true,
      isNewAddress: true,
      value: {
        name: 'Ada Lovelace',
        address: {
          line1: '1 Market St',
          line2: null,
          city: 'San Francisco',
          state: 'CA',
          postal_code: '94105',
          country: 'US',
        },
      },
    });
    assert.deepEqual(
      await page.evaluate(
        () =>
          (window as never as Harness).harness.elements.getElement(
            'address'
          ) === (window as never as Harness).harness.address
      ),
      true
    );
  });

  it('prefills defaultValues, offers only allowedCountries, and getValue() reads and checks', async () => {
    await mountAddress({
      payment: false,
      options: {
        mode: 'shipping',
        allowedCountries: ['us', 'DE'],
        defaultValues: {
          name: 'Ada Lovelace',
          address: {
            line1: 'Unter den Linden 1',
            city: 'Berlin',
            postal_code: '10117',
            country: 'DE',
          },
        },
      },
    });
    const countries = await addressFrame().evaluate(() =>
      [
        ...(document.getElementById('country') as HTMLSelectElement).options,
      ].map((option) => option.value)
    );
    assert.deepEqual(countries.sort(), ['DE', 'US']);
    assert.deepEqual(await getValue(), {
      complete: true,
      isNewAddress: true,
      value: {
        name: 'Ada Lovelace',
        address: {
          line1: 'Unter den Linden 1',
          line2: null,
          city: 'Berlin',
          state: '',
          postal_code: '10117',
          country: 'DE',
        },
      },
    });
    // The page learns the prefilled value without the buyer typing.
    assert.equal((await lastChange()).complete, true);

    await address().getByLabel('City').fill('');
    const incomplete = await getValue();
    assert.equal(incomplete.complete, false);
    await address().getByText('This field is incomplete.').waitFor();
  });

  it('is checked by elements.submit() with the card, each showing its errors', async () => {
    await mountAddress();
    await fill('4242424242424242');
    const submitted = await page.evaluate(() =>
      (window as never as Harness).harness.elements.submit()
    );
    assert.equal(submitted.error?.type, 'validation_error');
    assert.equal(submitted.error?.message, 'Your address is incomplete.');
    await address().getByText('This field is incomplete.').first().waitFor();
    const invalid = await addressFrame().evaluate(() =>
      [...document.querySelectorAll('[aria-invalid="true"]')].map(
        (input) => (input as HTMLInputElement).name
      )
    );
    assert.deepEqual(invalid, [
      'name',
      'line1',
      'city',
      'state',
      'postal_code',
    ]);

    await fillAddress();
    const again = await page.evaluate(() =>
      (window as never as Harness).harness.elements.submit()
    );
    assert.equal(again.error, undefined);
  });

  it('is the PaymentIntent’s shipping address when the payment is confirmed', async () => {
    const intent = await createIntent();
    await mountAddress();
    await fillAddress();
    await fill('4242424242424242');
    const result = await pay({clientSecret: intent.client_secret!});
    assert.equal(result.paymentIntent?.status, 'succeeded');
    const paid = await stripe.paymentIntents.retrieve(intent.id);
    assert.equal(paid.shipping?.name, 'Ada Lovelace');
    assert.deepEqual(
      {...paid.shipping?.address},
      {
        line1: '1 Market St',
        line2: null,
        city: 'San Francisco',
        state: 'CA',
        postal_code: '94105',
        country: 'US',
      }
    );
  });

  it('checks a US ZIP code', async () => {
    await mountAddress({payment: false});
    await address().getByLabel('Country or region').selectOption('US');
    await address().getByLabel('ZIP code').fill('941');
    await address().getByLabel('City').focus();
    await address().getByText('Your ZIP is invalid.').waitFor();
  });

  it('applies the appearance variables inside its frame, and again after elements.update()', async () => {
    await mountAddress({
      payment: false,
      appearance: {variables: {colorPrimary: PRIMARY}},
    });
    const primary = () =>
      addressFrame().evaluate(() =>
        document.documentElement.style.getPropertyValue('--color-primary')
      );
    assert.equal(await primary(), PRIMARY);
    await page.evaluate(() =>
      (window as never as Harness).harness.elements.update({
        appearance: {theme: 'night', variables: {colorPrimary: '#00aa55'}},
      })
    );
    assert.equal(await primary(), '#00aa55');
    assert.equal(
      await addressFrame().evaluate(
        () => document.documentElement.dataset.theme
      ),
      'night'
    );
  });

  it('unmounts and is destroyed like any Element: one per mode', async () => {
    await mountAddress({payment: false});
    const result = await page.evaluate(() => {
      const {harness} = window as never as Harness;
      let second = '';
      try {
        harness.elements.create('address', {mode: 'shipping'});
      } catch (error) {
        second = (error as Error).message;
      }
      harness.address.destroy();
      const gone = document.querySelector('#address-element > iframe') === null;
      const found = harness.elements.getElement('address');
      harness.elements.create('address', {mode: 'billing'});
      return {second, gone, found};
    });
    assert.deepEqual(result, {
      second: 'Can only create one Element of type address with mode shipping.',
      gone: true,
      found: null,
    });
  });

  it('has no axe violations, with the card form and with their errors showing', async () => {
    await mountAddress();
    assert.deepEqual(await audit(), []);
    await page.evaluate(() =>
      (window as never as Harness).harness.elements.submit()
    );
    await address().getByText('This field is incomplete.').first().waitFor();
    await card().getByText('Your card number is incomplete.').waitFor();
    assert.deepEqual(await audit(), []);
  });

  it('has no axe violations with the night theme', async () => {
    await mountAddress({appearance: {theme: 'night'}});
    await fillAddress();
    assert.deepEqual(await audit(), []);
  });

  it('keeps the card number’s placeholder whole at narrow widths, and room for the brand', async () => {
    await page.setViewportSize({width: 320, height: 760});
    await mountAddress();
    const number = () =>
      paymentFrame().evaluate(() => {
        const input = document.getElementById('number') as HTMLInputElement;
        const style = getComputedStyle(input);
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = `${style.fontSize} ${style.fontFamily}`;
        const room =
          input.clientWidth -
          parseFloat(style.paddingLeft) -
          parseFloat(style.paddingRight);
        return {room, placeholder: canvas.measureText(input.placeholder).width};
      });
    const empty = await number();
    assert.ok(
      empty.placeholder <= empty.room,
      `the placeholder (${empty.placeholder}px) fits in ${empty.room}px`
    );
    await card().getByLabel('Card number').fill('4242');
    const typed = await number();
    assert.ok(typed.room < empty.room, 'room is kept for the brand once shown');
    await saveScreenshot(page, 'stripe-js-address-320');
  });
});

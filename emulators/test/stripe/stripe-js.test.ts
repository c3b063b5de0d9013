/**
 * The emulator's Stripe.js, the way a buyer meets it: a shop page on one origin loads
 * `${emulator}/js/stripe.js`, mounts the Payment Element (an iframe on the emulator's origin) and
 * pays with Stripe's test cards in headless Chromium, against the Stripe API emulator.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {saveScreenshot} from '../chromium.js';
import {
  apiUrl,
  card,
  emulator,
  fill,
  mount,
  page,
  paymentFrame,
  useShopPage,
} from './stripe-js-helpers.js';

const PRIMARY = '#7c3aed';

describe('the emulator’s Stripe.js', {timeout: 120_000}, () => {
  useShopPage();

  describe('mounting', () => {
    it('mounts a titled iframe on the emulator origin as a plain child of the mount node', async () => {
      await mount({appearance: {variables: {colorPrimary: PRIMARY}}});
      const iframe = await page.evaluate(() => {
        const frame = document.querySelector(
          '#payment-element > iframe'
        ) as HTMLIFrameElement;
        return {
          src: new URL(frame.src).origin,
          title: frame.title,
          allow: frame.allow,
          border: getComputedStyle(frame).borderTopWidth,
          width: frame.getBoundingClientRect().width,
          parentWidth: frame.parentElement!.getBoundingClientRect().width,
          container: [...frame.parentElement!.classList],
        };
      });
      assert.equal(iframe.src, apiUrl);
      assert.equal(iframe.title, 'Secure payment input frame');
      assert.equal(iframe.allow, 'payment');
      assert.equal(iframe.border, '0px');
      assert.equal(iframe.width, iframe.parentWidth);
      assert.deepEqual(iframe.container.sort(), [
        'StripeElement',
        'StripeElement--empty',
      ]);
    });

    it('shows labelled card fields named like Stripe’s, and sizes the frame to them', async () => {
      await mount();
      const fields = await paymentFrame().evaluate(() =>
        [...document.querySelectorAll('input')].map((input) => ({
          name: input.name,
          label: input.labels?.[0]?.textContent,
          autocomplete: input.autocomplete,
          inputmode: input.inputMode,
        }))
      );
      assert.deepEqual(fields, [
        {
          name: 'number',
          label: 'Card number',
          autocomplete: 'cc-number',
          inputmode: 'numeric',
        },
        {
          name: 'expiry',
          label: 'Expiration date',
          autocomplete: 'cc-exp',
          inputmode: 'numeric',
        },
        {
          name: 'cvc',
          label: 'Security code',
          autocomplete: 'cc-csc',
          inputmode: 'numeric',
        },
        {
          name: 'postalCode',
          label: 'ZIP',
          autocomplete: 'postal-code',
          inputmode: 'numeric',
        },
      ]);
      // Errors make the form taller: the frame follows, so nothing scrolls inside it.
      await page.evaluate(() =>
        (
          window as never as {harness: {elements: {submit(): unknown}}}
        ).harness.elements.submit()
      );
      await card().getByText('Your card number is incomplete.').waitFor();
      await page.waitForFunction(() => {
        const frame = document.querySelector('iframe') as HTMLIFrameElement;
        return frame.getBoundingClientRect().height > 300;
      });
      const fits = await paymentFrame().evaluate(
        () => document.documentElement.scrollHeight <= window.innerHeight
      );
      assert.ok(fits, 'the frame shows its whole content without scrolling');
    });

    it('formats the number in groups of four and names the brand', async () => {
      await mount();
      await card()
        .getByLabel('Card number')
        .pressSequentially('4242424242424242');
      assert.equal(
        await card().getByLabel('Card number').inputValue(),
        '4242 4242 4242 4242'
      );
      await card().getByText('Visa', {exact: true}).waitFor();
      await card().getByLabel('Card number').fill('378282246310005');
      assert.equal(
        await card().getByLabel('Card number').inputValue(),
        '3782 822463 10005'
      );
      await card().getByText('American Express').waitFor();
      await card().getByLabel('Expiration date').pressSequentially('1234');
      assert.equal(
        await card().getByLabel('Expiration date').inputValue(),
        '12 / 34'
      );
    });

    it('reports ready, then change events shaped like Stripe’s', async () => {
      await mount();
      await fill('4242424242424242');
      // The frame's change events cross a postMessage: wait for the one the fill causes.
      await page.waitForFunction(() =>
        (
          window as never as {harness: {events: {complete?: boolean}[]}}
        ).harness.events.some((e) => e.complete)
      );
      const events = await page.evaluate(
        () =>
          (window as never as {harness: {events: {type: string}[]}}).harness
            .events
      );
      assert.equal(events[0]?.type, 'ready');
      const last = events.filter((e) => e.type === 'change').at(-1);
      assert.deepEqual(last, {
        type: 'change',
        elementType: 'payment',
        empty: false,
        complete: true,
        collapsed: false,
        value: {type: 'card'},
      });
      const classes = await page
        .locator('#payment-element')
        .getAttribute('class');
      assert.match(classes ?? '', /StripeElement--complete/);
    });

    it('moves focus into the card number with element.focus()', async () => {
      await mount();
      await page.evaluate(() =>
        (
          window as never as {harness: {element: {focus(): void}}}
        ).harness.element.focus()
      );
      await paymentFrame().waitForFunction(
        () => document.activeElement?.id === 'number'
      );
      await page.waitForFunction(() =>
        document
          .getElementById('payment-element')!
          .classList.contains('StripeElement--focus')
      );
    });

    it('reports loaderror when the frame cannot load', async () => {
      await page.route(`${apiUrl}/elements/payment`, (route) =>
        route.fulfill({status: 503, body: 'unavailable'})
      );
      // The frame never says `ready`, so mount() is not awaited.
      await page.evaluate((pk) => {
        void (
          window as never as {harness: {mount(a: object): Promise<unknown>}}
        ).harness.mount({
          pk,
        });
      }, emulator.publishableKey);
      await page.waitForFunction(() =>
        (
          window as never as {harness: {events: {type: string}[]}}
        ).harness.events.some((event) => event.type === 'loaderror')
      );
      const event = await page.evaluate(() =>
        (
          window as never as {harness: {events: {type: string}[]}}
        ).harness.events.find((e) => e.type === 'loaderror')
      );
      assert.deepEqual(event, {
        type: 'loaderror',
        elementType: 'payment',
        error: {
          type: 'api_connection_error',
          message: 'The Payment Element failed to load.',
        },
      });
    });

    it('refuses a mount node inside a shadow root, as Stripe.js does, and mounts nothing', async () => {
      const outcome = await page.evaluate((pk) => {
        const host = document.createElement('div');
        document.body.append(host);
        const inShadow = document.createElement('div');
        host.attachShadow({mode: 'open'}).append(inShadow);
        const stripe = (
          window as never as {
            Stripe(pk: string): {
              elements(o: object): {create(t: string): {mount(n: Node): void}};
            };
          }
        ).Stripe(pk);
        // A group of its own each time (a group holds one Payment Element). No helper
        // function: tsx would wrap it in a `__name` the page lacks.
        const refusals: ({name: string; message: string} | null)[] = [];
        for (const node of [inShadow, document.createElement('div')]) {
          try {
            stripe
              .elements({mode: 'payment', amount: 1999, currency: 'usd'})
              .create('payment')
              .mount(node);
            refusals.push(null);
          } catch (error) {
            const {name, message} = error as Error;
            refusals.push({name, message});
          }
        }
        const [shadow, detached] = refusals;
        return {shadow, detached, frames: inShadow.childElementCount};
      }, emulator.publishableKey);
      const refused = {
        name: 'IntegrationError',
        message:
          'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.',
      };
      assert.deepEqual(outcome, {
        shadow: refused,
        detached: refused,
        frames: 0,
      });
    });

    it('lays the fields out as Stripe’s card form: the number across, expiry and CVC side by side, ZIP below, none cut off', async () => {
      await mount({
        appearance: {variables: {colorPrimary: PRIMARY, borderRadius: '8px'}},
      });
      await card().getByLabel('Card number').fill('4242424242424242');
      await card().getByLabel('Expiration date').fill('12 / 34');
      await card().getByLabel('Security code').focus();
      // No helper functions inside evaluate(): tsx would wrap them in a `__name` the page lacks.
      const layout = await card()
        .locator('body')
        .evaluate((body) => ({
          boxes: ['number', 'expiry', 'cvc', 'postalCode'].map((id) =>
            document.getElementById(id)!.getBoundingClientRect().toJSON()
          ) as {left: number; right: number; top: number; bottom: number}[],
          width: body.clientWidth,
          overflow: document.documentElement.scrollHeight > innerHeight,
        }));
      const [number, expiry, cvc, postalCode] = layout.boxes;
      assert.ok(number.right - number.left > layout.width * 0.9);
      assert.ok(number.bottom <= expiry.top);
      assert.equal(expiry.top, cvc.top);
      assert.ok(expiry.right <= cvc.left);
      assert.ok(expiry.bottom <= postalCode.top);
      assert.equal(layout.overflow, false);
      await saveScreenshot(
        page.locator('#payment-element'),
        'stripe-js-payment-element'
      );
    });
  });

  describe('appearance', () => {
    it('applies colorPrimary and fonts inside the frame, and again after elements.update()', async () => {
      await mount({
        appearance: {
          disableAnimations: true,
          variables: {
            colorPrimary: PRIMARY,
            fontFamily: 'monospace',
            borderRadius: '9px',
          },
          rules: {
            '.Label': {fontWeight: '700'},
            // Refused: a theme must not make the card form fetch anything.
            '.Input': {backgroundImage: 'url(https://example.com/leak)'},
          },
        },
      });
      const label = await card()
        .locator('label[for="number"]')
        .evaluate((el) => getComputedStyle(el).fontWeight);
      assert.equal(label, '700');
      const number = card().getByLabel('Card number');
      await number.focus();
      const style = () =>
        number.evaluate((input) => {
          const css = getComputedStyle(input);
          return {
            border: css.borderTopColor,
            font: css.fontFamily,
            radius: css.borderTopLeftRadius,
          };
        });
      assert.deepEqual(await style(), {
        border: 'rgb(124, 58, 237)',
        font: 'monospace',
        radius: '9px',
      });

      await page.evaluate(() =>
        (
          window as never as {
            harness: {elements: {update(o: object): Promise<void>}};
          }
        ).harness.elements.update({
          appearance: {
            theme: 'night',
            disableAnimations: true,
            variables: {colorPrimary: '#16a34a'},
          },
        })
      );
      assert.equal((await style()).border, 'rgb(22, 163, 74)');
      const background = await number.evaluate(
        (input) => getComputedStyle(input).backgroundColor
      );
      assert.equal(
        background,
        'rgb(66, 67, 83)',
        'the night theme’s input background'
      );
      const image = await number.evaluate(
        (input) => getComputedStyle(input).backgroundImage
      );
      assert.equal(image, 'none');
    });
  });
});

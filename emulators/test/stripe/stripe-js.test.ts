/**
 * The emulator's Stripe.js, the way a buyer meets it: a shop page on one origin loads
 * `${emulator}/js/stripe.js`, mounts the Payment Element (an iframe on the emulator's origin) and
 * pays with Stripe's test cards in headless Chromium, against the Stripe API emulator.
 */
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, beforeEach, describe, it} from 'node:test';
import {
  type Browser,
  type Frame,
  type FrameLocator,
  type Page,
} from 'playwright-core';
import Stripe from 'stripe';
import {startStripeEmulator} from '../../stripe/index.js';
import {axeViolations, launchChromium, saveScreenshot} from '../chromium.js';

type Emulator = Awaited<ReturnType<typeof startStripeEmulator>>;

const FRAME = 'iframe[title="Secure payment input frame"]';
const PRIMARY = '#7c3aed';

/** The shop page: loads the fake Stripe.js cross-origin and exposes a tiny harness. */
function shopPage(apiUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop</title>
<style>#payment-element { margin: 16px 0; }</style>
<script src="${apiUrl}/js/stripe.js"></script>
</head>
<body>
<main>
  <h1>Checkout</h1>
  <button type="button" id="before">Edit cart</button>
  <form id="pay-form">
    <div id="payment-element"></div>
    <button type="submit" id="pay">Pay</button>
  </form>
  <output id="result"></output>
</main>
<script>
  const summary = (result) =>
    result.error
      ? {error: {...result.error, payment_intent: result.error.payment_intent?.id}}
      : {paymentIntent: {id: result.paymentIntent.id, status: result.paymentIntent.status}};

  window.harness = {
    events: [],
    mount({appearance, clientSecret, pk}) {
      const stripe = Stripe(pk);
      const elements = clientSecret
        ? stripe.elements({clientSecret, appearance})
        : stripe.elements({mode: 'payment', amount: 1999, currency: 'usd', appearance});
      const element = elements.create('payment', {layout: 'tabs'});
      for (const type of ['ready', 'change', 'focus', 'blur', 'loaderror']) {
        element.on(type, (event) => harness.events.push({type, ...event}));
      }
      Object.assign(harness, {stripe, elements, element});
      const ready = new Promise((resolve) => element.on('ready', resolve));
      element.mount('#payment-element');
      return ready;
    },
    async pay({clientSecret, redirect = 'if_required', submit = true}) {
      if (submit) {
        const submitted = await harness.elements.submit();
        if (submitted.error) return {submitError: submitted.error};
      }
      const result = await harness.stripe.confirmPayment({
        elements: harness.elements,
        clientSecret,
        confirmParams: {return_url: location.origin + '/return'},
        redirect,
      });
      return summary(result);
    },
  };

  // The keyboard flow: Enter on "Pay" submits the form, as a buyer would.
  document.getElementById('pay-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await harness.pay({clientSecret: harness.nextClientSecret});
    document.getElementById('result').value = JSON.stringify(result);
  });
</script>
</body>
</html>`;
}

describe('the emulator’s Stripe.js', {timeout: 120_000}, () => {
  let emulator: Emulator;
  let apiUrl: string;
  let shop: Server;
  let shopUrl: string;
  let browser: Browser;
  let page: Page;
  let stripe: Stripe;

  before(async () => {
    emulator = await startStripeEmulator({port: 0});
    apiUrl = emulator.url;
    stripe = new Stripe(emulator.secretKey, {
      host: '127.0.0.1',
      port: emulator.port,
      protocol: 'http',
    });

    // `localhost` vs `127.0.0.1`: the shop and the emulator are different sites, not just
    // different origins, so Chromium isolates the card frame as it would js.stripe.com.
    shop = createServer((request, response) => {
      const body = request.url?.startsWith('/return')
        ? '<!doctype html><html lang="en"><title>Return</title><h1>Thanks</h1></html>'
        : shopPage(apiUrl);
      response
        .writeHead(200, {'content-type': 'text/html; charset=utf-8'})
        .end(body);
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;

    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => shop?.close(resolve));
    await emulator?.close();
  });

  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage({viewport: {width: 520, height: 760}});
    await page.goto(shopUrl);
  });

  async function createIntent(): Promise<Stripe.PaymentIntent> {
    return stripe.paymentIntents.create({amount: 1999, currency: 'usd'});
  }

  function mount(options: {appearance?: object; clientSecret?: string} = {}) {
    return page.evaluate(
      (args) =>
        (
          window as never as {harness: {mount(a: object): Promise<unknown>}}
        ).harness.mount(args),
      {...options, pk: emulator.publishableKey}
    );
  }

  function pay(options: {
    clientSecret: string;
    redirect?: string;
    submit?: boolean;
  }) {
    return page.evaluate(
      (args) =>
        (
          window as never as {harness: {pay(a: object): Promise<PayResult>}}
        ).harness.pay(args),
      options
    );
  }

  const card = (): FrameLocator => page.frameLocator(FRAME);

  async function fill(
    number: string,
    expiry = '12 / 34',
    cvc = '123',
    zip = '12345'
  ) {
    await card().getByLabel('Card number').fill(number);
    await card().getByLabel('Expiration date').fill(expiry);
    await card().getByLabel('Security code').fill(cvc);
    await card().getByLabel('ZIP').fill(zip);
  }

  function paymentFrame(): Frame {
    const frame = page
      .frames()
      .find((f) => f.url().startsWith(`${apiUrl}/elements/payment`));
    assert.ok(frame, 'the Payment Element frame is loaded');
    return frame;
  }

  async function challengeFrame(): Promise<Frame> {
    await page
      .frameLocator('iframe[title="3D Secure authentication"]')
      .getByRole('button', {name: 'Complete'})
      .waitFor();
    const frame = page
      .frames()
      .find((f) => f.url().startsWith(`${apiUrl}/elements/3ds/`));
    assert.ok(frame, 'the 3-D Secure frame is loaded');
    return frame;
  }

  /**
   * axe over the whole shop page, frames included, as the demo page will be audited: axe runs in
   * every frame and reports to the top one, so page-level rules apply to the shop page only.
   */
  const audit = () => axeViolations(page);

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

  describe('confirmPayment', () => {
    it('pays with 4242 and resolves {paymentIntent} with status succeeded', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4242424242424242');
      const result = await pay({clientSecret: intent.client_secret!});
      assert.deepEqual(result, {
        paymentIntent: {id: intent.id, status: 'succeeded'},
      });
      assert.equal(
        (await stripe.paymentIntents.retrieve(intent.id)).status,
        'succeeded'
      );
    });

    it('sends card data only from the frame, and the host page cannot read it', async () => {
      const requests: {url: string; frame: string; body: string}[] = [];
      page.on('request', (request) =>
        requests.push({
          url: request.url(),
          frame: request.frame().url(),
          body: request.postData() ?? '',
        })
      );
      const intent = await createIntent();
      await mount();
      await fill('4242424242424242');
      const read = await page.evaluate(() => {
        const frame = document.querySelector('iframe') as HTMLIFrameElement;
        let error = '';
        try {
          void frame.contentWindow!.document.body;
        } catch (e) {
          error = (e as Error).name;
        }
        return {contentDocument: frame.contentDocument, error};
      });
      assert.deepEqual(read, {contentDocument: null, error: 'SecurityError'});

      await pay({clientSecret: intent.client_secret!});
      const created = requests.find((r) =>
        r.url.endsWith('/v1/payment_methods')
      );
      assert.ok(created, 'a PaymentMethod was created');
      assert.ok(
        created.frame.startsWith(`${apiUrl}/elements/payment`),
        'by the frame'
      );
      assert.match(created.body, /card%5Bnumber%5D=4242424242424242/);
      const confirm = requests.find((r) =>
        r.url.endsWith(`/v1/payment_intents/${intent.id}/confirm`)
      );
      assert.ok(confirm, 'the intent was confirmed');
      assert.match(confirm.body, /payment_method=pm_/);
      assert.doesNotMatch(confirm.body, /4242/);
    });

    it('resolves card_declined for 4000 0000 0000 0002, then succeeds on the same intent with 4242', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4000000000000002');
      const declined = await pay({clientSecret: intent.client_secret!});
      assert.equal(declined.error?.type, 'card_error');
      assert.equal(declined.error?.code, 'card_declined');
      assert.equal(declined.error?.decline_code, 'generic_decline');
      assert.equal(declined.error?.message, 'Your card was declined.');
      assert.equal(declined.error?.payment_intent, intent.id);

      await card().getByLabel('Card number').fill('4242424242424242');
      const retried = await pay({clientSecret: intent.client_secret!});
      assert.deepEqual(retried, {
        paymentIntent: {id: intent.id, status: 'succeeded'},
      });
    });

    it('resolves insufficient_funds for 4000 0000 0000 9995', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4000000000009995');
      const result = await pay({clientSecret: intent.client_secret!});
      assert.equal(result.error?.code, 'card_declined');
      assert.equal(result.error?.decline_code, 'insufficient_funds');
    });

    it('runs the 3-D Secure challenge for 4000 0025 0000 3155: Complete → succeeded', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4000002500003155');
      const paying = pay({clientSecret: intent.client_secret!});
      const challenge = await challengeFrame();
      const overlay = await page.evaluate(() => {
        const frame = document.querySelector(
          'iframe[title="3D Secure authentication"]'
        )!;
        const box = frame.parentElement!;
        const css = getComputedStyle(box);
        const full =
          box.clientWidth === innerWidth && box.clientHeight === innerHeight;
        return {
          position: css.position,
          full,
          parent: box.parentElement === document.body,
        };
      });
      assert.deepEqual(overlay, {position: 'fixed', full: true, parent: true});
      assert.deepEqual(await audit(), []);
      await saveScreenshot(page, 'stripe-js-3ds-challenge');
      await challenge.getByRole('button', {name: 'Complete'}).click();
      assert.deepEqual(await paying, {
        paymentIntent: {id: intent.id, status: 'succeeded'},
      });
      assert.equal(
        await page.locator('iframe[title="3D Secure authentication"]').count(),
        0
      );
    });

    it('3-D Secure: Fail → payment_intent_authentication_failure', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4000002500003155');
      const paying = pay({clientSecret: intent.client_secret!});
      const challenge = await challengeFrame();
      await challenge.getByRole('button', {name: 'Fail'}).click();
      const result = await paying;
      // Stripe.js rewords the failure but keeps the type the API gave the intent's last error.
      const {last_payment_error: last} = await stripe.paymentIntents.retrieve(
        intent.id
      );
      assert.equal(last?.code, 'payment_intent_authentication_failure');
      assert.deepEqual(result.error && {...result.error}, {
        type: last.type,
        code: 'payment_intent_authentication_failure',
        message:
          'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
        payment_intent: intent.id,
      });
    });

    it('with redirect: always, navigates to return_url with Stripe’s query parameters', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4242424242424242');
      void pay({clientSecret: intent.client_secret!, redirect: 'always'}).catch(
        () => {}
      );
      await page.waitForURL(/\/return\?/);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('payment_intent'), intent.id);
      assert.equal(
        url.searchParams.get('payment_intent_client_secret'),
        intent.client_secret
      );
      assert.equal(url.searchParams.get('redirect_status'), 'succeeded');
    });

    it('works with elements({clientSecret}) and retrievePaymentIntent', async () => {
      const intent = await createIntent();
      await mount({clientSecret: intent.client_secret!});
      await fill('4242424242424242');
      const result = await page.evaluate(async (clientSecret) => {
        const {stripe, elements} = (
          window as never as {harness: {stripe: StripeLike; elements: unknown}}
        ).harness;
        const confirmed = await stripe.confirmPayment({
          elements,
          confirmParams: {return_url: `${location.origin}/return`},
          redirect: 'if_required',
        });
        const retrieved = await stripe.retrievePaymentIntent(clientSecret);
        return [
          confirmed.paymentIntent?.status,
          retrieved.paymentIntent?.status,
        ];
      }, intent.client_secret!);
      assert.deepEqual(result, ['succeeded', 'succeeded']);
    });

    it('refuses to confirm a deferred-intent payment before elements.submit(), like Stripe.js', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4242424242424242');
      await assert.rejects(
        pay({clientSecret: intent.client_secret!, submit: false}),
        /elements\.submit\(\) must be called before stripe\.confirmPayment\(\)/
      );
    });

    it('resolves api_connection_error when the network fails', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4242424242424242');
      await page.route('**/v1/payment_intents/*/confirm', (route) =>
        route.abort('connectionrefused')
      );
      const result = await pay({clientSecret: intent.client_secret!});
      assert.equal(result.error?.type, 'api_connection_error');
    });
  });

  describe('elements.submit()', () => {
    it('returns Stripe’s validation error and shows every field’s error in the frame', async () => {
      await mount();
      const result = await page.evaluate(() =>
        (
          window as never as {harness: {elements: {submit(): Promise<unknown>}}}
        ).harness.elements.submit()
      );
      assert.deepEqual(result, {
        error: {
          type: 'validation_error',
          code: 'incomplete_number',
          message: 'Your card number is incomplete.',
          param: 'number',
        },
      });
      const alerts = await card().getByRole('alert').allTextContents();
      assert.deepEqual(alerts, [
        'Your card number is incomplete.',
        "Your card's expiration date is incomplete.",
        "Your card's security code is incomplete.",
        'Your postal code is incomplete.',
      ]);
      await saveScreenshot(
        page.locator('#payment-element'),
        'stripe-js-payment-element-errors'
      );
      assert.equal(
        await card().getByLabel('Card number').getAttribute('aria-invalid'),
        'true'
      );
    });

    it('resolves {selectedPaymentMethod} when the card is complete', async () => {
      await mount();
      await fill('4242424242424242');
      const result = await page.evaluate(() =>
        (
          window as never as {harness: {elements: {submit(): Promise<unknown>}}}
        ).harness.elements.submit()
      );
      assert.deepEqual(result, {selectedPaymentMethod: 'card'});
    });
  });

  describe('accessibility', () => {
    it('has no axe violations in the Payment Element frame, with its errors showing', async () => {
      await mount();
      assert.deepEqual(await audit(), []);
      await page.evaluate(() =>
        (
          window as never as {harness: {elements: {submit(): unknown}}}
        ).harness.elements.submit()
      );
      await card().getByText('Your card number is incomplete.').waitFor();
      assert.deepEqual(await audit(), []);
    });

    it('has no axe violations with the night theme', async () => {
      await mount({appearance: {theme: 'night'}});
      await fill('4242', '1', '', '');
      await card().getByLabel('Security code').focus();
      assert.deepEqual(await audit(), []);
    });

    it('pays with the keyboard alone, through the 3-D Secure challenge', async () => {
      const intent = await createIntent();
      await mount();
      await page.evaluate((secret) => {
        (
          window as never as {harness: {nextClientSecret: string}}
        ).harness.nextClientSecret = secret;
      }, intent.client_secret!);
      await page.focus('#before');
      const focused = () =>
        paymentFrame().evaluate(() => document.activeElement?.id);

      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'number');
      await page.keyboard.type('4000002500003155');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'expiry');
      await page.keyboard.type('1234');
      await page.keyboard.press('Tab');
      await page.keyboard.type('123');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'postalCode');
      await page.keyboard.type('12345');
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'pay'
      );
      await page.keyboard.press('Enter');

      const challenge = await challengeFrame();
      await challenge.waitForFunction(
        () => document.hasFocus() && document.activeElement?.id === 'complete'
      );
      await page.keyboard.press('Space');
      await page.waitForFunction(
        () =>
          (document.getElementById('result') as HTMLOutputElement).value !== ''
      );
      const result = JSON.parse(
        await page.evaluate(
          () => (document.getElementById('result') as HTMLOutputElement).value
        )
      ) as PayResult;
      assert.deepEqual(result, {
        paymentIntent: {id: intent.id, status: 'succeeded'},
      });
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'pay',
        'focus comes back'
      );
    });

    it('reaches "Fail" with Tab and answers with Enter', async () => {
      const intent = await createIntent();
      await mount();
      await fill('4000002500003155');
      const paying = pay({clientSecret: intent.client_secret!});
      const challenge = await challengeFrame();
      await challenge.waitForFunction(
        () => document.activeElement?.id === 'complete'
      );
      await page.keyboard.press('Tab');
      assert.equal(
        await challenge.evaluate(() => document.activeElement?.id),
        'fail'
      );
      await page.keyboard.press('Enter');
      assert.equal(
        (await paying).error?.code,
        'payment_intent_authentication_failure'
      );
    });
  });
});

interface PayResult {
  paymentIntent?: {id: string; status: string};
  error?: {
    type: string;
    code?: string;
    decline_code?: string;
    message?: string;
    payment_intent?: string;
  };
  submitError?: {type: string; message?: string};
}

interface StripeLike {
  confirmPayment(options: object): Promise<{paymentIntent?: {status: string}}>;
  retrievePaymentIntent(
    secret: string
  ): Promise<{paymentIntent?: {status: string}}>;
}

/**
 * The emulator's hosted Checkout page, the way a buyer meets it: a shop creates a Checkout
 * Session with the official `stripe` package, the browser opens `session.url` (on the
 * emulator's origin, as checkout.stripe.com is Stripe's) and pays with Stripe's test cards in
 * headless Chromium; the shop gets the signed events and the buyer lands on `success_url`.
 */
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, beforeEach, describe, it} from 'node:test';
import type {Browser, Frame, Page} from 'playwright-core';
import type Stripe from 'stripe';
import {
  startStripeEmulator,
  type RunningStripeEmulator,
} from '../../emulators/stripe/index.js';
import {axeViolations} from '../../emulators/test/chromium.js';
import {emulatorClient} from '../server/harness.js';
import {launchChromium} from './shop.js';

const SCREENSHOT = '/tmp/stripe-hosted-checkout.png';
const MOBILE_SCREENSHOT = '/tmp/stripe-hosted-checkout-mobile.png';
const ERRORS_SCREENSHOT = '/tmp/stripe-hosted-checkout-errors.png';
const CHALLENGE = 'iframe[title="3D Secure authentication"]';

describe('the emulator’s hosted Checkout page', {timeout: 120_000}, () => {
  let emulator: RunningStripeEmulator;
  let stripe: Stripe;
  let shop: Server;
  let shopUrl: string;
  let webhooks: string[];
  let browser: Browser;
  let page: Page;

  before(async () => {
    webhooks = [];
    // The shop: a landing page for success_url and cancel_url, and the webhook endpoint.
    shop = createServer((request, response) => {
      if (request.method === 'POST') {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          void verify(
            Buffer.concat(chunks).toString('utf8'),
            String(request.headers['stripe-signature'])
          ).then(
            (type) => {
              webhooks.push(type);
              response.writeHead(200).end();
            },
            () => response.writeHead(400).end()
          );
        });
        return;
      }
      const title = request.url?.startsWith('/thanks') ? 'Thanks' : 'Your cart';
      response
        .writeHead(200, {'content-type': 'text/html; charset=utf-8'})
        .end(
          `<!doctype html><html lang="en"><title>${title}</title><main><h1>${title}</h1></main></html>`
        );
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    const port = (shop.address() as AddressInfo).port;
    // `localhost` vs `127.0.0.1`: the shop and Checkout are different sites, as at Stripe.
    shopUrl = `http://localhost:${port}`;
    emulator = await startStripeEmulator({
      webhookUrl: `http://127.0.0.1:${port}/webhooks/stripe`,
      retryDelaysMs: [10, 10],
    });
    stripe = emulatorClient(emulator);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await emulator?.close();
    await new Promise((resolve) => shop?.close(resolve));
  });

  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage({viewport: {width: 1100, height: 820}});
  });

  /** The shop's webhook handler checks signatures as the companion server does. */
  async function verify(body: string, signature: string): Promise<string> {
    const event = await stripe.webhooks.constructEventAsync(
      body,
      signature,
      emulator.webhookSecret
    );
    const object = event.data.object as {id: string};
    return `${event.type}:${object.id}`;
  }

  function createSession(
    params: Partial<Stripe.Checkout.SessionCreateParams> = {}
  ) {
    return stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          price_data: {
            currency: 'usd',
            unit_amount: 2400,
            product_data: {
              name: 'Organic cotton tee',
              description: 'Black, size M',
            },
          },
          quantity: 2,
        },
        {
          price_data: {
            currency: 'usd',
            unit_amount: 1250,
            product_data: {name: 'Canvas tote'},
          },
          quantity: 1,
        },
      ],
      success_url: `${shopUrl}/thanks?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${shopUrl}/cart`,
      customer_email: 'buyer@example.com',
      payment_intent_data: {metadata: {order_id: 'order_42'}},
      ...params,
    });
  }

  async function open(session: Stripe.Checkout.Session) {
    await page.goto(session.url!);
    await page.getByRole('button', {name: 'Pay'}).waitFor();
  }

  async function fillCard(
    number: string,
    expiry = '12 / 34',
    cvc = '123',
    zip = '12345'
  ) {
    await page.getByLabel('Card number').fill(number);
    await page.getByLabel('Expiration date').fill(expiry);
    await page.getByLabel('Security code').fill(cvc);
    await page.getByLabel('ZIP').fill(zip);
  }

  async function pay() {
    await page.getByRole('button', {name: 'Pay'}).click();
  }

  async function landsOnSuccess(session: Stripe.Checkout.Session) {
    await page.waitForURL(`${shopUrl}/thanks?**`);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('session_id'), session.id);
    await page.getByRole('heading', {name: 'Thanks'}).waitFor();
  }

  async function challengeFrame(): Promise<Frame> {
    await page
      .frameLocator(CHALLENGE)
      .getByRole('button', {name: 'Complete'})
      .waitFor();
    const frame = page
      .frames()
      .find((f) => f.url().startsWith(`${emulator.url}/elements/3ds/`));
    assert.ok(frame, 'the 3-D Secure frame is loaded');
    return frame;
  }

  const alert = () => page.locator('#form-error');

  describe('the page', () => {
    it('shows the line items and the Intl-formatted total, the email from customer_email, and the Payment Element’s card fields', async () => {
      const session = await createSession();
      await open(session);
      assert.equal(await page.title(), 'Pay $60.50');
      await page.getByRole('heading', {level: 1, name: 'Pay $60.50'}).waitFor();
      const lines = await page
        .getByRole('list', {name: 'Order summary'})
        .getByRole('listitem')
        .allInnerTexts();
      assert.deepEqual(
        lines.map((text) => text.replace(/\s+/g, ' ').trim()),
        [
          'Organic cotton tee Qty 2 · $24.00 each Black, size M $48.00',
          'Canvas tote Qty 1 $12.50',
        ]
      );
      const email = page.getByLabel('Email');
      assert.equal(await email.inputValue(), 'buyer@example.com');
      assert.equal(await email.getAttribute('readonly'), '');
      const fields = await page.evaluate(() =>
        [...document.querySelectorAll('fieldset input')].map((input) => ({
          name: (input as HTMLInputElement).name,
          label: (input as HTMLInputElement).labels?.[0]?.textContent,
          autocomplete: (input as HTMLInputElement).autocomplete,
        }))
      );
      assert.deepEqual(fields, [
        {name: 'number', label: 'Card number', autocomplete: 'cc-number'},
        {name: 'expiry', label: 'Expiration date', autocomplete: 'cc-exp'},
        {name: 'cvc', label: 'Security code', autocomplete: 'cc-csc'},
        {name: 'postalCode', label: 'ZIP', autocomplete: 'postal-code'},
      ]);
      assert.equal(
        await page.getByRole('link', {name: 'Back'}).getAttribute('href'),
        `${shopUrl}/cart`
      );
      await page
        .getByLabel('Card number')
        .pressSequentially('4242424242424242');
      assert.equal(
        await page.getByLabel('Card number').inputValue(),
        '4242 4242 4242 4242'
      );
      await page.getByText('Visa', {exact: true}).waitFor();
      await page.getByLabel('Expiration date').pressSequentially('1234');
      await page.getByLabel('Security code').focus();
      await page.screenshot({path: SCREENSHOT});
      await page.setViewportSize({width: 390, height: 844});
      await page.screenshot({path: MOBILE_SCREENSHOT, fullPage: true});
    });

    it('speaks and formats amounts in the session’s locale, and asks for a postal code outside the US', async () => {
      const session = await createSession({
        locale: 'fr',
        line_items: [
          {
            price_data: {
              currency: 'eur',
              unit_amount: 6050,
              product_data: {name: 'Sac'},
            },
            quantity: 1,
          },
        ],
      });
      await open(session);
      assert.equal(
        await page.evaluate(() => document.documentElement.lang),
        'fr'
      );
      const total = await page.locator('.Amount').innerText();
      assert.equal(total.replace(/\s/g, ' '), '60,50 €');
      // The page speaks the session's locale, as checkout.stripe.com does.
      await page.getByLabel('Code postal').waitFor();
      await page.getByRole('button', {name: 'Payer'}).waitFor();
    });

    it('“← Back” goes to cancel_url', async () => {
      const session = await createSession();
      await open(session);
      await page.getByRole('link', {name: 'Back'}).click();
      await page.waitForURL(`${shopUrl}/cart`);
      assert.equal(
        (await stripe.checkout.sessions.retrieve(session.id)).status,
        'open'
      );
    });

    it('checks the fields before anything is sent', async () => {
      const session = await createSession({customer_email: undefined});
      await open(session);
      const sent: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') sent.push(request.url());
      });
      await pay();
      await page.getByText('Your email is incomplete.').waitFor();
      const errors = await page
        .locator('.Error[role="alert"]')
        .allTextContents();
      assert.deepEqual(
        errors.filter((text) => text !== ''),
        [
          'Your email is incomplete.',
          'Your card number is incomplete.',
          "Your card's expiration date is incomplete.",
          "Your card's security code is incomplete.",
          'Your postal code is incomplete.',
        ]
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'email'
      );
      assert.equal(
        await page.getByLabel('Email').getAttribute('aria-invalid'),
        'true'
      );
      await page.getByLabel('Email').fill('not an email');
      await page.getByLabel('Card number').focus();
      await page.getByText('Your email address is invalid.').waitFor();
      assert.deepEqual(sent, []);
    });
  });

  describe('paying', () => {
    it('pays with 4242: lands on success_url with the session id, the session is paid, checkout.session.completed is delivered', async () => {
      const session = await createSession();
      await open(session);
      await fillCard('4242424242424242');
      await pay();
      await landsOnSuccess(session);

      const paid = await stripe.checkout.sessions.retrieve(session.id, {
        expand: ['payment_intent'],
      });
      assert.equal(paid.status, 'complete');
      assert.equal(paid.payment_status, 'paid');
      const intent = paid.payment_intent as Stripe.PaymentIntent;
      assert.equal(intent.status, 'succeeded');
      assert.equal(intent.amount, 6050);
      assert.deepEqual(intent.metadata, {order_id: 'order_42'});
      await emulator.flush();
      assert.ok(
        webhooks.includes(`checkout.session.completed:${session.id}`),
        `delivered: ${webhooks.join(', ')}`
      );
      assert.ok(webhooks.includes(`payment_intent.succeeded:${intent.id}`));
      // Back on the page, the session is done: no form to pay twice.
      await page.goto(session.url!);
      await page
        .getByRole('heading', {name: 'Thanks for your payment'})
        .waitFor();
      assert.equal(await page.getByRole('button', {name: 'Pay'}).count(), 0);
    });

    it('shows a decline on the page and lets the buyer retry with another card', async () => {
      const session = await createSession();
      await open(session);
      await fillCard('4000000000000002');
      await pay();
      await page
        .getByRole('alert')
        .getByText('Your card was declined.')
        .waitFor();
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'number',
        'the buyer is put back on the card'
      );
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({path: ERRORS_SCREENSHOT});

      await page.getByLabel('Card number').fill('4000000000009995');
      await pay();
      await alert().getByText('Your card has insufficient funds.').waitFor();
      const open1 = await stripe.checkout.sessions.retrieve(session.id);
      assert.equal(open1.status, 'open');

      await page.getByLabel('Card number').fill('4242424242424242');
      await pay();
      await landsOnSuccess(session);
      const paid = await stripe.checkout.sessions.retrieve(session.id);
      assert.equal(paid.payment_status, 'paid');
      assert.equal(paid.payment_intent, open1.payment_intent, 'one intent');
    });

    it('3-D Secure (4000 0025 0000 3155): Complete → success_url', async () => {
      const session = await createSession();
      await open(session);
      await fillCard('4000002500003155');
      await pay();
      const challenge = await challengeFrame();
      assert.deepEqual(await axeViolations(page), []);
      await challenge.getByRole('button', {name: 'Complete'}).click();
      await landsOnSuccess(session);
      assert.equal(
        (await stripe.checkout.sessions.retrieve(session.id)).payment_status,
        'paid'
      );
    });

    it('3-D Secure (4000 0000 0000 3220): Fail → the error is shown and the session stays open', async () => {
      const session = await createSession();
      await open(session);
      await fillCard('4000000000003220');
      await pay();
      const challenge = await challengeFrame();
      await challenge.getByRole('button', {name: 'Fail'}).click();
      await alert()
        .getByText(
          'We are unable to authenticate your payment method. Please choose a different payment method and try again.'
        )
        .waitFor();
      assert.equal(await page.locator(CHALLENGE).count(), 0);
      const open1 = await stripe.checkout.sessions.retrieve(session.id);
      assert.equal(open1.status, 'open');
      await page.getByLabel('Card number').fill('4242424242424242');
      await pay();
      await landsOnSuccess(session);
    });

    it('an expired session cannot be paid, and shows the expired page', async () => {
      const session = await createSession();
      await open(session);
      await stripe.checkout.sessions.expire(session.id);
      await fillCard('4242424242424242');
      await pay();
      await alert().getByText('This Checkout Session has expired.').waitFor();
      await page.reload();
      await page
        .getByRole('heading', {name: 'This checkout has expired'})
        .waitFor();
      assert.equal(await page.getByRole('button', {name: 'Pay'}).count(), 0);
      assert.equal(
        await page.getByRole('link', {name: 'Back'}).getAttribute('href'),
        `${shopUrl}/cart`
      );
      assert.deepEqual(await axeViolations(page), []);
      const expired = await stripe.checkout.sessions.retrieve(session.id);
      assert.deepEqual(
        [expired.status, expired.payment_intent],
        ['expired', null]
      );
    });
  });

  describe('accessibility', () => {
    it('has no axe violations, initially and with every field’s error showing', async () => {
      const session = await createSession({customer_email: undefined});
      await open(session);
      assert.deepEqual(await axeViolations(page), []);
      await pay();
      await page.getByText('Your card number is incomplete.').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.setViewportSize({width: 390, height: 844});
      assert.deepEqual(await axeViolations(page), []);
    });

    it('pays with the keyboard alone, through the 3-D Secure challenge', async () => {
      const session = await createSession({customer_email: undefined});
      await open(session);
      const focused = () => page.evaluate(() => document.activeElement?.id);
      const focusedText = () =>
        page.evaluate(() => document.activeElement?.textContent?.trim());

      await page.keyboard.press('Tab');
      assert.equal(await focusedText(), '← Back');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'email');
      await page.keyboard.type('buyer@example.com');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'number');
      await page.keyboard.type('4000002500003155');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'expiry');
      await page.keyboard.type('1234');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'cvc');
      await page.keyboard.type('123');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'postalCode');
      await page.keyboard.type('12345');
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'pay');
      await page.keyboard.press('Enter');

      const challenge = await challengeFrame();
      await challenge.waitForFunction(
        () => document.hasFocus() && document.activeElement?.id === 'complete'
      );
      await page.keyboard.press('Space');
      await landsOnSuccess(session);
      const paid = await stripe.checkout.sessions.retrieve(session.id);
      assert.equal(paid.customer_details?.email, 'buyer@example.com');
    });
  });
});

/** The emulator's Stripe.js paying in Chromium: confirmPayment (3-D Secure included) and elements.submit(). */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {saveScreenshot} from '../chromium.js';
import {
  apiUrl,
  audit,
  card,
  challengeFrame,
  createIntent,
  fill,
  mount,
  page,
  pay,
  stripe,
  useShopPage,
} from './stripe-js-helpers.js';

interface StripeLike {
  confirmPayment(options: object): Promise<{paymentIntent?: {status: string}}>;
  retrievePaymentIntent(
    secret: string
  ): Promise<{paymentIntent?: {status: string}}>;
}

describe('the emulator’s Stripe.js', {timeout: 120_000}, () => {
  useShopPage();

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
});

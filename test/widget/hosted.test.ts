import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {
  PayCancelEvent,
  PayCheckout,
  PayErrorEvent,
  PaySubmitEvent,
  PaySuccessEvent,
} from '../../widget/index.js';
import {error, FAKE_STRIPE_JS} from './fake-server.js';
import {
  alertRegion,
  money,
  part,
  payButton,
  ready,
  statusRegion,
  stubNavigation,
  text,
} from './helpers.js';
import {server, stripe, useFakes} from './pay-checkout.helpers.js';

// ---- helpers ------------------------------------------------------------------------------

useFakes();
/** sessionStorage as it was when the element navigated. */
let storedAtNavigation: Record<string, string>;
/** Where the element sent the browser (navigation.assign is stubbed: the test page stays). */
const navigatedTo = stubNavigation(() => {
  storedAtNavigation = {...sessionStorage};
});
let originalUrl: string;

beforeEach(() => {
  originalUrl = location.href;
});

afterEach(() => {
  history.replaceState(null, '', originalUrl);
});

const hostedTees = () =>
  html`<pay-checkout
    mode="hosted"
    email="ada@example.com"
    locale="en"
    return-url="/thanks?from=cart"
    ><pay-item sku="tee" quantity="2"></pay-item
  ></pay-checkout>`;

/** This page loads as Stripe's success or cancel URL for `attempt`. */
function returnFrom(
  result: 'success' | 'cancel',
  attempt = 'a1b2c3',
  stored = true
) {
  const url = new URL(location.href);
  url.searchParams.set('pay_checkout_return', result);
  url.searchParams.set('pay_checkout_attempt', attempt);
  history.replaceState(null, '', url);
  if (stored)
    sessionStorage.setItem(
      `pay-checkout:hosted:${attempt}`,
      JSON.stringify({
        orderId: 'ord_1',
        orderToken: 'tok_secret',
        provider: 'stripe',
        mode: 'hosted',
      })
    );
  server.lastOrderTotal = 3000;
}

/** Counts an event on `target` from now on. */
function count(target: EventTarget, name: string): () => number {
  let seen = 0;
  target.addEventListener(name, () => seen++);
  return () => seen;
}

// ---- tests --------------------------------------------------------------------------------

describe('<pay-checkout mode="hosted">', () => {
  describe('before paying', () => {
    it('mounts no Payment Element and says that Pay leads to Stripe', async () => {
      const {el} = await ready(hostedTees());

      expect(stripe.elementsOptions).to.have.length(0);
      expect(
        document.querySelector(`script[src="${FAKE_STRIPE_JS}"]`)
      ).to.equal(null);
      expect(el.querySelector('[slot]')).to.equal(null);
      expect(text(part(el, 'hosted-note'))).to.equal(
        "You'll finish paying on Stripe's secure page."
      );
      expect(text(payButton(el))).to.equal(`Pay ${money(30)}`);
      expect(payButton(el).disabled).to.equal(false);
      expect(text(alertRegion(el))).to.equal('');
    });

    it('passes axe', async () => {
      const {el} = await ready(hostedTees());
      await expect(el).to.be.accessible();
    });
  });

  describe('paying', () => {
    it('creates a Checkout Session with the cart, email, locale and return URLs, remembers the order and goes to Stripe', async () => {
      const {el} = await ready(hostedTees());
      const submitted = oneEvent(el, 'pay-submit') as Promise<PaySubmitEvent>;
      const ended = count(el, 'pay-success') as () => number;
      const errors = count(el, 'pay-error');

      payButton(el).click();
      expect((await submitted).detail.provider).to.equal('stripe');
      await waitUntil(() => navigatedTo.length === 1, 'did not navigate');
      await el.updateComplete;

      const [request] = server.requestsTo('/api/stripe/checkout-sessions');
      const body = request!.body as Record<string, string>;
      const success = new URL(body.successUrl!);
      const cancel = new URL(body.cancelUrl!);
      const attempt = success.searchParams.get('pay_checkout_attempt')!;
      expect(attempt).to.match(/^[0-9a-f]{24}$/);
      const returnUrl = (result: string) => {
        const url = new URL('/thanks?from=cart', location.href);
        url.searchParams.set('pay_checkout_return', result);
        url.searchParams.set('pay_checkout_attempt', attempt);
        return url.href;
      };
      expect(body).to.deep.equal({
        items: [{sku: 'tee', quantity: 2}],
        currency: 'usd',
        email: 'ada@example.com',
        locale: 'en',
        successUrl: returnUrl('success'),
        cancelUrl: returnUrl('cancel'),
      });
      expect(cancel.href).to.equal(returnUrl('cancel'));

      expect(navigatedTo).to.deep.equal([
        'https://checkout.stripe.test/c/pay/cs_test_1',
      ]);
      // Stored before leaving, under this attempt's key.
      expect(
        JSON.parse(storedAtNavigation[`pay-checkout:hosted:${attempt}`]!)
      ).to.deep.equal({
        orderId: 'ord_1',
        orderToken: 'tok_secret',
        provider: 'stripe',
        mode: 'hosted',
      });
      // Busy until the page unloads; nothing else happened.
      expect(payButton(el).disabled).to.equal(true);
      expect(text(payButton(el))).to.equal('Processing…');
      expect(text(statusRegion(el))).to.equal(
        'Taking you to the secure payment page…'
      );
      expect(server.requestsTo('/api/stripe/payment-intents')).to.have.length(
        0
      );
      expect(stripe.submits).to.equal(0);
      expect([ended(), errors()]).to.deep.equal([0, 0]);
    });

    it('returns to this page when no return-url is set, without old return parameters or hash', async () => {
      const url = new URL(location.href);
      url.searchParams.set('keep', 'me');
      url.searchParams.set('redirect_status', 'succeeded');
      url.hash = 'cart';
      history.replaceState(null, '', url);
      const {el} = await ready(
        html`<pay-checkout mode="hosted" email="ada@example.com"
          ><pay-item sku="mug"></pay-item
        ></pay-checkout>`
      );

      payButton(el).click();
      await waitUntil(() => navigatedTo.length === 1, 'did not navigate');

      const body = server.requestsTo('/api/stripe/checkout-sessions')[0]!
        .body as {successUrl: string};
      const success = new URL(body.successUrl);
      expect(success.origin + success.pathname).to.equal(
        location.origin + location.pathname
      );
      expect(success.searchParams.get('keep')).to.equal('me');
      expect(success.searchParams.has('redirect_status')).to.equal(false);
      expect(success.searchParams.get('pay_checkout_return')).to.equal(
        'success'
      );
      expect(success.hash).to.equal('');
    });

    it('stops before any session when pay-submit is cancelled', async () => {
      const {el} = await ready(hostedTees());
      el.addEventListener('pay-submit', (event) => event.preventDefault(), {
        once: true,
      });

      const cancelled = oneEvent(el, 'pay-cancel') as Promise<PayCancelEvent>;
      payButton(el).click();
      const {detail} = await cancelled;

      expect(detail).to.deep.equal({provider: 'stripe', reason: 'prevented'});
      expect(server.requestsTo('/api/stripe/checkout-sessions')).to.have.length(
        0
      );
      expect(navigatedTo).to.deep.equal([]);
    });

    it('shows a refused session, stays on the page and lets the buyer try again', async () => {
      server.checkoutSession = () =>
        error(400, 'invalid_request', 'not on this shop');
      const {el} = await ready(hostedTees());

      const failed = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
      payButton(el).click();
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail).to.deep.equal({
        code: 'invalid_request',
        message: 'This cart cannot be checked out.',
        provider: 'stripe',
        orderId: undefined,
      });
      expect(text(alertRegion(el))).to.equal(detail.message);
      expect(navigatedTo).to.deep.equal([]);
      expect(sessionStorage.length).to.equal(0);
      expect(payButton(el).disabled).to.equal(false);
    });

    it('can pay again when the buyer comes Back and the page is restored from the cache', async () => {
      const {el} = await ready(hostedTees());
      payButton(el).click();
      await waitUntil(() => navigatedTo.length === 1, 'did not navigate');

      window.dispatchEvent(
        new PageTransitionEvent('pageshow', {persisted: true})
      );
      await el.updateComplete;

      expect(payButton(el).disabled).to.equal(false);
      expect(text(statusRegion(el))).to.equal('');
    });
  });

  describe('the return', () => {
    it('confirms the order on a bare return page, fires pay-success once and cleans the URL', async () => {
      returnFrom('success');
      server.orderStatuses = ['pending', 'paid'];
      const release = server.hold('/api/orders/ord_1');
      const successes = count(document, 'pay-success');
      const succeeded = oneEvent(
        document,
        'pay-success'
      ) as Promise<PaySuccessEvent>;
      const el = await fixture<PayCheckout>(
        html`<pay-checkout></pay-checkout>`
      );

      await waitUntil(
        () => text(statusRegion(el)) === 'Confirming payment…',
        'no confirming status'
      );
      // Claimed at once: the address bar is clean and the order forgotten.
      expect(location.href).to.equal(originalUrl);
      expect(sessionStorage.getItem('pay-checkout:hosted:a1b2c3')).to.equal(
        null
      );
      expect(payButton(el)).to.equal(null);
      release();
      const {detail} = await succeeded;
      await el.updateComplete;

      expect(detail).to.deep.equal({
        orderId: 'ord_1',
        status: 'paid',
        total: 3000,
        currency: 'usd',
        provider: 'stripe',
      });
      const polls = server.requestsTo('/api/orders/ord_1');
      expect(polls).to.have.length(2);
      expect(polls[0]!.headers.get('Authorization')).to.equal(
        'Bearer tok_secret'
      );
      expect(text(statusRegion(el))).to.equal('Payment received — order ord_1');
      expect(text(part(el, 'total'))).to.equal(`Total ${money(30)}`);
      expect(text(el.shadowRoot!.querySelector('.empty'))).to.equal('');
      expect(payButton(el)).to.equal(null);
      expect(stripe.elementsOptions).to.have.length(0);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(successes()).to.equal(1);
    });

    it('confirms on the hosted checkout itself, without creating a new session', async () => {
      returnFrom('success');
      const succeeded = oneEvent(document, 'pay-success');
      const el = await fixture<PayCheckout>(hostedTees());
      await succeeded;
      await el.updateComplete;

      expect(text(statusRegion(el))).to.equal('Payment received — order ord_1');
      expect(server.requestsTo('/api/stripe/checkout-sessions')).to.have.length(
        0
      );
      expect(part(el, 'payment')!.hidden).to.equal(true);
      expect(part(el, 'email')).to.equal(null);
    });

    it('handles one return once, however many elements the page has', async () => {
      returnFrom('success');
      const successes = count(document, 'pay-success');
      const errors = count(document, 'pay-error');
      const succeeded = oneEvent(document, 'pay-success');
      await fixture(
        html`<div>
          <pay-checkout id="a"></pay-checkout>
          <pay-checkout id="b"></pay-checkout>
        </div>`
      );
      await succeeded;
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect([successes(), errors()]).to.deep.equal([1, 0]);
      expect(server.requestsTo('/api/orders/ord_1')).to.have.length(1);
    });

    it('says nothing was charged and fires pay-cancel when the buyer came back without paying', async () => {
      returnFrom('cancel');
      const cancelled = oneEvent(
        document,
        'pay-cancel'
      ) as Promise<PayCancelEvent>;
      const readied = oneEvent(document, 'pay-ready');
      const el = await fixture<PayCheckout>(hostedTees());
      const {detail} = await cancelled;
      await readied;
      await el.updateComplete;

      expect(detail).to.deep.equal({provider: 'stripe', reason: 'buyer'});
      expect(text(statusRegion(el))).to.equal(
        'Payment canceled. You have not been charged.'
      );
      expect(text(alertRegion(el))).to.equal('');
      expect(location.href).to.equal(originalUrl);
      expect(sessionStorage.length).to.equal(0);
      expect(server.requestsTo('/api/orders/ord_1')).to.have.length(0);
      // The cart is still here: the buyer may pay again.
      expect(payButton(el).disabled).to.equal(false);
    });

    it('shows only the cancellation on a bare return page', async () => {
      returnFrom('cancel');
      const cancelled = oneEvent(document, 'pay-cancel');
      const el = await fixture<PayCheckout>(
        html`<pay-checkout></pay-checkout>`
      );
      await cancelled;
      await el.updateComplete;

      expect(text(statusRegion(el))).to.equal(
        'Payment canceled. You have not been charged.'
      );
      expect(el.shadowRoot!.querySelector('.empty')).to.equal(null);
      expect(payButton(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('explains when this browser tab did not start the payment, and does not offer to pay again', async () => {
      returnFrom('success', 'not-mine', false);
      sessionStorage.setItem(
        'pay-checkout:hosted:someone-else',
        JSON.stringify({orderId: 'ord_9', orderToken: 'tok_9'})
      );
      const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
      const el = await fixture<PayCheckout>(hostedTees());
      const {detail} = await failed;
      await el.updateComplete;

      expect(detail).to.deep.include({
        code: 'order_not_found',
        message:
          'We could not find this payment in this browser. Please check your email for a confirmation.',
        provider: 'stripe',
      });
      expect(text(alertRegion(el))).to.equal(detail.message);
      expect(location.href).to.equal(originalUrl);
      expect(server.requestsTo('/api/orders/ord_9')).to.have.length(0);
      // It may have been paid: no second payment from here.
      expect(payButton(el).disabled).to.equal(true);
      expect(
        sessionStorage.getItem('pay-checkout:hosted:someone-else')
      ).to.not.equal(null);
    });

    it('passes axe while confirming and after success', async () => {
      returnFrom('success');
      server.orderStatuses = ['processing', 'paid'];
      const release = server.hold('/api/orders/ord_1');
      const succeeded = oneEvent(document, 'pay-success');
      const el = await fixture<PayCheckout>(
        html`<pay-checkout></pay-checkout>`
      );
      await waitUntil(
        () => text(statusRegion(el)) === 'Confirming payment…',
        'no confirming status'
      );
      await expect(el).to.be.accessible();
      release();
      await succeeded;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});

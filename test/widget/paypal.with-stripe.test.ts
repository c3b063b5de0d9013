import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {
  PayCheckout,
  PayReadyEvent,
  PaySubmitEvent,
  PaySuccessEvent,
} from '../../widget/index.js';
import {paypalConfig} from './fake-server.js';
import {mountNode, part, ready, record, text} from './helpers.js';
import {
  paypal,
  server,
  stripe,
  twoTees,
  usePaypalFakes,
  visible,
} from './paypal.helpers.js';

usePaypalFakes();

const radios = (el: PayCheckout) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];

function stripeUrl(): string {
  return paypalConfig(true).providers.stripe!.jsUrl!;
}

describe('<pay-checkout provider="stripe paypal">', () => {
  beforeEach(() => {
    server.config = paypalConfig(true);
  });

  it('offers Card and PayPal as a radio group, Card first, and loads PayPal only when chosen', async () => {
    const {el, event} = await ready(twoTees('stripe paypal'));

    const group = part(el, 'provider-tabs')!;
    expect(group.getAttribute('role')).to.equal('radiogroup');
    expect(text(group.querySelector('legend'))).to.equal('Payment method');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="provider-tab"]')].map(text)
    ).to.deep.equal(['Card', 'PayPal']);
    expect(radios(el).map((radio) => radio.checked)).to.deep.equal([
      true,
      false,
    ]);
    expect(text(part(el, 'provider-tab-checked'))).to.equal('Card');
    expect(event.detail.provider).to.equal('stripe');
    expect(visible(part(el, 'submit-button'))).to.equal(true);
    expect(visible(mountNode(el, 'stripe-payment-element'))).to.equal(true);
    // PayPal's code and SDK are not loaded until the buyer picks PayPal.
    expect(paypal.loads).to.have.length(0);
    expect(mountNode(el, 'paypal-buttons')).to.equal(undefined);
  });

  it('switches with the arrow keys, shows one provider at a time, and fires no payment', async () => {
    const {el} = await ready(twoTees('stripe paypal'));
    const seen = record(el);

    radios(el)[0]!.focus();
    const paypalReady = oneEvent(el, 'pay-ready') as Promise<PayReadyEvent>;
    await sendKeys({press: 'ArrowRight'});
    const {detail} = await paypalReady;
    await el.updateComplete;

    expect(detail.provider).to.equal('paypal');
    expect(radios(el).map((radio) => radio.checked)).to.deep.equal([
      false,
      true,
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[1]);
    expect(text(part(el, 'provider-tab-checked'))).to.equal('PayPal');
    expect(visible(mountNode(el, 'paypal-buttons'))).to.equal(true);
    expect(visible(mountNode(el, 'stripe-payment-element'))).to.equal(false);
    expect(part(el, 'submit-button')).to.equal(null);

    await sendKeys({press: 'ArrowLeft'});
    await el.updateComplete;

    expect(radios(el)[0]!.checked).to.equal(true);
    expect(visible(mountNode(el, 'stripe-payment-element'))).to.equal(true);
    expect(visible(mountNode(el, 'paypal-buttons'))).to.equal(false);
    expect(visible(part(el, 'submit-button'))).to.equal(true);
    // Stripe's form was kept, not mounted again.
    expect(stripe.mountedInto).to.have.length(1);
    expect(seen).to.deep.equal([]);
  });

  it('pays with PayPal after switching, with provider "paypal" in the events', async () => {
    const {el} = await ready(twoTees('stripe paypal'));

    const paypalReady = oneEvent(el, 'pay-ready');
    radios(el)[1]!.click();
    await paypalReady;
    await el.updateComplete;

    const submitted = oneEvent(el, 'pay-submit') as Promise<PaySubmitEvent>;
    const succeeded = oneEvent(el, 'pay-success') as Promise<PaySuccessEvent>;
    await paypal.click();
    expect((await submitted).detail.provider).to.equal('paypal');
    // While PayPal's window is open the choice is locked.
    await el.updateComplete;
    expect(radios(el).every((radio) => radio.matches(':disabled'))).to.equal(
      true
    );
    await paypal.approve();
    expect((await succeeded).detail.provider).to.equal('paypal');
    expect(server.requestsTo('/api/stripe/payment-intents')).to.have.length(0);
    expect(stripe.submits).to.equal(0);
  });

  it('keeps the PayPal buttons in step with the currency while Card is shown', async () => {
    const {el} = await ready(twoTees('stripe paypal'));
    const paypalReady = oneEvent(el, 'pay-ready');
    radios(el)[1]!.click();
    await paypalReady;
    radios(el)[0]!.click();

    el.currency = 'EUR';
    await waitUntil(
      () => paypal.loads.some((load) => load.namespace === 'paypal_eur'),
      'PayPal not reloaded for EUR'
    );
    expect(stripe.updates.at(-1)).to.deep.equal({
      amount: 2800,
      currency: 'eur',
    });
  });

  it('offers only the providers the server is configured for', async () => {
    server.config = {
      currency: 'usd',
      providers: {
        stripe: {publishableKey: 'pk_test_fake', jsUrl: stripeUrl()},
      },
    };
    const {el, event} = await ready(twoTees('paypal stripe'));

    expect(event.detail.provider).to.equal('stripe');
    expect(part(el, 'provider-tabs')).to.equal(null);
    expect(paypal.loads).to.have.length(0);
  });

  it('follows the order of the attribute', async () => {
    const {el, event} = await ready(twoTees('paypal stripe'));

    expect(event.detail.provider).to.equal('paypal');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="provider-tab"]')].map(text)
    ).to.deep.equal(['PayPal', 'Card']);
    expect(stripe.elementsOptions).to.have.length(0);
  });

  it('passes axe with the choice, on either side', async () => {
    const {el} = await ready(twoTees('stripe paypal'));
    await expect(el).to.be.accessible();

    const paypalReady = oneEvent(el, 'pay-ready');
    radios(el)[1]!.click();
    await paypalReady;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

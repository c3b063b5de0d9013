import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {PayCheckout, PayErrorEvent} from '../../widget/index.js';
import {paypalConfig} from './fake-server.js';
import {payButton, part, ready, record, text} from './helpers.js';
import {paypal, server, stripe, useFakes} from './pay-checkout.helpers.js';

// ---- helpers ------------------------------------------------------------------------------

useFakes();

const input = (el: PayCheckout) => part(el, 'email-input') as HTMLInputElement;

/** Pays with Stripe and resolves with what the element sent to create the PaymentIntent. */
async function paidWith(el: PayCheckout): Promise<Record<string, unknown>> {
  const succeeded = oneEvent(el, 'pay-success');
  payButton(el).click();
  await succeeded;
  return server.requestsTo('/api/stripe/payment-intents')[0]!.body as Record<
    string,
    unknown
  >;
}

/** Types into the email field the way a buyer does (focus, keys). */
async function typeEmail(el: PayCheckout, value: string) {
  input(el).focus();
  input(el).select();
  await sendKeys({press: 'Backspace'});
  if (value) await sendKeys({type: value});
  await el.updateComplete;
}

// ---- tests --------------------------------------------------------------------------------

describe('<pay-checkout> email', () => {
  it('asks for the email above the payment form, labelled, required and autocompleted', async () => {
    const {el} = await ready(
      html`<pay-checkout email="ada@example.com"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );

    const field = input(el);
    expect(field.type).to.equal('email');
    expect(field.autocomplete).to.equal('email');
    expect(field.required).to.equal(true);
    expect(field.value).to.equal('ada@example.com');
    expect(field.labels![0]!.textContent!.trim()).to.equal('Email');
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    // Summary, then the email, then the payment form and Pay.
    const follows = (a: Node, b: Node) =>
      !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(part(el, 'summary')!, part(el, 'email')!)).to.equal(true);
    expect(follows(part(el, 'email')!, part(el, 'payment')!)).to.equal(true);
    expect(follows(part(el, 'payment')!, payButton(el))).to.equal(true);
  });

  it('speaks the locale', async () => {
    const {el} = await ready(
      html`<pay-checkout locale="fr"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    expect(text(part(el, 'email')!.querySelector('label'))).to.equal('E-mail');
  });

  it('blocks paying while empty: no pay-submit, no order, the field says why and takes the focus', async () => {
    const {el} = await ready(
      html`<pay-checkout><pay-item sku="tee"></pay-item></pay-checkout>`
    );
    const seen = record(el);

    const failed = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
    payButton(el).click();
    const {detail} = await failed;
    await el.updateComplete;

    expect(detail).to.deep.equal({
      code: 'invalid_email',
      message: 'Enter your email address.',
      provider: 'stripe',
    });
    expect(seen).to.deep.equal(['pay-error']);
    expect(stripe.submits).to.equal(0);
    expect(server.requestsTo('/api/stripe/payment-intents')).to.have.length(0);
    const message = part(el, 'email-error')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.equal('Enter your email address.');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.equal(message.id);
    await waitUntil(
      () => el.shadowRoot!.activeElement === input(el),
      'the email field did not take the focus'
    );
    // The element's own error region stays quiet: one message, next to the field.
    expect(text(part(el, 'error'))).to.equal('');
    expect(payButton(el).disabled).to.equal(false);
  });

  it('refuses a malformed address, clears the message as the buyer fixes it, then pays with what was typed', async () => {
    const {el} = await ready(
      html`<pay-checkout locale="en"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    await typeEmail(el, 'ada@example');

    const failed = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
    payButton(el).click();
    expect((await failed).detail.message).to.equal(
      'Enter a valid email address, like name@example.com.'
    );
    await el.updateComplete;
    expect(text(part(el, 'email-error'))).to.equal(
      'Enter a valid email address, like name@example.com.'
    );

    await sendKeys({type: '.com'});
    await el.updateComplete;
    expect(part(el, 'email-error')).to.equal(null);
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    expect(input(el).hasAttribute('aria-describedby')).to.equal(false);
    expect(el.email).to.equal('ada@example.com');

    expect(await paidWith(el)).to.deep.include({
      email: 'ada@example.com',
      locale: 'en',
    });
  });

  it('tells a typo when the buyer leaves the field, before Pay', async () => {
    const {el} = await ready(
      html`<pay-checkout><pay-item sku="tee"></pay-item></pay-checkout>`
    );
    await typeEmail(el, 'ada.example.com');
    await sendKeys({press: 'Tab'});
    await el.updateComplete;

    expect(text(part(el, 'email-error'))).to.equal(
      'Enter a valid email address, like name@example.com.'
    );
  });

  it('says it in German', async () => {
    const {el} = await ready(
      html`<pay-checkout locale="de"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    const failed = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
    payButton(el).click();
    expect((await failed).detail.message).to.equal(
      'Geben Sie Ihre E-Mail-Adresse ein.'
    );
  });

  it('passes axe showing the message', async () => {
    const {el} = await ready(
      html`<pay-checkout><pay-item sku="tee"></pay-item></pay-checkout>`
    );
    const failed = oneEvent(el, 'pay-error');
    payButton(el).click();
    await failed;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  describe('no-email', () => {
    it('hides the field and still sends the email attribute', async () => {
      const {el} = await ready(
        html`<pay-checkout no-email email="ada@example.com"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      expect(part(el, 'email')).to.equal(null);

      expect(await paidWith(el)).to.deep.include({email: 'ada@example.com'});
    });

    it('pays without an email when none is given', async () => {
      const {el} = await ready(
        html`<pay-checkout no-email
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );

      const body = await paidWith(el);
      expect(body).to.not.have.property('email');
    });
  });

  describe('locale', () => {
    it('sends the resolved locale as a BCP 47 tag', async () => {
      const {el} = await ready(
        html`<pay-checkout locale="fr-ca" email="ada@example.com"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      expect(await paidWith(el)).to.deep.include({locale: 'fr-CA'});
    });

    it("sends the server's locale when the element has none", async () => {
      server.config = {...server.config, locale: 'de'};
      const {el} = await ready(
        html`<pay-checkout email="ada@example.com"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      expect(await paidWith(el)).to.deep.include({locale: 'de'});
      // The lines are named in it too: the quote asked in the page's language is asked again.
      const quotes = server.requestsTo('/api/quote');
      expect(quotes).to.have.length(2);
      expect(quotes[1]!.body).to.deep.include({locale: 'de'});
    });

    it('skips a locale attribute that is not a language tag', async () => {
      const {el} = await ready(
        html`<pay-checkout locale="en_US" email="ada@example.com"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      // The element still renders, in the next locale found.
      expect(text(part(el, 'email')!.querySelector('label'))).to.equal('Email');
      const body = await paidWith(el);
      expect(body.locale).to.equal(navigator.language);
    });
  });

  describe('with PayPal', () => {
    beforeEach(() => {
      server.config = paypalConfig();
    });

    it('keeps PayPal’s window closed until the email is right', async () => {
      const {el} = await ready(
        html`<pay-checkout provider="paypal"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      const seen = record(el);

      expect(await paypal.click()).to.deep.equal({rejected: true});
      await el.updateComplete;
      expect(text(part(el, 'email-error'))).to.equal(
        'Enter your email address.'
      );
      expect(seen).to.deep.equal(['pay-error']);
      expect(server.requestsTo('/api/paypal/orders')).to.have.length(0);
    });

    it('sends the email and the locale with the PayPal order', async () => {
      const {el} = await ready(
        html`<pay-checkout provider="paypal" locale="de-AT"
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      await typeEmail(el, 'ada@example.com');

      expect(await paypal.click()).to.deep.equal({orderID: 'PAYPAL-ORDER-1'});
      expect(server.requestsTo('/api/paypal/orders')[0]!.body).to.deep.include({
        email: 'ada@example.com',
        locale: 'de-AT',
      });
    });
  });
});

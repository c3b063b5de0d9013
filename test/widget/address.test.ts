import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {PayCheckout, PayErrorEvent} from '../../widget/index.js';
import {paypalConfig, priceCart} from './fake-server.js';
import {
  part,
  parts,
  payButton,
  ready,
  record,
  stubNavigation,
  text,
} from './helpers.js';
import {
  choose,
  field,
  fillUsAddress,
  hostedTee,
  shipEverything,
  type,
  shipsReady,
} from './shipping.helpers.js';
import {server, useFakes} from './pay-checkout.helpers.js';

// ---- helpers ------------------------------------------------------------------------------

useFakes();
const navigatedTo = stubNavigation();

beforeEach(() => {
  shipEverything(server);
});

const quotes = () => server.requestsTo('/api/quote');
const lastQuote = () =>
  quotes().at(-1)!.body as {shippingAddress?: Record<string, string>};

/** Waits until the element has the quote for what was last typed (Pay is enabled again). */
async function settled(el: PayCheckout) {
  await el.updateComplete;
  await waitUntil(() => !payButton(el).disabled, 'Pay is enabled again');
}

// ---- tests --------------------------------------------------------------------------------

describe('<pay-checkout> shipping address (the element’s own form)', () => {
  it('is not shown when nothing in the cart ships', async () => {
    server.quote = (request) => priceCart(request);
    const {el} = await ready(hostedTee());
    expect(part(el, 'address') === null).to.equal(true);
    expect(part(el, 'shipping-rates') === null).to.equal(true);
  });

  it('asks for each part of the address, labelled, with the shipping autofill tokens', async () => {
    const {el} = await shipsReady(hostedTee());
    const legend = part(el, 'address')!.querySelector('legend')!;
    expect(text(legend)).to.equal('Shipping address');

    const expected: [string, string, string, boolean][] = [
      ['name', 'Full name', 'shipping name', true],
      ['country', 'Country or region', 'shipping country', true],
      ['line1', 'Address line 1', 'shipping address-line1', true],
      ['line2', 'Address line 2 (optional)', 'shipping address-line2', false],
      ['city', 'City', 'shipping address-level2', true],
      ['region', 'Region (optional)', 'shipping address-level1', false],
      ['postalCode', 'Postal code', 'shipping postal-code', true],
    ];
    for (const [name, label, autocomplete, required] of expected) {
      const input = field(el, name);
      expect(text(input.labels![0]!), name).to.equal(label);
      expect(input.getAttribute('autocomplete'), name).to.equal(autocomplete);
      expect(input.required, name).to.equal(required);
      expect(input.getAttribute('aria-invalid'), name).to.equal('false');
    }
    // No address yet: no rates, and it says why.
    expect(text(part(el, 'shipping-rates'))).to.contain(
      'Enter your address to see the shipping options.'
    );
  });

  it('names the countries in the buyer’s language, sorted as that language sorts', async () => {
    const {el} = await shipsReady(
      html`<pay-checkout mode="hosted" locale="fr" email="ada@example.com"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    const select = field(el, 'country') as unknown as HTMLSelectElement;
    const names = [...select.options].slice(1).map((option) => text(option));
    expect(select.options[0]!.value).to.equal('');
    expect(names).to.include('Allemagne');
    expect(names).to.include('États-Unis');
    expect(names.length).to.be.greaterThan(240);
    const sorted = [...names].sort(new Intl.Collator('fr').compare);
    expect(names).to.deep.equal(sorted);
    expect(text(field(el, 'name').labels![0]!)).to.equal('Nom complet');
  });

  it('asks for a US state from a list of codes, and a ZIP code it checks', async () => {
    const {el} = await shipsReady(hostedTee());
    await choose(el, 'country', 'US');
    const region = field(el, 'region') as unknown as HTMLSelectElement;
    expect(region.localName).to.equal('select');
    expect(text(region.labels![0]!)).to.equal('State');
    expect(region.required).to.equal(true);
    expect(
      [...region.options].find((option) => option.value === 'CA')!.text.trim()
    ).to.equal('California');
    expect(text(field(el, 'postalCode').labels![0]!)).to.equal('ZIP code');

    await type(el, 'postalCode', '941');
    const zip = field(el, 'postalCode');
    expect(zip.getAttribute('aria-invalid')).to.equal('true');
    const message = el.shadowRoot!.getElementById(
      zip.getAttribute('aria-describedby')!
    )!;
    expect(text(message)).to.equal('Enter a valid ZIP code, like 94103.');
    expect(message.getAttribute('role')).to.equal('alert');

    // The message follows the fix as the buyer types.
    await type(el, 'postalCode', '94105');
    expect(zip.getAttribute('aria-invalid')).to.equal('false');
    expect(zip.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('needs no postal code where the country has none', async () => {
    const {el} = await shipsReady(hostedTee());
    await choose(el, 'country', 'DE');
    expect(field(el, 'postalCode') !== null, 'Germany').to.equal(true);
    await choose(el, 'country', 'AE');
    expect(field(el, 'postalCode') === null, 'the Emirates').to.equal(true);
  });

  it('checks the address before Pay: each missing field says so, the first takes the focus, no order is made', async () => {
    const {el} = await shipsReady(hostedTee());
    await choose(el, 'country', 'US');
    await settled(el);
    const seen = record(el);
    const error = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
    payButton(el).click();
    const {detail} = await error;
    await el.updateComplete;

    expect(detail.code).to.equal('invalid_address');
    expect(detail.message).to.equal('Enter your shipping address.');
    expect(seen).to.deep.equal(['pay-error']);
    expect(server.requestsTo('/api/stripe/checkout-sessions')).to.have.length(
      0
    );
    expect(navigatedTo).to.deep.equal([]);
    await waitUntil(() => el.shadowRoot!.activeElement === field(el, 'name'));

    const messages = parts(el, 'address-error').map(text);
    expect(messages).to.deep.equal([
      'Enter the recipient’s full name.',
      'Enter the street address.',
      'Enter the city.',
      'Select a state.',
      'Enter the ZIP code.',
    ]);
    for (const name of ['name', 'line1', 'city', 'region', 'postalCode']) {
      const input = field(el, name);
      expect(input.getAttribute('aria-invalid'), name).to.equal('true');
      expect(input.getAttribute('aria-describedby'), name).to.equal(
        `shipping-${name}-error`
      );
    }
    // line2 is optional and says nothing.
    expect(field(el, 'line2').getAttribute('aria-invalid')).to.equal('false');

    // Another country: the messages that depend on it follow (Germany has no states).
    await choose(el, 'country', 'DE');
    expect(parts(el, 'address-error').map(text)).to.deep.equal([
      'Enter the recipient’s full name.',
      'Enter the street address.',
      'Enter the city.',
      'Enter the postal code.',
    ]);
    expect(field(el, 'region').getAttribute('aria-invalid')).to.equal('false');
  });

  it('checks the email first, then the address, and only the email takes the focus', async () => {
    const {el} = await shipsReady(
      html`<pay-checkout mode="hosted" locale="en"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    const errors: string[] = [];
    el.addEventListener('pay-error', (event) => errors.push(event.detail.code));
    payButton(el).click();
    await el.updateComplete;
    expect(errors).to.deep.equal(['invalid_email']);
    expect(parts(el, 'address-error').length).to.be.greaterThan(0);
    await waitUntil(
      () => el.shadowRoot!.activeElement === part(el, 'email-input')
    );
  });

  it('re-quotes when a priced part changes (country, state, postal code), not for the street', async () => {
    const {el} = await shipsReady(hostedTee());
    const before = quotes().length;
    await choose(el, 'country', 'DE');
    await settled(el);
    expect(quotes().length).to.equal(before + 1);
    expect(lastQuote().shippingAddress).to.deep.equal({country: 'DE'});
    expect(text(part(el, 'shipping-rates'))).to.contain('Express');

    await type(el, 'name', 'Ada Lovelace');
    await type(el, 'line1', 'Unter den Linden 1');
    await type(el, 'city', 'Berlin');
    // Give a re-quote every chance to start: none does.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(quotes().length).to.equal(before + 1);

    await type(el, 'postalCode', '10117');
    await settled(el);
    expect(quotes().length).to.be.greaterThan(before + 1);
    expect(lastQuote().shippingAddress).to.deep.equal({
      country: 'DE',
      name: 'Ada Lovelace',
      line1: 'Unter den Linden 1',
      city: 'Berlin',
      postalCode: '10117',
    });
  });

  it('sends the address and the chosen rate with the payment', async () => {
    const {el} = await shipsReady(hostedTee());
    await fillUsAddress(el);
    await settled(el);
    const express = part(el, 'shipping-rates')!.querySelector<HTMLInputElement>(
      'input[value="express"]'
    )!;
    express.click();
    await settled(el);
    expect(payButton(el).textContent).to.contain('$30.00');

    payButton(el).click();
    await waitUntil(() => navigatedTo.length === 1, 'went to Stripe’s page');
    const [request] = server.requestsTo('/api/stripe/checkout-sessions');
    const body = request!.body as Record<string, unknown>;
    expect(body.shippingAddress).to.deep.equal({
      country: 'US',
      name: 'Ada Lovelace',
      line1: '1 Market St',
      city: 'San Francisco',
      region: 'CA',
      postalCode: '94105',
    });
    expect(body.shippingRate).to.equal('express');
  });

  it('cannot be edited while paying', async () => {
    const {el} = await shipsReady(hostedTee());
    await fillUsAddress(el);
    await settled(el);
    const release = server.hold('/api/stripe/checkout-sessions');
    payButton(el).click();
    await el.updateComplete;
    expect((part(el, 'address') as HTMLFieldSetElement).disabled).to.equal(
      true
    );
    expect(
      (part(el, 'shipping-rates') as HTMLFieldSetElement).disabled
    ).to.equal(true);
    release();
    await waitUntil(() => navigatedTo.length === 1);
  });

  it('passes axe, empty and with its messages showing', async () => {
    const {el} = await shipsReady(hostedTee());
    await expect(el).to.be.accessible();
    await choose(el, 'country', 'US');
    await settled(el);
    payButton(el).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is also the address form next to PayPal’s buttons', async () => {
    server.config = paypalConfig();
    const el = await fixture<PayCheckout>(
      html`<pay-checkout provider="paypal" email="ada@example.com"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    await waitUntil(() => part(el, 'address'), 'the address form is shown');
    expect(field(el, 'name').getAttribute('autocomplete')).to.equal(
      'shipping name'
    );
  });
});

import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {
  PayCheckout,
  PayErrorEvent,
  PaySuccessEvent,
} from '../../widget/index.js';
import {paypalConfig, priceCart} from './fake-server.js';
import type {FakeAddressValue} from './fake-stripe.js';
import {
  alertRegion,
  money,
  mountNode,
  part,
  parts,
  payButton,
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
  shippingQuote,
  shipsReady,
} from './shipping.helpers.js';
import {paypal, server, stripe, useFakes} from './pay-checkout.helpers.js';

// ---- helpers ------------------------------------------------------------------------------

useFakes();
stubNavigation();

beforeEach(() => {
  shipEverything(server);
});

const lastQuote = () =>
  server.requestsTo('/api/quote').at(-1)!.body as Record<string, unknown>;

async function settled(el: PayCheckout) {
  await el.updateComplete;
  await waitUntil(() => !payButton(el).disabled, 'Pay is enabled again');
}

const radios = (el: PayCheckout) => [
  ...part(el, 'shipping-rates')!.querySelectorAll<HTMLInputElement>(
    'input[type="radio"]'
  ),
];

/** Each rate as the buyer reads it, and whether it is the chosen one. */
const rateRows = (el: PayCheckout) =>
  parts(el, 'shipping-rate').map((label) => ({
    text: text(label),
    checked: label.querySelector('input')!.checked,
  }));

const sanFrancisco: FakeAddressValue = {
  name: 'Ada Lovelace',
  address: {
    line1: '1 Market St',
    line2: null,
    city: 'San Francisco',
    state: 'CA',
    postal_code: '94105',
    country: 'US',
  },
};

const shipsTee = () =>
  html`<pay-checkout email="ada@example.com" locale="en"
    ><pay-item sku="tee"></pay-item
  ></pay-checkout>`;

// ---- tests --------------------------------------------------------------------------------

describe('<pay-checkout> shipping rates', () => {
  it('are a radio group of the quote’s rates: name, estimate, amount or Free, the quote’s rate checked', async () => {
    const {el} = await shipsReady(hostedTee());
    await choose(el, 'country', 'DE');
    await settled(el);

    const group = part(el, 'shipping-rates')!;
    expect(group.localName).to.equal('fieldset');
    expect(text(group.querySelector('legend'))).to.equal('Shipping method');
    expect(rateRows(el)).to.deep.equal([
      {text: 'Standard Free', checked: true},
      {text: `Express 1–2 business days ${money(14.9)}`, checked: false},
    ]);
    expect(radios(el).map((radio) => radio.name)).to.deep.equal([
      'shipping-rate',
      'shipping-rate',
    ]);
    expect(part(el, 'shipping-rate-checked')).to.equal(
      parts(el, 'shipping-rate')[0]
    );

    // A one-day estimate is singular, as Intl's plural rules say.
    await choose(el, 'country', 'US');
    await settled(el);
    expect(rateRows(el)).to.deep.equal([
      {text: `Standard 3–5 business days ${money(5)}`, checked: true},
      {text: `Express 1 business day ${money(15)}`, checked: false},
    ]);
  });

  it('say the estimate in the buyer’s language', async () => {
    const {el} = await shipsReady(
      html`<pay-checkout mode="hosted" locale="fr" email="ada@example.com"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    await choose(el, 'country', 'US');
    await settled(el);
    expect(text(part(el, 'shipping-rates')!.querySelector('legend'))).to.equal(
      'Mode de livraison'
    );
    expect(rateRows(el)[0]!.text).to.contain('3–5 jours ouvrés');
    expect(rateRows(el)[1]!.text).to.contain('1 jour ouvré');
  });

  it('re-quote with the buyer’s choice, and the total follows', async () => {
    const {el} = await shipsReady(hostedTee());
    await choose(el, 'country', 'US');
    await settled(el);
    expect(text(payButton(el))).to.equal(`Pay ${money(20)}`);

    const changed = oneEvent(el, 'pay-change');
    radios(el)[1]!.click();
    await changed;
    await settled(el);
    expect(lastQuote().shippingRate).to.equal('express');
    expect(rateRows(el).map((row) => row.checked)).to.deep.equal([false, true]);
    expect(text(payButton(el))).to.equal(`Pay ${money(30)}`);
  });
});

describe('<pay-checkout> an address the shop does not ship to', () => {
  it('is said at the address, not in the error region, and Pay waits for another country', async () => {
    const {el} = await shipsReady(hostedTee());
    const error = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
    await choose(el, 'country', 'AE');
    expect((await error).detail.code).to.equal('shipping_not_available');
    await el.updateComplete;

    const country = field(el, 'country');
    expect(country.getAttribute('aria-invalid')).to.equal('true');
    const message = el.shadowRoot!.getElementById(
      country.getAttribute('aria-describedby')!
    )!;
    expect(text(message)).to.equal(
      'We don’t ship to United Arab Emirates. Please choose another address.'
    );
    expect(message.getAttribute('role')).to.equal('alert');
    expect(text(alertRegion(el))).to.equal('');
    expect(part(el, 'shipping-rates') === null, 'no rates').to.equal(true);
    expect(payButton(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();

    await choose(el, 'country', 'DE');
    await settled(el);
    expect(country.getAttribute('aria-invalid')).to.equal('false');
    expect(part(el, 'shipping-rates') !== null, 'rates again').to.equal(true);
  });

  it('keeps PayPal’s window closed, as an incomplete address does', async () => {
    server.config = paypalConfig();
    const {el} = await shipsReady(
      html`<pay-checkout provider="paypal" email="ada@example.com" locale="en"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    // Incomplete: the form says what is missing and the window stays closed.
    expect(await paypal.click()).to.deep.equal({rejected: true});
    await el.updateComplete;
    expect(parts(el, 'address-error').length).to.be.greaterThan(0);

    await fillUsAddress(el);
    await waitUntil(() => rateRows(el).length === 2, 'the US rates');
    const refused = oneEvent(el, 'pay-error');
    await choose(el, 'country', 'AE');
    await refused;
    await el.updateComplete;
    expect(await paypal.click()).to.deep.equal({rejected: true});
    expect(server.requestsTo('/api/paypal/orders')).to.have.length(0);
    await waitUntil(
      () => el.shadowRoot!.activeElement === field(el, 'country'),
      'the country takes the focus'
    );
  });
});

describe('<pay-checkout> shipping with Stripe (the Address Element)', () => {
  it('mounts Stripe’s Address Element in shipping mode, projected where the address goes', async () => {
    const {el} = await shipsReady(shipsTee());
    await waitUntil(() => stripe.addressMountedInto, 'the Address Element');

    const created = stripe.created.find((entry) => entry.type === 'address')!;
    expect(created.options).to.deep.equal({mode: 'shipping'});
    const node = mountNode(el, 'stripe-address-element')!;
    expect(stripe.addressMountedInto).to.equal(node);
    const slot = part(el, 'address')!.querySelector('slot')!;
    expect(slot.name).to.equal('stripe-address-element');
    expect(slot.assignedElements()).to.deep.equal([node]);
    expect(part(el, 'address')!.getAttribute('aria-label')).to.equal(
      'Shipping address'
    );
    // Stripe's form, not the element's.
    expect(field(el, 'name') === null, 'no own form').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('quotes the address the buyer gives there, and pays with it and the rate', async () => {
    const {el} = await shipsReady(shipsTee());
    await waitUntil(() => stripe.addressMountedInto);

    stripe.addressChange(sanFrancisco);
    await settled(el);
    expect(lastQuote().shippingAddress).to.deep.equal({
      country: 'US',
      name: 'Ada Lovelace',
      line1: '1 Market St',
      city: 'San Francisco',
      region: 'CA',
      postalCode: '94105',
    });
    radios(el)[1]!.click();
    await settled(el);
    expect(text(payButton(el))).to.equal(`Pay ${money(30)}`);

    const seen = record(el);
    const paid = oneEvent(el, 'pay-success') as Promise<PaySuccessEvent>;
    payButton(el).click();
    expect((await paid).detail.total).to.equal(3000);
    expect(seen).to.deep.equal(['pay-submit', 'pay-success']);
    const body = server.requestsTo('/api/stripe/payment-intents')[0]!
      .body as Record<string, unknown>;
    expect(body.shippingAddress).to.deep.equal(lastQuote().shippingAddress);
    expect(body.shippingRate).to.equal('express');
    expect(body.expectedTotal).to.equal(3000);
  });

  it('re-quotes only when a priced part of the address changes', async () => {
    const {el} = await shipsReady(shipsTee());
    await waitUntil(() => stripe.addressMountedInto);
    stripe.addressChange(sanFrancisco);
    await settled(el);
    const quotes = server.requestsTo('/api/quote').length;
    stripe.addressChange({...sanFrancisco, name: 'Ada King'});
    stripe.addressChange({
      ...sanFrancisco,
      address: {...sanFrancisco.address, line2: 'Suite 1'},
    });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(server.requestsTo('/api/quote').length).to.equal(quotes);
    stripe.addressChange({
      ...sanFrancisco,
      address: {...sanFrancisco.address, state: 'NY', postal_code: '10001'},
    });
    await settled(el);
    expect(server.requestsTo('/api/quote').length).to.equal(quotes + 1);
    expect(
      (lastQuote().shippingAddress as Record<string, string>).region
    ).to.equal('NY');
  });

  it('stops an incomplete address at Pay, after Stripe’s own check, with no order', async () => {
    const {el} = await shipsReady(shipsTee());
    await waitUntil(() => stripe.addressMountedInto);
    stripe.addressChange(
      {...sanFrancisco, address: {...sanFrancisco.address, line1: ''}},
      false
    );
    await settled(el);
    const error = oneEvent(el, 'pay-error') as Promise<PayErrorEvent>;
    payButton(el).click();
    const {detail} = await error;
    expect(detail.code).to.equal('invalid_address');
    expect(detail.message).to.equal('Enter your shipping address.');
    expect(stripe.submits).to.equal(1);
    expect(server.requestsTo('/api/stripe/payment-intents')).to.have.length(0);
  });

  it('says at the Address Element that the shop does not ship there, and Pay waits', async () => {
    const {el} = await shipsReady(shipsTee());
    await waitUntil(() => stripe.addressMountedInto);
    stripe.addressChange({
      ...sanFrancisco,
      address: {...sanFrancisco.address, state: '', country: 'AE'},
    });
    await waitUntil(() => part(el, 'address-error'), 'the refusal is said');
    expect(text(part(el, 'address-error'))).to.equal(
      'We don’t ship to United Arab Emirates. Please choose another address.'
    );
    expect(payButton(el).disabled).to.equal(true);
    expect(text(alertRegion(el))).to.equal('');
  });

  it('prefills the Address Element and the card’s billing details with an address already given', async () => {
    server.config = paypalConfig(true);
    const {el} = await shipsReady(
      html`<pay-checkout provider="paypal stripe" email="ada@example.com"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    await waitUntil(() => field(el, 'name'), 'the element’s own form');
    await fillUsAddress(el);
    const card = el.shadowRoot!.querySelector<HTMLInputElement>(
      'input[name="provider"][value="stripe"]'
    )!;
    card.click();
    await waitUntil(() => stripe.addressMountedInto, 'the Address Element');
    const defaults = {
      line1: '1 Market St',
      line2: undefined,
      city: 'San Francisco',
      state: 'CA',
      postal_code: '94105',
      country: 'US',
    };
    expect(
      stripe.created.find((entry) => entry.type === 'address')!.options
    ).to.deep.equal({
      mode: 'shipping',
      defaultValues: {name: 'Ada Lovelace', address: defaults},
    });
    expect(
      stripe.created.find((entry) => entry.type === 'payment')!.options
    ).to.deep.equal({
      layout: 'tabs',
      defaultValues: {
        billingDetails: {name: 'Ada Lovelace', address: defaults},
      },
    });
  });

  it('goes away when the cart stops shipping', async () => {
    const {el} = await shipsReady(shipsTee());
    await waitUntil(() => stripe.addressMountedInto);
    server.quote = (request) => priceCart(request);
    el.querySelector('pay-item')!.setAttribute('quantity', '2');
    await waitUntil(() => !stripe.addressMountedInto, 'destroyed');
    await el.updateComplete;
    expect(part(el, 'shipping') === null, 'no shipping section').to.equal(true);
    // And it comes back with a cart that ships again.
    server.quote = shippingQuote;
    el.querySelector('pay-item')!.setAttribute('quantity', '3');
    await waitUntil(() => stripe.addressMountedInto, 'created again');
  });
});

import {expect, html, oneEvent} from '@open-wc/testing';
import type {Quote} from '../../widget/contract.js';
import type {PayCheckout, PayItem} from '../../widget/index.js';
import {priceCart} from './fake-server.js';
import {money, part, parts, ready, text} from './helpers.js';
import {server, useFakes} from './pay-checkout.helpers.js';

useFakes();

const cart = (quantity = 2) =>
  html`<pay-checkout discount-codes
    ><pay-item sku="tee" quantity=${quantity}></pay-item
  ></pay-checkout>`;

/** The summary's rows as a buyer reads them, the lines left out. */
const rows = (el: PayCheckout) =>
  [...el.shadowRoot!.querySelectorAll('tfoot tr')].map((row) => text(row));

const announcement = (el: PayCheckout) => part(el, 'total-announcement')!;

describe('<pay-checkout> summary rows', () => {
  it('shows only subtotal and total when nothing is discounted, shipped or taxed', async () => {
    const {el} = await ready(cart());
    expect(rows(el)).to.deep.equal([
      `Subtotal ${money(30)}`,
      `Total ${money(30)}`,
    ]);
  });

  it('adds exclusive tax as a row, with shipping by its rate and the discount with its code', async () => {
    server.rules = {
      codes: {WELCOME10: 10},
      shipping: {id: 'standard', name: 'Standard', amount: 490},
      tax: {percent: 8, inclusive: false},
    };
    server.quote = (request) =>
      priceCart({...request, discountCode: 'WELCOME10'}, 0, server.rules);
    const {el} = await ready(cart());
    // 30.00 − 3.00 = 27.00; tax 8 % of 27.00 = 2.16; + 4.90 shipping.
    expect(rows(el)).to.deep.equal([
      `Subtotal ${money(30)}`,
      `Discount WELCOME10 ${money(-3)}`,
      `Shipping (Standard) ${money(4.9)}`,
      `Tax ${money(2.16)}`,
      `Total ${money(34.06)}`,
    ]);
    expect(part(el, 'included-tax')).to.equal(null);
  });

  it('says the tax included under the total when prices include it, and Free shipping', async () => {
    server.rules = {
      shipping: {id: 'standard', name: 'Standard', amount: 0},
      tax: {percent: 19, inclusive: true},
    };
    const {el} = await ready(cart());
    // 30.00 includes 19 % VAT: 30.00 × 19 / 119 = 4.79.
    expect(rows(el)).to.deep.equal([
      `Subtotal ${money(30)}`,
      `Shipping (Standard) Free`,
      `Total ${money(30)}`,
      `Including VAT ${money(4.79)}`,
    ]);
    expect(part(el, 'tax')).to.equal(null);
  });

  it('says shipping is still to be calculated for a cart that ships before an address is known', async () => {
    server.quote = (request): Quote => ({
      ...(priceCart(request) as Quote),
      requiresShipping: true,
    });
    const {el} = await ready(cart());
    const row = part(el, 'shipping-cost')!;
    expect(text(row.querySelector('th'))).to.equal(
      'Shipping Calculated from your address'
    );
    expect(text(row.querySelector('td'))).to.equal('');
  });

  it('is localised', async () => {
    server.rules = {
      shipping: {id: 'standard', name: 'Standard', amount: 0},
      tax: {percent: 19, inclusive: true},
    };
    const {el} = await ready(
      html`<pay-checkout locale="de" currency="eur"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    expect(rows(el)).to.deep.equal([
      `Zwischensumme ${money(14, 'EUR', 'de')}`,
      `Versand (Standard) Kostenlos`,
      `Gesamt ${money(14, 'EUR', 'de')}`,
      `inkl. MwSt. ${money(2.24, 'EUR', 'de')}`,
    ]);
  });

  describe('a changed total', () => {
    it('is said by a polite live region outside the table, once a new quote changes it', async () => {
      const {el} = await ready(cart());
      const region = announcement(el);
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(region.closest('table')).to.equal(null);
      expect(text(region)).to.equal('');

      const item = el.querySelector<PayItem>('pay-item')!;
      let changed = oneEvent(el, 'pay-change');
      item.setAttribute('quantity', '3');
      await item.updateComplete;
      await el.updateComplete;
      // Stale until the quote comes: the table is busy, the region says nothing new yet.
      expect(part(el, 'summary')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(region)).to.equal('');
      await changed;
      await el.updateComplete;
      expect(part(el, 'summary')!.getAttribute('aria-busy')).to.equal('false');
      expect(text(region)).to.equal(`Total now ${money(45)}`);
      // The same node: a live region speaks when its text changes.
      expect(announcement(el)).to.equal(region);

      changed = oneEvent(el, 'pay-change');
      item.setAttribute('quantity', '1');
      await changed;
      await el.updateComplete;
      expect(text(region)).to.equal(`Total now ${money(15)}`);
    });

    it('is not said when a new quote leaves the total as it was', async () => {
      const {el} = await ready(cart());
      const changed = oneEvent(el, 'pay-change');
      el.currency = 'USD';
      await changed;
      await el.updateComplete;
      expect(text(announcement(el))).to.equal('');
      expect(parts(el, 'line')).to.have.length(1);
    });
  });
});

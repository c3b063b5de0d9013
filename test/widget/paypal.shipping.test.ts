import {expect, oneEvent} from '@open-wc/testing';
import type {Quote} from '../../widget/contract.js';
import type {PayChangeEvent} from '../../widget/index.js';
import {SHIPPING_ERRORS} from './fake-paypal.js';
import {error} from './fake-server.js';
import {money, part, ready, text} from './helpers.js';
import {paypal, server, twoTees, usePaypalFakes} from './paypal.helpers.js';

usePaypalFakes();

/** Two tees (30.00) shipped by express to Germany, VAT included: what the server answers. */
const repriced: Quote = {
  currency: 'usd',
  lines: [
    {
      sku: 'tee',
      name: 'Tee',
      unitAmount: 1500,
      quantity: 2,
      amount: 3000,
      discount: 0,
      tax: 479,
      shippable: true,
    },
  ],
  subtotal: 3000,
  discount: 0,
  shipping: 1650,
  tax: 479,
  taxInclusive: true,
  total: 4650,
  requiresShipping: true,
  shippingRates: [
    {id: 'standard', name: 'Standard', amount: 550},
    {id: 'express', name: 'Express', amount: 1650},
  ],
  shippingRate: 'express',
};

describe('<pay-checkout provider="paypal">', () => {
  describe('shipping changes in PayPal’s window', () => {
    it('reprices on the server with the order’s token, and shows the new total', async () => {
      server.paypalShipping = () => ({status: 200, body: {quote: repriced}});
      const {el} = await ready(twoTees());
      await paypal.click();

      const changed = oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;
      const rejected = await paypal.changeAddress({
        city: 'Berlin',
        state: '',
        countryCode: 'DE',
        postalCode: '10117',
      });
      expect(rejected).to.equal(null);
      const {detail} = await changed;
      expect(detail.quote.total).to.equal(4650);
      await el.updateComplete;
      expect(text(part(el, 'total'))).to.equal(`Total ${money(46.5)}`);

      const [call] = server.requestsTo(
        '/api/paypal/orders/PAYPAL-ORDER-1/shipping'
      );
      expect(call!.method).to.equal('POST');
      expect(call!.headers.get('Authorization')).to.equal('Bearer tok_secret');
      expect(call!.body).to.deep.equal({
        shippingAddress: {country: 'DE', city: 'Berlin', postalCode: '10117'},
      });

      // Another option: the address PayPal chose last, and the rate.
      expect(await paypal.changeOption('standard', 'Standard')).to.equal(null);
      expect(
        server.requestsTo('/api/paypal/orders/PAYPAL-ORDER-1/shipping')[1]!.body
      ).to.deep.equal({
        shippingAddress: {country: 'DE', city: 'Berlin', postalCode: '10117'},
        shippingRate: 'standard',
      });
    });

    it('rejects an address the shop does not ship to with PayPal’s country sentence, and keeps the total', async () => {
      server.paypalShipping = () =>
        error(400, 'shipping_not_available', 'The shop does not ship there.');
      const {el} = await ready(twoTees());
      await paypal.click();
      const rejected = await paypal.changeAddress({
        city: 'McMurdo',
        state: '',
        countryCode: 'AQ',
        postalCode: '',
      });
      expect(rejected).to.equal(SHIPPING_ERRORS.COUNTRY_ERROR);
      await el.updateComplete;
      expect(text(part(el, 'total'))).to.equal(`Total ${money(30)}`);
    });

    it('rejects an option the server refuses with PayPal’s method sentence', async () => {
      const answers = [
        {status: 200, body: {quote: repriced}},
        error(503, 'provider_unavailable', 'PayPal is not answering.'),
      ];
      server.paypalShipping = () => answers.shift()!;
      await ready(twoTees());
      await paypal.click();
      expect(
        await paypal.changeAddress({
          city: 'Berlin',
          state: '',
          countryCode: 'DE',
          postalCode: '10117',
        })
      ).to.equal(null);
      expect(await paypal.changeOption('express')).to.equal(
        SHIPPING_ERRORS.METHOD_UNAVAILABLE
      );
    });
  });
});

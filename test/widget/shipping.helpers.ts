/**
 * What the shipping suites share: a fake server that prices shipping like the real one
 * (zones by country, the cheapest rate unless one is asked for, `shipping_not_available`
 * elsewhere), a cart that ships, and the element's address fields as a buyer finds them.
 */
import {html, waitUntil} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import {sendKeys} from '@web/test-runner-commands';
import type {Quote, QuoteRequest, ShippingRate} from '../../widget/contract.js';
import type {PayCheckout} from '../../widget/index.js';
import {error, priceCart, type Answer, type FakeServer} from './fake-server.js';
import {part, ready} from './helpers.js';

/** The rates of each zone (USD), as the catalog would name them. */
const ZONES: Record<string, ShippingRate[]> = {
  US: [
    {
      id: 'standard',
      name: 'Standard',
      amount: 500,
      estimate: {minDays: 3, maxDays: 5},
    },
    {
      id: 'express',
      name: 'Express',
      amount: 1500,
      estimate: {minDays: 1, maxDays: 1},
    },
  ],
  DE: [
    {id: 'standard', name: 'Standard', amount: 0},
    {
      id: 'express',
      name: 'Express',
      amount: 1490,
      estimate: {minDays: 1, maxDays: 2},
    },
  ],
};

/** Prices the cart with shipping: no address, no rates; a country in no zone is refused. */
export function shippingQuote(request: QuoteRequest): Quote | Answer {
  const quote = priceCart(request);
  if (!('lines' in quote)) return quote;
  const country = request.shippingAddress?.country.toUpperCase();
  if (!country) return {...quote, requiresShipping: true, shippingRates: []};
  const rates = ZONES[country];
  if (!rates)
    return error(
      400,
      'shipping_not_available',
      `The shop does not ship to ${country}.`
    );
  const rate =
    rates.find((r) => r.id === request.shippingRate) ??
    rates.reduce((a, b) => (b.amount < a.amount ? b : a));
  return {
    ...quote,
    requiresShipping: true,
    shippingRates: rates,
    shippingRate: rate.id,
    shipping: rate.amount,
    total: quote.total + rate.amount,
  };
}

/** The server prices shipping in its quotes and in every create, refusing a total not shown. */
export function shipEverything(server: FakeServer): void {
  server.quote = shippingQuote;
  const create =
    (answer: (quote: Quote) => unknown) =>
    (request: QuoteRequest & {expectedTotal?: number}): Answer => {
      const quote = shippingQuote(request);
      if (!('lines' in quote)) return quote;
      if (!request.shippingAddress)
        return error(400, 'invalid_request', 'shippingAddress is required');
      if (
        request.expectedTotal !== undefined &&
        request.expectedTotal !== quote.total
      )
        return error(409, 'price_changed', 'The total changed', quote);
      server.lastOrderTotal = quote.total;
      return {status: 201, body: answer(quote)};
    };
  server.paymentIntent = create((quote) => ({
    orderId: 'ord_1',
    orderToken: 'tok_secret',
    clientSecret: 'pi_1_secret_abc',
    amount: quote.total,
    currency: quote.currency,
  }));
  server.checkoutSession = create(() => ({
    orderId: 'ord_1',
    orderToken: 'tok_secret',
    url: 'https://checkout.stripe.test/c/pay/cs_test_1',
  }));
}

/**
 * `ready()` for a cart that ships: also waits for the shipping section, whose chunk is
 * fetched with the first quote that ships.
 */
export async function shipsReady(template: TemplateResult) {
  const result = await ready(template);
  await waitUntil(() => part(result.el, 'shipping'), 'the shipping section');
  return result;
}

/** A cart that ships, paid on Stripe's hosted page: the element's own address form. */
export const hostedTee = () =>
  html`<pay-checkout mode="hosted" email="ada@example.com" locale="en"
    ><pay-item sku="tee"></pay-item
  ></pay-checkout>`;

/** A field of the element's address form, by its name (`country`, `postalCode`…). */
export const field = (el: PayCheckout, name: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`#shipping-${name}`)!;

/** Types into a field the way a buyer does (focus, keys), then leaves it. */
export async function type(el: PayCheckout, name: string, value: string) {
  const input = field(el, name);
  input.focus();
  input.select();
  await sendKeys({press: 'Backspace'});
  if (value) await sendKeys({type: value});
  input.dispatchEvent(new Event('change', {bubbles: true}));
  await el.updateComplete;
}

/** Picks an option of a select (the country, a US state) as a buyer does. */
export async function choose(el: PayCheckout, name: string, value: string) {
  const select = field(el, name) as unknown as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('input', {bubbles: true}));
  select.dispatchEvent(new Event('change', {bubbles: true}));
  await el.updateComplete;
}

/** Fills the whole address form for a US address. */
export async function fillUsAddress(el: PayCheckout) {
  await type(el, 'name', 'Ada Lovelace');
  await choose(el, 'country', 'US');
  await type(el, 'line1', '1 Market St');
  await type(el, 'city', 'San Francisco');
  await choose(el, 'region', 'CA');
  await type(el, 'postalCode', '94105');
}

/** What the PayPal order suites share: a cart, and an order created, approved and captured through the routes. */
import {postJson} from './helpers.js';
import {type PaypalTestServer} from './paypal-fixtures.js';

/** Two tees to Oregon: no sales tax, and free standard shipping from 50.00, so 50.00 in all. */
export const shippingAddress = {
  name: 'Ada Buyer',
  line1: '1 Main St',
  city: 'Portland',
  region: 'OR',
  postalCode: '97201',
  country: 'US',
};

export const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  email: 'buyer@example.com',
  shippingAddress,
};

export async function createOrder(
  server: PaypalTestServer,
  body: unknown = cart
) {
  const res = await postJson(server.app, '/api/paypal/orders', body);
  return {res, json: await res.json()};
}

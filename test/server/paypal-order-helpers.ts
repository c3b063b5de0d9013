/** What the PayPal order suites share: a cart, and an order created, approved and captured through the routes. */
import {postJson} from './helpers.js';
import {type PaypalTestServer} from './paypal-fixtures.js';

export const cart = {
  items: [{sku: 'tee-black-m', quantity: 2}],
  email: 'buyer@example.com',
};

export async function createOrder(
  server: PaypalTestServer,
  body: unknown = cart
) {
  const res = await postJson(server.app, '/api/paypal/orders', body);
  return {res, json: await res.json()};
}

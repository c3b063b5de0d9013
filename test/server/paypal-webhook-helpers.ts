/** What the PayPal webhook suites share: a server with order ord_A seeded per test, and the events sent to it. */
import {after, beforeEach} from 'node:test';
import {
  makePaypalServer,
  type PaypalTestServer,
  seedPaypalOrder,
} from './paypal-fixtures.js';
import {captureResource, paypalEvent} from './paypal-webhook-fixtures.js';

export const PP_A = '5O190127TN364715T';

export const completed = (
  fields: Parameters<typeof captureResource>[2] = {},
  id?: string
) =>
  paypalEvent(
    'PAYMENT.CAPTURE.COMPLETED',
    captureResource('ord_A', PP_A, fields),
    id
  );

/** ord_A's capture, still PENDING at PayPal. */
export const pending = () =>
  paypalEvent(
    'PAYMENT.CAPTURE.PENDING',
    captureResource('ord_A', PP_A, {status: 'PENDING'})
  );

/** ord_A's capture, DENIED (status DECLINED). */
export const denied = () =>
  paypalEvent(
    'PAYMENT.CAPTURE.DENIED',
    captureResource('ord_A', PP_A, {status: 'DECLINED'})
  );

export let server: PaypalTestServer;

export const status = async (id = 'ord_A') =>
  (await server.store.get(id))!.status;

export const certFetches = () =>
  server.fake.count('GET', '/v1/notifications/certs/*');

/** Before each test of the describe it is called in: a PayPal server with order ord_A (PayPal's PP_A) seeded. */
export function useSeededPaypalServer(): void {
  beforeEach(async () => {
    server = await makePaypalServer();
    await seedPaypalOrder(server, 'ord_A', PP_A);
  });
  after(() => server.close());
}

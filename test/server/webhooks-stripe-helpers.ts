/** What the Stripe webhook suites share: a seeded server per test, its clock, and the Stripe objects the events carry. */
import {after, beforeEach} from 'node:test';
import {
  intentObject,
  makeServer,
  seedOrder,
  type TestServer,
} from './helpers.js';

export const succeeded = (
  orderId: string,
  intentId: string,
  fields: Record<string, unknown> = {}
) =>
  intentObject(orderId, intentId, {
    status: 'succeeded',
    amount_received: 5000,
    latest_charge: 'ch_1',
    ...fields,
  });

export let server: TestServer;

export let now = Date.now();

export const status = async (id = 'ord_A') =>
  (await server.store.get(id))!.status;

/** Before each test of the describe it is called in: a server whose clock is `now`, with order ord_A (pi_A) seeded. */
export function useSeededServer(): void {
  beforeEach(async () => {
    now = Date.now();
    server = await makeServer({now: () => new Date(now)});
    await seedOrder(server.store, 'ord_A', 'pi_A');
  });
  after(() => server.close());
}

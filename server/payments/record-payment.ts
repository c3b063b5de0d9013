/**
 * Recording what a gateway reports about a payment — from a verified webhook, a capture
 * response, or a read-back (polling, reconciliation). Every report takes the fulfiller's one
 * path (state machine, ledger, outbox), so whichever arrives first settles the order and the
 * others find nothing left to do.
 */
import type {Order} from '../orders/order.js';
import type {PaymentEvent} from '../orders/state.js';
import type {OrderStore} from '../orders/store.js';
import type {Gateway, OrderLookup, WebhookEvent} from '../providers/gateway.js';
import type {Logger} from '../log.js';
import type {Fulfiller} from './fulfilment.js';
import {recordRefundReports} from './refund-reports.js';

type WebhookOutcome = 'applied' | 'duplicate' | 'unchanged' | 'ignored';

interface Deps {
  store: OrderStore;
  fulfiller: Fulfiller;
}

interface WebhookDeps extends Deps {
  logger: Logger;
}

/** A gateway's view of the store: its own orders only. */
function orderLookup(store: OrderStore, gateway: Gateway): OrderLookup {
  return {
    async get(orderId) {
      const order = await store.get(orderId);
      return order?.provider === gateway.name ? order : undefined;
    },
    async byPayment(paymentId) {
      const order = await store.findByPayment(gateway.name, paymentId);
      return order?.provider === gateway.name ? order : undefined;
    },
  };
}

/** A verified webhook event: applied once per event id (the ledger), whatever it says. */
export async function recordWebhookEvent(
  deps: WebhookDeps,
  gateway: Gateway,
  event: WebhookEvent
): Promise<WebhookOutcome> {
  // Our refund rows follow what the event says of a refund. Each move is one conditional
  // statement (a duplicate changes nothing), so this runs before, and apart from, the ledger.
  const refundRows = await recordRefundReports(deps, gateway, event);
  const translated = await gateway.translate(
    event,
    orderLookup(deps.store, gateway)
  );
  if (!translated) return refundRows > 0 ? 'applied' : 'ignored';
  // The order the gateway read goes along: unchanged since, it is not read again.
  const result = await deps.fulfiller.apply(
    translated.order.id,
    translated.event,
    {provider: gateway.name, eventId: event.id, type: event.type},
    translated.order
  );
  // (apply has started the order's outbox: also on a duplicate, whatever is still due for the
  // order gets another try now.)
  if (result.outcome === 'not_found') return 'ignored';
  return result.outcome === 'changed' ? 'applied' : result.outcome;
}

/**
 * A report the buyer's request brought back (a capture response): applied, and the order as
 * stored answered. No report: the order as stored now.
 */
export async function recordPayment(
  deps: Deps,
  order: Order,
  event: PaymentEvent | null
): Promise<Order> {
  if (!event) return (await deps.store.get(order.id)) ?? order;
  const result = await deps.fulfiller.apply(order.id, event);
  return 'order' in result ? result.order : order;
}

/**
 * An attempt the provider refused: the order is `failed` (a new attempt can still succeed).
 * An order that already was is written again all the same (failed → failed raises no side
 * effects), so its updatedAt moves and the next attempt goes out under a new request id.
 * No `paymentId`: the provider refused before it made a payment (an unusable nonce), so there
 * is none to adopt; a pending order without one is failed all the same, which releases its
 * discount code at once and leaves nothing for the reconciler to wait for.
 */
export async function recordRefusedAttempt(
  deps: Deps,
  order: Order,
  paymentId?: string
): Promise<void> {
  if (paymentId === undefined) {
    await deps.store.update(order.id, (current) =>
      current.status === 'pending' && current.providerPaymentId === undefined
        ? {status: 'failed'}
        : null
    );
    return;
  }
  const result = await deps.fulfiller.apply(order.id, {
    type: 'failed',
    paymentId,
  });
  if (
    result.outcome === 'unchanged' &&
    result.order.status === 'failed' &&
    result.order.providerPaymentId === paymentId
  ) {
    await deps.store.update(order.id, (current) =>
      current.status === 'failed' ? {status: 'failed'} : null
    );
  }
}

/** Reads the order's payment back from its gateway and applies what it says. */
export async function syncOrder(
  deps: Deps & {gateways: ReadonlyMap<string, Gateway>},
  order: Order
): Promise<Order> {
  const gateway = deps.gateways.get(order.provider);
  if (!gateway || !order.providerPaymentId) return order;
  const event = await gateway.readPayment(order);
  if (!event) return order;
  const result = await deps.fulfiller.apply(order.id, event);
  return 'order' in result ? result.order : order;
}

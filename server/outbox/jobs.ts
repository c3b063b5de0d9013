/**
 * What an order change calls for, as data: the outbox rows written in the same transaction as
 * the change. Pure functions, tested directly.
 */
import type {Channel, NewJob, OrderEventType} from '../orders/outbox-rows.js';
import type {Order} from '../orders/order.js';
import {isSettled} from '../orders/state.js';

const receivedMoney = (order: Order) =>
  order.status === 'paid' || order.status === 'partially_refunded';

/**
 * The events an order change raises: `order.paid` once, when the money is first received;
 * `order.refunded` once per new cumulative refunded amount of a settled order;
 * `order.disputed` once per dispute (by its id) opened on a settled order.
 */
export function eventsForChange(
  previous: Order,
  next: Order
): {event: OrderEventType; key: string}[] {
  const events: {event: OrderEventType; key: string}[] = [];
  // An order whose payment lands already disputed (the dispute was reported first) was paid too.
  if (
    !isSettled(previous.status) &&
    (receivedMoney(next) || next.status === 'disputed')
  ) {
    events.push({event: 'order.paid', key: 'order.paid'});
  }
  if (isSettled(next.status) && next.amountRefunded > 0) {
    const newRefund =
      next.amountRefunded > previous.amountRefunded ||
      !isSettled(previous.status);
    if (newRefund)
      events.push({
        event: 'order.refunded',
        key: `order.refunded:${next.amountRefunded}`,
      });
  }
  if (
    next.status === 'disputed' &&
    next.dispute &&
    (next.dispute.id !== previous.dispute?.id || !isSettled(previous.status))
  )
    events.push({
      event: 'order.disputed',
      key: `order.disputed:${next.dispute.id}`,
    });
  return events;
}

/** Which events each channel is told of: the merchant's email, of sales and disputes only. */
const CHANNEL_EVENTS: Record<Channel, readonly OrderEventType[]> = {
  hook: ['order.paid', 'order.refunded'],
  email: ['order.paid', 'order.refunded'],
  webhook: ['order.paid', 'order.refunded'],
  'merchant-email': ['order.paid', 'order.disputed'],
};

/** The outbox rows for an order change, one per event and channel in use. */
export function jobsForChange(
  previous: Order,
  next: Order,
  channels: readonly Channel[]
): NewJob[] {
  return eventsForChange(previous, next).flatMap(({event, key}) =>
    channels
      .filter((channel) => CHANNEL_EVENTS[channel].includes(event))
      .map((channel) => ({
        orderId: next.id,
        kind: `${channel}:${key}`,
        channel,
        event,
      }))
  );
}

/** How long to wait before the attempt after `attempts` failures: 5 s, 30 s, 2 min, 10 min, then hourly. */
export function retryDelayMs(attempts: number): number {
  const schedule = [5_000, 30_000, 120_000, 600_000];
  return schedule[attempts - 1] ?? 3_600_000;
}

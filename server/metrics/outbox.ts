/** The outbox's channel handlers, each failed attempt counted by channel (then rethrown: retried). */
import type {Channel} from '../orders/outbox-rows.js';
import type {ChannelHandler} from '../outbox/worker.js';
import type {CheckoutMetrics} from './metrics.js';

export function countFailures(
  handlers: Partial<Record<Channel, ChannelHandler>>,
  metrics: CheckoutMetrics | undefined
): Partial<Record<Channel, ChannelHandler>> {
  if (!metrics) return handlers;
  return Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      async (job, order) => {
        try {
          await handler(job, order);
        } catch (error) {
          metrics.outboxFailure(channel);
          throw error;
        }
      },
    ])
  ) as Partial<Record<Channel, ChannelHandler>>;
}

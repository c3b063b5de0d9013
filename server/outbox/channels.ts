/**
 * The outbox's channels, built from the server's options: only the ones configured get jobs.
 */
import type {Logger} from '../log.js';
import {composeOrderEmail, type Mailer} from '../notify/email.js';
import {merchantWebhook} from '../notify/merchant-webhook.js';
import type {Order} from '../orders/order.js';
import type {OrderStore} from '../orders/store.js';
import type {Channel} from '../orders/outbox-rows.js';
import type {ChannelHandler} from './worker.js';

interface ChannelOptions {
  store: OrderStore;
  logger: Logger;
  now: () => Date;
  /** Called once per paid order. */
  onOrderPaid?: (order: Order) => void | Promise<void>;
  /** Called once per new refunded total of an order. */
  onOrderRefunded?: (order: Order) => void | Promise<void>;
  mailer?: Mailer;
  shopName?: string;
  orderWebhook?: {url: string; secret: string};
}

export function createChannels(
  options: ChannelOptions
): Partial<Record<Channel, ChannelHandler>> {
  const {store, now} = options;
  const handlers: Partial<Record<Channel, ChannelHandler>> = {};
  if (options.onOrderPaid || options.onOrderRefunded) {
    handlers.hook = async (job, order) => {
      if (job.event === 'order.paid') {
        await options.onOrderPaid?.(order);
        await store.markFulfilled(order.id, now().toISOString());
      } else {
        await options.onOrderRefunded?.(order);
      }
    };
  }
  if (options.mailer) {
    const mailer = options.mailer;
    handlers.email = async (job, order) => {
      const message = composeOrderEmail(job.event, order, {
        shopName: options.shopName ?? 'pay-checkout shop',
        messageId: `<${job.id}@pay-checkout>`,
      });
      if (message) await mailer.send(message);
    };
  }
  if (options.orderWebhook) {
    handlers.webhook = merchantWebhook({...options.orderWebhook, now});
  }
  return handlers;
}

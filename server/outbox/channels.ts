/**
 * The outbox's channels, built from the server's options: only the ones configured get jobs.
 */
import type {Logger} from '../log.js';
import {composeOrderEmail, type Mailer} from '../notify/email.js';
import {composeMerchantEmail} from '../notify/merchant-email.js';
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
  /** MERCHANT_EMAIL: told of each paid order and each dispute, through `mailer`. */
  merchantEmail?: string;
  /** The shop's locale, for the merchant's emails. */
  locale?: string;
  /** PUBLIC_URL: the merchant's emails link to the order in /admin. */
  publicUrl?: string;
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
  if (options.mailer && options.merchantEmail) {
    const {mailer, merchantEmail} = options;
    handlers['merchant-email'] = async (job, order) => {
      const message = composeMerchantEmail(job.event, order, {
        to: merchantEmail,
        shopName: options.shopName ?? 'pay-checkout shop',
        locale: options.locale,
        publicUrl: options.publicUrl,
        // The dispute the job is for (`merchant-email:order.disputed:<id>`), which a later
        // one may have replaced on the order by the time it runs.
        disputeId: job.kind.split(':')[2],
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

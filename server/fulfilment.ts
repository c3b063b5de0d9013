/**
 * The one path every "this order is paid" report ends in, whoever reported it (a webhook, a
 * capture response, a buyer's return): it hands a paid order to the merchant's hook once.
 */
import type {Logger} from './log.js';
import type {Order} from './orders/order.js';
import type {OrderStore} from './orders/store.js';

export type OrderHook = (order: Order) => void | Promise<void>;

export interface Fulfiller {
  /** Calls the hook if the order is paid and nobody has fulfilled it yet; throws if the hook does. */
  fulfil(order: Order): Promise<void>;
}

export function createFulfiller(store: OrderStore, onOrderPaid: OrderHook | undefined, logger: Logger): Fulfiller {
  return {
    async fulfil(order) {
      if (order.fulfilledAt || (order.status !== 'paid' && order.status !== 'partially_refunded')) return;
      // The claim is a compare-and-set in the store: concurrent reports cannot both win it.
      if (!(await store.claimFulfilment(order.id))) return;
      try {
        await onOrderPaid?.(order);
      } catch (error) {
        await store.releaseFulfilment(order.id);
        logger.error({orderId: order.id, error: (error as Error).message}, 'fulfilment hook failed; will retry');
        throw error;
      }
      await store.completeFulfilment(order.id);
      logger.info({orderId: order.id}, 'order fulfilled');
    },
  };
}

/**
 * What every route needs, built once per app by createCheckoutServer and passed down: no
 * module-level state, so a test can build as many servers as it likes.
 */
import type {Catalog} from './catalog.js';
import type {Fulfiller} from './fulfilment.js';
import type {Logger} from './log.js';
import type {OrderStore} from './orders/store.js';
import type {StripeProvider} from './providers/stripe.js';

export interface CheckoutContext {
  catalog: Catalog;
  store: OrderStore;
  stripe?: StripeProvider;
  fulfiller: Fulfiller;
  logger: Logger;
  locale?: string;
  now: () => Date;
  /** How long an unpaid order waits for its webhook before a read asks the provider directly. */
  staleAfterMs: number;
}

/**
 * What every route needs, built once per app by createCheckoutServer and passed down: no
 * module-level state, so a test can build as many servers as it likes.
 */
import type {Catalog} from './catalog/index.js';
import type {Logger} from './log.js';
import type {CheckoutMetrics} from './metrics/metrics.js';
import type {OrderStore} from './orders/store.js';
import type {Fulfiller} from './payments/fulfilment.js';
import type {Gateways} from './providers/registry.js';

export interface CheckoutContext {
  catalog: Catalog;
  store: OrderStore;
  /** The gateways this server offers (providers/registry.ts), by name. */
  gateways: Gateways;
  fulfiller: Fulfiller;
  logger: Logger;
  /** The Prometheus series (GET /metrics); unset when the server has them off. */
  metrics?: CheckoutMetrics;
  locale?: string;
  /**
   * The shop's own origin, from its configured public URL (PUBLIC_URL), never from a request's
   * Host header. Unset: only `allowedOrigins` are trusted.
   */
  publicOrigin?: string;
  /** Origins (besides the shop's own) of the shop's sites: CORS, and where redirects may go. */
  allowedOrigins: readonly string[];
  now: () => Date;
  /** How long an unpaid order waits for its webhook before a read asks the provider directly. */
  staleAfterMs: number;
}

/**
 * @pay-checkout/server: the companion server of <pay-checkout> as a library. Build the Hono
 * app with createCheckoutServer() and run it anywhere Web-standard Request/Response run, or
 * start the whole server from the command line with `pay-checkout-server` (bin.ts).
 */
export type {AdminOptions} from './admin/auth.js';
export {hashPassword} from './admin/password.js';
export {
  createCheckoutServer,
  type CheckoutServer,
  type CheckoutServerOptions,
} from './app.js';
export {
  CatalogError,
  loadCatalog,
  parseCatalog,
  type Catalog,
  type Product,
} from './catalog/index.js';
export {ConfigError, parseConfig, type ServerConfig} from './config.js';
export type {OrderHook} from './payments/fulfilment.js';
export {createLogger, type Logger} from './log.js';
export {folderMailer, smtpMailer} from './notify/mailers.js';
export type {Mailer} from './notify/email.js';
export {createSqlStore, type SqlStoreOptions} from './orders/sql-store.js';
export {
  type DiscountClaim,
  DiscountClaimRefused,
  type OrderStore,
} from './orders/store.js';
export {
  type BraintreeProvider,
  type BraintreeSettings,
  createBraintreeProvider,
} from './providers/braintree/client.js';
export {
  createPaypalProvider,
  type PaypalProvider,
  type PaypalSettings,
} from './providers/paypal/client.js';
export {
  createSquareProvider,
  type SquareProvider,
  type SquareSettings,
} from './providers/square/client.js';
export {
  createStripeProvider,
  type StripeProvider,
  type StripeSettings,
} from './providers/stripe/client.js';
export {startServer} from './node.js';

/** The catalog (products, shipping, tax, discount codes) and the pricing that reads it. */
export {CatalogError, loadCatalog, parseCatalog, type Catalog} from './load.js';
export type {Product} from './products.js';
export type {Discount, DiscountUsage} from './discounts.js';
export {
  priceCart,
  type PricingOptions,
  type PricingRequest,
} from './pricing.js';
export {hasPostalCodes, isCountry} from './countries.js';

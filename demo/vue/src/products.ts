import catalog from '../../catalog.json';

/** Three products of the demo catalog. Their prices here are for browsing: the checkout shows
 * and charges what the companion server quotes. */
export const products = catalog.products.filter((product) =>
  ['tee-black-m', 'mug-enamel', 'sticker-pack'].includes(product.sku)
);

export const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD'}).format(
    cents / 100
  );

/**
 * Repricing: a request (SKUs and quantities, an address, a rate, a code) becomes a quote from
 * the catalog alone, in integer minor units, in the order and with the rounding README.md
 * here describes. Pure: the clock and the code's uses are handed in. Whatever else the client
 * sent was already dropped by the contract schema; nothing here trusts it.
 */
import type {
  Address,
  CartItem,
  DiscountCodeStatus,
  Quote,
  QuoteLine,
  ShippingRate,
} from '../contract.js';
import {ApiError} from '../errors.js';
import {currencyExponent} from '../money.js';
import {allocate} from './arithmetic.js';
import {decideDiscount, type DiscountUsage} from './discounts.js';
import type {Catalog} from './load.js';
import {productName} from './products.js';
import {priceRates, zoneFor, type PricedRate} from './shipping.js';
import {rateFor, taxOn, taxRuleFor} from './tax.js';
import {translationFor} from './translations.js';

/** What a quote and every create are priced from (the contract's QuoteRequest, parsed). */
export interface PricingRequest {
  items: readonly CartItem[];
  currency?: string | undefined;
  shippingAddress?: Address | undefined;
  shippingRate?: string | undefined;
  discountCode?: string | undefined;
  /** The buyer's language: which of a product's `translations` names its line. */
  locale?: string | undefined;
}

export interface PricingOptions {
  now: Date;
  /** The code's uses so far, from the order store; none counted when absent. */
  usage?: DiscountUsage;
}

const NO_USES: DiscountUsage = {uses: 0, byEmail: false};

export function priceCart(
  catalog: Catalog,
  request: PricingRequest,
  {now, usage = NO_USES}: PricingOptions
): Quote {
  const currency = request.currency ?? catalog.defaultCurrency;
  if (!catalog.currencies.has(currency)) {
    throw new ApiError(
      400,
      'currency_not_supported',
      `The shop does not sell in ${currency.toUpperCase()}.`
    );
  }
  // Stripe takes three-decimal currencies in steps of 10: so does every amount computed here.
  const step = currencyExponent(currency) === 3 ? 10 : 1;

  // 1. Lines and the subtotal.
  const lines = cartLines(catalog, request.items, currency, request.locale);
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  if (!Number.isSafeInteger(subtotal)) {
    throw new ApiError(
      400,
      'quantity_out_of_range',
      'The cart total is too large.'
    );
  }

  // 2. The discount, split over the lines it applies to.
  let discountCode: Quote['discountCode'];
  const code = request.discountCode?.trim().toUpperCase();
  if (code) {
    const found = catalog.byCode.get(code);
    let status: DiscountCodeStatus = 'unknown';
    if (found) {
      const decision = decideDiscount(
        found,
        {currency, lines, subtotal},
        {now, usage, step}
      );
      status = decision.status;
      if (decision.status === 'applied') {
        const parts = allocate(
          decision.amount,
          lines.map((line, i) => (decision.eligible[i] ? line.amount : 0)),
          step
        );
        lines.forEach((line, i) => (line.discount = parts[i]));
      }
    }
    discountCode = {code, status};
  }
  const discount = lines.reduce((sum, line) => sum + line.discount, 0);

  // 3. Shipping, for the address, on the discounted shippable goods.
  const address = request.shippingAddress;
  const country = address?.country.toUpperCase();
  const requiresShipping =
    catalog.shipping !== undefined && lines.some((line) => line.shippable);
  let rates: PricedRate[] = [];
  let chosen: PricedRate | undefined;
  if (requiresShipping && country) {
    rates = shippingRates(catalog, country, currency, lines);
    chosen =
      rates.find((r) => r.rate.id === request.shippingRate) ??
      rates.reduce((cheapest, r) =>
        r.amount < cheapest.amount ? r : cheapest
      );
  }
  const shipping = chosen?.amount ?? 0;

  // 4. Tax, per line after its discount, and on shipping where the rule says so.
  const rule =
    catalog.tax && country
      ? taxRuleFor(catalog.tax, country, address?.region)
      : undefined;
  const taxInclusive = rule?.inclusive ?? false;
  let tax = 0;
  if (rule) {
    for (const line of lines) {
      const category = catalog.bySku.get(line.sku)!.taxCategory;
      line.tax = taxOn(
        line.amount - line.discount,
        rateFor(rule, category),
        taxInclusive,
        step
      );
      tax += line.tax;
    }
    if (rule.shipping) {
      tax += taxOn(shipping, rateFor(rule, 'standard'), taxInclusive, step);
    }
  }

  // 5. The total.
  const total = subtotal - discount + shipping + (taxInclusive ? 0 : tax);
  if (!Number.isSafeInteger(total)) {
    throw new ApiError(
      400,
      'quantity_out_of_range',
      'The cart total is too large.'
    );
  }
  return {
    currency,
    lines,
    subtotal,
    discount,
    shipping,
    tax,
    taxInclusive,
    total,
    requiresShipping,
    shippingRates: rates.map((rate) => toShippingRate(rate, request.locale)),
    ...(chosen && {shippingRate: chosen.rate.id}),
    ...(discountCode && {discountCode}),
  };
}

/** The cart's lines; the same SKU twice is one line, merged in first-seen order. */
function cartLines(
  catalog: Catalog,
  items: readonly CartItem[],
  currency: string,
  locale: string | undefined
): QuoteLine[] {
  const quantities = new Map<string, number>();
  for (const {sku, quantity} of items) {
    quantities.set(sku, (quantities.get(sku) ?? 0) + quantity);
  }
  const lines: QuoteLine[] = [];
  for (const [sku, quantity] of quantities) {
    const product = catalog.bySku.get(sku);
    if (!product) {
      throw new ApiError(400, 'unknown_sku', `There is no product "${sku}".`);
    }
    if (quantity > product.maxQuantity) {
      throw new ApiError(
        400,
        'quantity_out_of_range',
        `"${product.name}" can be bought at most ${product.maxQuantity} at a time.`
      );
    }
    const unitAmount = product.prices[currency];
    if (unitAmount === undefined) {
      throw new ApiError(
        400,
        'currency_not_supported',
        `"${product.name}" is not sold in ${currency.toUpperCase()}.`
      );
    }
    lines.push({
      sku,
      name: productName(product, locale),
      unitAmount,
      quantity,
      amount: unitAmount * quantity,
      discount: 0,
      tax: 0,
      shippable: product.shippable,
    });
  }
  return lines;
}

/** The rates of the country's zone in the currency; a 400 when there are none. */
function shippingRates(
  catalog: Catalog,
  country: string,
  currency: string,
  lines: readonly QuoteLine[]
): PricedRate[] {
  const zone = zoneFor(catalog.shipping!, country);
  const shipped = lines.filter((line) => line.shippable);
  const rates = zone
    ? priceRates(zone, currency, {
        items: shipped.reduce((sum, line) => sum + line.quantity, 0),
        subtotal: shipped.reduce(
          (sum, line) => sum + line.amount - line.discount,
          0
        ),
      })
    : [];
  if (rates.length === 0) {
    const name =
      new Intl.DisplayNames(['en'], {type: 'region'}).of(country) ?? country;
    throw new ApiError(
      400,
      'shipping_not_available',
      zone
        ? `The shop does not ship to ${name} in ${currency.toUpperCase()}.`
        : `The shop does not ship to ${name}.`
    );
  }
  return rates;
}

function toShippingRate(
  {rate, amount}: PricedRate,
  locale: string | undefined
): ShippingRate {
  return {
    id: rate.id,
    name: translationFor(rate.translations, locale)?.name ?? rate.name,
    amount,
    ...(rate.estimate && {estimate: rate.estimate}),
  };
}

/**
 * Opening an order: the one place a request becomes a stored `pending` order, for every
 * gateway. It is priced exactly as POST /api/quote prices it (the same catalog, address, rate
 * and code), and the row is written before the provider hears of it, so a webhook never
 * arrives for an order we do not have.
 */
import {randomBytes} from 'node:crypto';
import {
  type Catalog,
  type Discount,
  hasPostalCodes,
  priceCart,
  type DiscountUsage,
} from '../catalog/index.js';
import type {Address, PaymentProvider, Quote} from '../contract.js';
import {ApiError, invalidRequest} from '../errors.js';
import {type Order, orderShippingRate, quoteSums} from '../orders/order.js';
import {
  type DiscountClaim,
  DiscountClaimRefused,
  type OrderStore,
} from '../orders/store.js';
import {hashToken, newOrderToken} from '../orders/token.js';
import type {OrderRequest} from '../providers/gateway.js';

export async function openOrder(
  deps: {catalog: Catalog; store: OrderStore; now: () => Date},
  provider: PaymentProvider,
  request: OrderRequest
): Promise<{order: Order; token: string}> {
  const now = deps.now();
  const code = request.discountCode?.trim().toUpperCase();
  const discount = code ? deps.catalog.byCode.get(code) : undefined;
  const usage = await discountUsage(deps, discount, request.email);
  const quote = priceCart(deps.catalog, request, {now, usage});

  if (quote.requiresShipping) requireShippingAddress(request.shippingAddress);
  // A code that does not apply (any more) changes what the buyer pays, as a price does.
  if (quote.discountCode && quote.discountCode.status !== 'applied') {
    throw priceChanged(quote);
  }
  if (
    request.expectedTotal !== undefined &&
    request.expectedTotal !== quote.total
  ) {
    throw priceChanged(quote);
  }

  const applied =
    quote.discountCode?.status === 'applied' ? discount : undefined;
  // Once per email is kept by the email: a code that applies needs one to be counted against.
  if (applied?.oncePerEmail && !request.email) {
    throw invalidRequest(
      `email: the code ${applied.code} is once per buyer, so it needs the buyer's email.`
    );
  }
  const rate = quote.shippingRates.find((r) => r.id === quote.shippingRate);
  const claim: DiscountClaim | undefined = applied && {
    code: applied.code,
    limit: applied.usageLimit,
    oncePerEmail: applied.oncePerEmail,
    email: request.email,
  };
  const token = newOrderToken();
  try {
    const order = await deps.store.create(
      {
        id: `ord_${randomBytes(12).toString('base64url')}`,
        provider,
        currency: quote.currency,
        ...quoteSums(quote),
        discountCode: applied?.code,
        shippingRate: rate && orderShippingRate(rate),
        shippingAddress: quote.requiresShipping
          ? request.shippingAddress
          : undefined,
        billingAddress: request.billingAddress,
        email: request.email,
        locale: request.locale,
      },
      hashToken(token),
      claim
    );
    return {order, token};
  } catch (error) {
    if (!(error instanceof DiscountClaimRefused)) throw error;
    // The last use went to another buyer between our count and our insert: the quote they
    // should see now is the one without the code.
    const usedUp: DiscountUsage = {
      uses: Number.MAX_SAFE_INTEGER,
      byEmail: true,
    };
    throw priceChanged(priceCart(deps.catalog, request, {now, usage: usedUp}));
  }
}

/** A limited code's uses so far (an unlimited one's do not matter to its price). */
export async function discountUsage(
  deps: {store: OrderStore},
  discount: Discount | undefined,
  email?: string
): Promise<DiscountUsage | undefined> {
  if (!discount) return undefined;
  if (discount.usageLimit === undefined && !discount.oncePerEmail) {
    return undefined;
  }
  return deps.store.discountUses(discount.code, email);
}

function priceChanged(quote: Quote): ApiError {
  return new ApiError(
    409,
    'price_changed',
    'The prices have changed; please review the new total.',
    quote
  );
}

/** What a parcel needs to arrive: a 400 naming the first missing field. */
function requireShippingAddress(address: Address | undefined): void {
  if (!address) {
    throw invalidRequest(
      'shippingAddress: this cart is shipped, so it needs an address.'
    );
  }
  const needed = ['name', 'line1', 'city'] as const;
  for (const field of needed) {
    if (!address[field]) {
      throw invalidRequest(`shippingAddress.${field}: required to ship.`);
    }
  }
  if (!address.postalCode && hasPostalCodes(address.country)) {
    throw invalidRequest('shippingAddress.postalCode: required to ship.');
  }
}

/**
 * The hosted payment page a Checkout Session's `url` opens, on the emulator's origin as
 * checkout.stripe.com is Stripe's, and the two calls its script makes:
 *
 * - `GET /checkout/pay/:id`: the page (or, once the session is no longer open, a page saying
 *   it is complete or expired)
 * - `POST /checkout/pay/:id/confirm` (`key` = publishable key, `payment_method`, `email`): pays
 *   the session with a PaymentMethod the page created through `/v1/payment_methods`
 * - `GET /checkout/pay/:id/status` (`key`): how the session stands, after 3-D Secure
 *
 * None of this is Stripe's public API (Stripe's page talks to its own private endpoints); a
 * session's id, like its URL, is what lets a buyer pay it.
 */
import {Hono} from 'hono';
import {decimalsOf} from '../api/amounts.js';
import {requestInfo, type Env} from '../api/context.js';
import {
  authenticationError,
  invalidRequest,
  missingParameter,
  unknownParameter,
} from '../api/errors.js';
import type {Params} from '../api/form.js';
import {checkParams, readEmail, readString} from '../api/params.js';
import {readShipping, SHIPPING_SHAPE} from '../api/shipping.js';
import type {CheckoutSessionRecord, Core} from '../core/state.js';
import {declineError} from '../payment-intents/flow.js';
import {findPaymentMethod} from '../payment-methods/payment-methods.js';
import {
  expireDue,
  findSession,
  intentOf,
  pay,
  successRedirect,
} from './flow.js';
import {
  checkoutMessagePage,
  checkoutPage,
  type CheckoutPageView,
} from './hosted-page-html.js';

interface CheckoutPageOptions {
  core: Core;
  publishableKey: string;
}

// The page runs only the emulator's script and talks only to the emulator; product images may
// come from anywhere, and the 3-D Secure challenge is a frame on the same origin.
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: https: http:",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function servePage(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': PAGE_POLICY,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The session's `locale`, else the browser's first language, else American English. */
function pageLocale(
  locale: string | null,
  acceptLanguage: string | undefined
): string {
  const wanted =
    locale && locale !== 'auto'
      ? locale
      : acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
  try {
    return new Intl.Locale(wanted || 'en-US').toString();
  } catch {
    return 'en-US';
  }
}

function isUnitedStates(lang: string): boolean {
  try {
    return new Intl.Locale(lang).maximize().region === 'US';
  } catch {
    return true;
  }
}

function money(amount: number, currency: string, lang: string): string {
  const digits = decimalsOf(currency);
  return new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}

function pageView(
  core: Core,
  record: CheckoutSessionRecord,
  publishableKey: string,
  lang: string
): CheckoutPageView {
  const session = record.session;
  const currency = session.currency ?? 'usd';
  const total = session.amount_total ?? 0;
  return {
    sessionId: session.id,
    publishableKey,
    lang,
    unitedStates: isUnitedStates(lang),
    lines: record.lineItems.map((item) => {
      const product = core.state.products.get(item.price.product as string);
      return {
        name: product?.name ?? item.description ?? '',
        description: product?.description ?? null,
        image: product?.images[0] ?? null,
        quantity: item.quantity ?? 1,
        unitAmount: money(item.price.unit_amount ?? 0, currency, lang),
        // Before its share of the discount and its tax, as Stripe lists items.
        amount: money(item.amount_subtotal, currency, lang),
      };
    }),
    subtotal: money(session.amount_subtotal ?? total, currency, lang),
    ...summaryRows(core, record, lang),
    total: money(total, currency, lang),
    email: session.customer_details?.email ?? session.customer_email,
    emailLocked: session.customer_email !== null,
    cancelUrl: session.cancel_url,
    scriptSrc: '/checkout/pay.js',
  };
}

function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], {type: 'region'}).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The rows between the subtotal and the total, and the address form when one is collected. */
function summaryRows(
  core: Core,
  record: CheckoutSessionRecord,
  lang: string
): Pick<
  CheckoutPageView,
  'discount' | 'shipping' | 'tax' | 'shippingCountries'
> {
  const session = record.session;
  const currency = session.currency ?? 'usd';
  const totals = session.total_details;
  const couponId = session.discounts?.[0]?.coupon;
  const coupon =
    typeof couponId === 'string' ? core.state.coupons.get(couponId) : null;
  const rateId = session.shipping_cost?.shipping_rate;
  const rate =
    typeof rateId === 'string' ? core.state.shippingRates.get(rateId) : null;
  const shippingAmount = totals?.amount_shipping ?? 0;
  const collection = session.shipping_address_collection;
  return {
    discount:
      totals && totals.amount_discount > 0
        ? {
            label: coupon?.name ?? 'Discount',
            amount: `−${money(totals.amount_discount, currency, lang)}`,
          }
        : null,
    shipping: rate
      ? {
          label: rate.display_name ?? '',
          amount:
            shippingAmount === 0
              ? 'Free'
              : money(shippingAmount, currency, lang),
        }
      : null,
    tax:
      totals && totals.amount_tax > 0
        ? {
            amount: money(totals.amount_tax, currency, lang),
            inclusive: record.inclusiveTax === totals.amount_tax,
          }
        : null,
    shippingCountries: collection
      ? collection.allowed_countries.map((code) => ({
          code,
          name: countryName(code, lang),
        }))
      : null,
  };
}

/** What the page's script is told after each step. */
function state(core: Core, record: CheckoutSessionRecord, origin: string) {
  const session = record.session;
  const error = intentOf(core, record)?.intent.last_payment_error;
  return {
    status: session.status,
    payment_status: session.payment_status,
    redirect_url:
      session.status === 'complete' ? successRedirect(record, origin) : null,
    error: error ? {code: error.code ?? null, message: error.message} : null,
  };
}

/**
 * The address the buyer typed, when the session collects one: Checkout asks for the name, the
 * street, the city and the postal code, in one of `allowed_countries`.
 */
function readCollectedShipping(record: CheckoutSessionRecord, params: Params) {
  const collection = record.session.shipping_address_collection;
  if (!collection) {
    if (params.shipping !== undefined) throw unknownParameter('shipping');
    return null;
  }
  const shipping = readShipping(params, 'shipping', {line1Required: true});
  if (!shipping) throw missingParameter('shipping[name]');
  const address = shipping.address!;
  for (const field of ['city', 'postal_code', 'country'] as const) {
    if (!address[field]) throw missingParameter(`shipping[address][${field}]`);
  }
  if (!collection.allowed_countries.includes(address.country as never)) {
    throw invalidRequest(`This shop does not ship to ${address.country}.`, {
      param: 'shipping[address][country]',
    });
  }
  return {name: shipping.name!, address};
}

export function checkoutPageRoutes(options: CheckoutPageOptions) {
  const {core, publishableKey} = options;
  const app = new Hono<Env>();

  function checkKey(key: string | null | undefined) {
    if (key !== publishableKey) {
      throw authenticationError(
        key ? 'Invalid API Key provided.' : 'You did not provide an API key.'
      );
    }
  }

  app.get('/pay/:id', (c) => {
    expireDue(core);
    const record = core.state.checkoutSessions.get(c.req.param('id'));
    const lang = pageLocale(
      record?.session.locale ?? null,
      c.req.header('Accept-Language')
    );
    if (!record) {
      return servePage(
        checkoutMessagePage({
          lang,
          title: 'This page is not available',
          text: 'There is no checkout at this address. The link may be mistyped, or the shop may have started a new checkout.',
          link: null,
        }),
        404
      );
    }
    const session = record.session;
    const origin = new URL(c.req.url).origin;
    if (session.status === 'expired') {
      return servePage(
        checkoutMessagePage({
          lang,
          title: 'This checkout has expired',
          text: 'The time to pay for this order has run out, so it can no longer be paid here. Go back to the shop to start again.',
          link: session.cancel_url
            ? {href: session.cancel_url, label: 'Back', back: true}
            : null,
        })
      );
    }
    if (session.status === 'complete') {
      const total = money(
        session.amount_total ?? 0,
        session.currency ?? 'usd',
        lang
      );
      const paid = session.payment_status === 'paid';
      return servePage(
        checkoutMessagePage({
          lang,
          title: paid
            ? 'Thanks for your payment'
            : 'Your payment is processing',
          text: paid
            ? `Your payment of ${total} is complete.`
            : `Your payment of ${total} is on its way; the shop will confirm your order once it arrives.`,
          link: session.success_url
            ? {
                href: successRedirect(record, origin),
                label: 'Return to the shop',
                back: false,
              }
            : null,
        })
      );
    }
    return servePage(
      checkoutPage(pageView(core, record, publishableKey, lang))
    );
  });

  app.post('/pay/:id/confirm', (c) => {
    const params = c.get('params');
    checkParams(params, {
      key: true,
      payment_method: true,
      email: true,
      shipping: SHIPPING_SHAPE,
    });
    checkKey(readString(params, 'key'));
    const record = findSession(core, c.req.param('id'));
    const shipping = readCollectedShipping(record, params);
    const email = readEmail(params, 'email');
    if (!email) throw missingParameter('email');
    const methodId = readString(params, 'payment_method');
    if (!methodId) throw missingParameter('payment_method');
    const method = findPaymentMethod(core, methodId, 'payment_method');
    if (method.consumed) {
      throw invalidRequest('This PaymentMethod has already been used.', {
        param: 'payment_method',
      });
    }
    const origin = new URL(c.req.url).origin;
    const result = pay(
      core,
      record,
      method,
      {
        email,
        postalCode: method.method.billing_details.address?.postal_code ?? null,
        shipping,
      },
      {origin, request: requestInfo(c)}
    );
    if (result.kind === 'declined') {
      throw declineError(result);
    }
    const intent = intentOf(core, record)!.intent;
    return c.json({
      ...state(core, record, origin),
      ...(result.kind === 'requires_action' && {
        next_action: {
          type: 'three_d_secure',
          payment_intent: intent.id,
          client_secret: intent.client_secret,
        },
      }),
    });
  });

  app.get('/pay/:id/status', (c) => {
    const params = c.get('params');
    checkParams(params, {key: true});
    checkKey(readString(params, 'key'));
    const record = findSession(core, c.req.param('id'));
    return c.json(state(core, record, new URL(c.req.url).origin));
  });

  return app;
}

/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The checkout's phases as a pure state machine: for each thing that happens (a quote came,
 * the buyer pressed Pay, the provider or the server said how the payment went), the state
 * the buyer sees next and the public events that announce it. No DOM and no I/O, so it is
 * tested on its own (test/widget/phases.test.ts); the payment controller feeds it and does
 * what a step asks (fire the events, poll the order, give the focus back to Pay).
 *
 *   loading ─▶ ready ─pay─▶ paying ─confirmed─▶ confirming ─paid─▶ success
 *      │      (empty)  ▲       │                    │
 *      ▼               └───────┴─ declined, canceled, price changed, order failed
 *    error                     └─ may have been charged ─▶ done ◀─ needs review, timed out
 */
import type {OrderResponse, Quote} from '../../contract.js';
import type {PayEventDetails, ProviderName} from '../../internal/events.js';
import type {HostedReturn} from '../../internal/hosted.js';
import {errorMessage, type Messages} from '../../internal/messages.js';
import type {PollResult} from '../../internal/poll.js';
import type {PaymentOutcome} from '../../internal/providers/provider.js';

/**
 * - `loading`: fetching the config and the first quote (skeleton).
 * - `empty`: no items. `ready`: quote shown, payable once the provider is mounted.
 * - `paying`: a payment attempt is in flight. `confirming`: polling the order.
 * - `success`: the order is paid. `done`: ended without success and must not be retried
 *   (needs review, confirmation timed out, a return to a page without a cart).
 *   `error`: the checkout could not load.
 */
type Phase =
  | 'loading'
  | 'empty'
  | 'ready'
  | 'paying'
  | 'confirming'
  | 'success'
  | 'done'
  | 'error';

export interface CheckoutState {
  readonly phase: Phase;
  /** The server's quote: the lines and the total the buyer sees and pays. */
  readonly quote: Quote | null;
  /** A cart change is waiting for its quote: the shown total is stale, so Pay waits. */
  readonly quoting: boolean;
  /** Set synchronously on Pay, so a second click in the same task is ignored too. */
  readonly inFlight: boolean;
  /** The error region's text (`role="alert"`). */
  readonly error: string;
  /** The status region's text (`role="status"`): confirming, redirecting, paid, canceled. */
  readonly status: string;
}

/** A public event to fire: its name and detail. */
type Announcement = {
  [K in keyof PayEventDetails]: [name: K, detail: PayEventDetails[K]];
}[keyof PayEventDetails];

/** Where a payment transition leads, and what the controller does about it. */
export interface Step {
  state: CheckoutState;
  /** Fired in this order, once `state` is applied. */
  events: Announcement[];
  /** The server repriced the cart: the providers show this quote's amount. */
  requoted?: Quote;
  /** The provider took the payment: poll this order until the server says how it ended. */
  confirm?: {orderId: string; orderToken: string};
  /** Payable again: Pay gets the focus back if disabling it lost it. */
  refocus?: boolean;
  /** The page is being left for the provider's: if Back restores it from the cache, `restored()`. */
  leaving?: boolean;
}

export const initialState: CheckoutState = {
  phase: 'loading',
  quote: null,
  quoting: false,
  inFlight: false,
  error: '',
  status: '',
};

/** Paid, or ended for good: the cart and the form are settled. */
export const ended = (state: CheckoutState) =>
  state.phase === 'success' || state.phase === 'done';

/** A payment is being made or confirmed: Pay shows progress. */
export const busy = (state: CheckoutState) =>
  state.phase === 'paying' || state.phase === 'confirming';

/** The email and the provider choice can be changed (not while paying, nor once ended). */
export const editable = (state: CheckoutState) =>
  state.phase === 'ready' || state.phase === 'error';

/** A payment may start: the quote is shown and current, and no attempt is under way. */
export const payable = (state: CheckoutState) =>
  state.phase === 'ready' && !!state.quote && !state.quoting && !state.inFlight;

/** A cart change may be re-quoted: loaded, and no payment under way or settled. */
export const requotable = (state: CheckoutState) =>
  state.phase !== 'loading' && !state.inFlight && !ended(state);

/**
 * The page is the return of a payment and has no cart of its own (a bare element on a
 * return page): only the outcome is shown, no Pay button and no "cart is empty".
 */
export function bareReturn(state: CheckoutState): boolean {
  if (state.quote) return false;
  if (state.phase === 'empty') return !!(state.status || state.error);
  return state.phase !== 'loading' && state.phase !== 'error';
}

// ---- Loading and the cart -----------------------------------------------------------------

/** (Re)connecting: the skeleton, no message. The last quote stays until the next one. */
export const loading = (state: CheckoutState): CheckoutState => ({
  ...initialState,
  quote: state.quote,
});

/** A cart change is waiting for its quote. */
export const requoting = (state: CheckoutState): CheckoutState => ({
  ...state,
  quoting: true,
});

/** The server's quote for the cart, or `null` for an empty cart. */
export const quoted = (
  state: CheckoutState,
  quote: Quote | null
): CheckoutState => ({
  ...state,
  quote,
  quoting: false,
  phase: quote ? 'ready' : 'empty',
});

/** The re-quote failed: the last quote stays (see `failed`). */
export const quoteFailed = (state: CheckoutState): CheckoutState => ({
  ...state,
  quoting: false,
});

/** Loading, re-quoting or loading a provider failed: a checkout with a quote stays payable. */
export function failed(
  state: CheckoutState,
  code: string,
  t: Messages,
  provider: ProviderName | undefined
): Step {
  const message = errorMessage(t, code);
  return {
    state: {...state, phase: state.quote ? 'ready' : 'error', error: message},
    events: [['pay-error', {code, message, provider}]],
  };
}

/** A provider's failure outside a payment attempt (its form failed to load). */
export function reported(
  state: CheckoutState,
  code: string,
  providerMessage: string | undefined,
  t: Messages,
  provider: ProviderName
): Step {
  const message = errorMessage(t, code, providerMessage);
  return {
    state: {...state, error: message},
    events: [['pay-error', {code, message, provider}]],
  };
}

/** Shows `error` in the error region (or clears it), nothing else. */
export const withError = (
  state: CheckoutState,
  error: string
): CheckoutState => ({...state, error});

/** Clears both message regions (another provider was chosen). */
export const cleared = (state: CheckoutState): CheckoutState => ({
  ...state,
  error: '',
  status: '',
});

// ---- Paying -------------------------------------------------------------------------------

/** Pay was pressed (and `pay-submit` not cancelled): busy, the old messages gone. */
export const paying = (state: CheckoutState): CheckoutState => ({
  ...state,
  inFlight: true,
  phase: 'paying',
  error: '',
  status: '',
});

/** A payment this page returns to (a redirect, the hosted page) is being finished. */
export const resuming = (state: CheckoutState): CheckoutState => ({
  ...state,
  inFlight: true,
  phase: 'paying',
});

/** The element went away: no attempt is under way any more. */
export const stopped = (state: CheckoutState): CheckoutState => ({
  ...state,
  inFlight: false,
  quoting: false,
});

/** How a return from a hosted payment page ends the payment it started. */
export function hostedOutcome(returned: HostedReturn): PaymentOutcome {
  const {order} = returned;
  if (returned.result === 'cancel') return {type: 'canceled'};
  if (order)
    return {
      type: 'confirmed',
      orderId: order.orderId,
      orderToken: order.orderToken,
    };
  // Paid maybe, but not from this tab: without the token the order cannot be read.
  return {type: 'failed', code: 'order_not_found', final: true};
}

/** Back to `ready`: the buyer may pay again. */
const retryable = (state: CheckoutState): CheckoutState => ({
  ...state,
  inFlight: false,
  // Without a cart (a return page), there is nothing to pay until items are added.
  phase: state.quote ? 'ready' : 'empty',
  status: '',
});

const finish = (
  state: CheckoutState,
  phase: 'success' | 'done',
  error: string
): CheckoutState => ({...state, inFlight: false, phase, status: '', error});

/** A quote's lines as the cart they price. */
const itemsOf = (quote: Quote) =>
  quote.lines.map(({sku, quantity}) => ({sku, quantity}));

/** The attempt ended as the provider says. */
export function settle(
  state: CheckoutState,
  outcome: PaymentOutcome,
  t: Messages,
  provider: ProviderName
): Step {
  switch (outcome.type) {
    case 'confirmed':
      return {
        state: {...state, phase: 'confirming', status: t.confirming},
        events: [],
        confirm: {orderId: outcome.orderId, orderToken: outcome.orderToken},
      };
    case 'price_changed': {
      // Nothing was charged: show the new total and let the buyer decide again.
      const {quote} = outcome;
      return {
        state: {...retryable(quoted(state, quote)), error: t.pricesChanged},
        events: [
          // The cart as the server priced it (the same SKUs and quantities, merged).
          ['pay-change', {quote, items: itemsOf(quote)}],
          [
            'pay-error',
            {code: 'price_changed', message: t.pricesChanged, provider},
          ],
        ],
        requoted: quote,
        refocus: true,
      };
    }
    case 'canceled':
      // The buyer closed the provider's window or came back from its page: not an error,
      // but say that nothing happened.
      return {
        state: {...retryable(state), error: '', status: t.canceled},
        events: [['pay-cancel', {provider, reason: 'buyer'}]],
        refocus: true,
      };
    case 'redirected':
      // The page is being left for the provider's: busy until it unloads.
      return {
        state: {...state, status: t.redirecting},
        events: [],
        leaving: true,
      };
    case 'failed': {
      const message = errorMessage(t, outcome.code, outcome.message);
      return {
        state: outcome.final
          ? finish(state, 'done', message)
          : {...retryable(state), error: message},
        events: [
          [
            'pay-error',
            {code: outcome.code, message, provider, orderId: outcome.orderId},
          ],
        ],
        refocus: !outcome.final,
      };
    }
  }
}

/** The buyer came Back from the provider's page and the browser restored this one. */
export const restored = (state: CheckoutState): Step => ({
  state: retryable(state),
  events: [],
  refocus: true,
});

/** An order as a quote: what a return page without a cart shows once the payment is confirmed. */
function quoteOf(order: OrderResponse): Quote {
  return {
    currency: order.currency,
    lines: order.lines,
    subtotal: order.subtotal,
    discount: order.discount,
    shipping: order.shipping,
    tax: order.tax,
    taxInclusive: order.taxInclusive,
    total: order.total,
    requiresShipping: order.shippingAddress !== undefined,
    shippingRates: order.shippingRate ? [{...order.shippingRate}] : [],
    ...(order.shippingRate && {shippingRate: order.shippingRate.id}),
    ...(order.discountCode && {
      discountCode: {code: order.discountCode, status: 'applied' as const},
    }),
  };
}

/** What polling the order said: paid, failed, or neither in time. */
export function confirmed(
  state: CheckoutState,
  result: PollResult,
  orderId: string,
  t: Messages,
  provider: ProviderName
): Step {
  const order = result.order;
  if (!result.settled || !order) {
    const message = t.timeout(orderId);
    return {
      state: finish(state, 'done', message),
      events: [
        [
          'pay-error',
          {code: 'confirmation_timeout', message, provider, orderId},
        ],
      ],
    };
  }
  if (order.status === 'needs_review') {
    const message = t.needsReview(orderId);
    return {
      state: finish(state, 'done', message),
      events: [
        ['pay-error', {code: 'order_needs_review', message, provider, orderId}],
      ],
    };
  }
  if (order.status === 'failed' || order.status === 'canceled') {
    const message = t.errors.payment_failed!;
    return {
      state: {...retryable(state), error: message},
      events: [
        ['pay-error', {code: 'payment_failed', message, provider, orderId}],
      ],
      refocus: true,
    };
  }
  // paid (or already past it: refunded, disputed…): the money moved. A return page without
  // a cart shows what was bought.
  return {
    state: {
      ...finish(state, 'success', ''),
      quote: state.quote ?? quoteOf(order),
      status: t.success(order.id),
    },
    events: [
      [
        'pay-success',
        {
          orderId: order.id,
          status: order.status,
          total: order.total,
          currency: order.currency,
          provider,
        },
      ],
    ],
  };
}

/** The order could not be read (not found, not ours): the payment may have gone through. */
export function unconfirmed(
  state: CheckoutState,
  code: string,
  orderId: string,
  t: Messages,
  provider: ProviderName
): Step {
  const message = errorMessage(t, code);
  return {
    state: finish(state, 'done', message),
    events: [['pay-error', {code, message, provider, orderId}]],
  };
}

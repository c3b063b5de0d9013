/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Leaving for a hosted payment page and coming back. Before the browser leaves, the order (id
 * and token) is remembered in sessionStorage under a random key that also travels in the
 * return URLs (`?pay_checkout_return=success&pay_checkout_attempt=<key>`), so that checkouts
 * in other elements or tabs never read each other's order. The page that loads with those
 * parameters (any page with a <pay-checkout>, whatever its mode or cart) claims the return
 * once: it reads and forgets the order and cleans the address bar in one synchronous step, so
 * that of several elements exactly one handles it and a reload does not replay it.
 */
import type {ProviderName} from './events.js';

export const RETURN_PARAM = 'pay_checkout_return';
export const ATTEMPT_PARAM = 'pay_checkout_attempt';

/** What is remembered while the buyer is on the provider's page. */
interface HostedOrder {
  orderId: string;
  orderToken: string;
  provider: ProviderName;
  mode: 'hosted';
}

/** A return from the provider's page; `order` is missing when this browser tab did not start it. */
export interface HostedReturn {
  result: 'success' | 'cancel';
  order?: HostedOrder;
}

const storageKey = (attempt: string) => `pay-checkout:hosted:${attempt}`;

/** `returnUrl` marked as a success and as a cancel return of `attempt`. */
export function hostedReturnUrls(
  returnUrl: string,
  attempt: string
): {successUrl: string; cancelUrl: string} {
  const mark = (result: HostedReturn['result']) => {
    const url = new URL(returnUrl);
    url.searchParams.set(RETURN_PARAM, result);
    url.searchParams.set(ATTEMPT_PARAM, attempt);
    return url.href;
  };
  return {successUrl: mark('success'), cancelUrl: mark('cancel')};
}

// sessionStorage can be unavailable (storage disabled, some private modes): the return then
// cannot find its order and says so, but the payment itself still goes through.
export function rememberHostedOrder(attempt: string, order: HostedOrder): void {
  try {
    sessionStorage.setItem(storageKey(attempt), JSON.stringify(order));
  } catch {
    /* see above */
  }
}

function takeHostedOrder(attempt: string | null): HostedOrder | undefined {
  if (!attempt) return undefined;
  try {
    const key = storageKey(attempt);
    const raw = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
    const order = raw ? (JSON.parse(raw) as Partial<HostedOrder>) : undefined;
    return typeof order?.orderId === 'string' &&
      typeof order.orderToken === 'string'
      ? (order as HostedOrder)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The return this page is loading with, if any: the order is taken out of sessionStorage and
 * the parameters out of the address bar (`history.replaceState`, no reload).
 */
export function claimHostedReturn(): HostedReturn | null {
  const url = new URL(location.href);
  const result = url.searchParams.get(RETURN_PARAM);
  if (result !== 'success' && result !== 'cancel') return null;
  const order = takeHostedOrder(url.searchParams.get(ATTEMPT_PARAM));
  url.searchParams.delete(RETURN_PARAM);
  url.searchParams.delete(ATTEMPT_PARAM);
  history.replaceState(history.state, '', url);
  return {result, order};
}

/**
 * One buyer's trip from a click on the button to the merchant's `onApprove` (or `onCancel`, or
 * `onError`), in the order PayPal's buttons run it:
 *
 * 1. the approval window opens at once (the click is the only moment a browser allows it);
 * 2. `onClick` may stop everything; `createOrder` returns the order id;
 * 3. the order is read back and must be in the SDK's currency and intent;
 * 4. the window shows `/checkoutnow?token=…` and the buyer answers; a change of address or
 *    shipping option there runs the merchant's shipping callbacks first (shipping-callbacks.ts);
 * 5. `onApprove(data, actions)` runs while the window stays open, so `actions.restart()` (after
 *    an INSTRUMENT_DECLINED capture) can send the buyer back to the approval page; otherwise
 *    the window closes.
 */
import type {
  OnApproveActions,
  OnApproveData,
  OnClickActions,
  PayPalButtonsComponentOptions,
} from '@paypal/paypal-js';
import type {Api} from './api.js';
import {openPopup} from '../../../shared/browser/popup.js';
import {checkoutUrl, waitForOutcome} from './popup.js';
import type {ScriptParams} from './script-params.js';
import {shippingHandler} from './shipping-callbacks.js';

interface SessionContext {
  params: ScriptParams;
  api: Api;
  channel: string;
  /** The current props (updateProps() may change them between clicks). */
  options(): PayPalButtonsComponentOptions;
}

export interface CheckoutSession {
  /** Resolves when the trip has ended, whichever way. */
  done: Promise<void>;
  focus(): void;
  close(): void;
}

function reportError(
  options: PayPalButtonsComponentOptions,
  error: unknown
): void {
  const err = error instanceof Error ? error : new Error(String(error));
  if (options.onError)
    options.onError(err as unknown as Record<string, unknown>);
  else console.error(err);
}

/** `onClick` may return false or call `actions.reject()` to stop the checkout. */
async function clickAllowed(
  options: PayPalButtonsComponentOptions
): Promise<boolean> {
  if (!options.onClick) return true;
  let rejected = false;
  const actions: OnClickActions = {
    resolve: async () => undefined,
    reject: async () => {
      rejected = true;
    },
  };
  const result: unknown = await options.onClick(
    {fundingSource: 'paypal'},
    actions
  );
  return !rejected && result !== false;
}

/** Mirrors PayPal's own checks of the order against the script's query. */
async function checkOrder(
  context: SessionContext,
  orderID: string
): Promise<void> {
  const order = await context.api.getOrder(orderID);
  const currency = order.purchase_units?.[0]?.amount?.currency_code;
  const expected = context.params.currency;
  if (currency && currency !== expected) {
    throw new Error(
      `Expected currency from order api call to be ${expected}, got ${currency}. Please ensure you are passing currency=${currency} to the sdk url. https://developer.paypal.com/docs/checkout/reference/customize-sdk/`
    );
  }
  const intent = order.intent?.toLowerCase();
  if (intent && intent !== context.params.intent) {
    throw new Error(
      `Expected intent from order api call to be ${context.params.intent}, got ${intent}. Please ensure you are passing intent=${intent} to the sdk url. https://developer.paypal.com/docs/checkout/reference/customize-sdk/`
    );
  }
}

export function startCheckout(context: SessionContext): CheckoutSession {
  const {params, api, channel} = context;
  const name = `paypal_emulator_checkout_${channel}`;
  let popup = openPopup(name);
  let stopped = false;

  function closePopup(): void {
    if (popup && !popup.closed) popup.close();
  }

  async function run(): Promise<void> {
    const options = context.options();
    if (!popup) {
      reportError(
        options,
        new Error(
          'The PayPal window could not be opened: the browser blocked the popup.'
        )
      );
      return;
    }
    let orderID: string | undefined;
    try {
      if (!(await clickAllowed(options))) return closePopup();
      if (!options.createOrder)
        throw new Error('Expected createOrder to be passed');
      const created: unknown = await options.createOrder(
        {paymentSource: 'paypal'},
        {order: {create: async (body) => (await api.createOrder(body)).id!}}
      );
      if (typeof created !== 'string' || created === '') {
        throw new Error('Expected an order id to be passed');
      }
      orderID = created;
      if (stopped) return;
      if (popup.closed)
        return void options.onCancel?.({orderID}, {redirect: () => undefined});
      await checkOrder(context, orderID);
    } catch (error) {
      closePopup();
      return reportError(options, error);
    }

    for (let attempt = 1; ; attempt++) {
      if (!popup || popup.closed) {
        // Only after actions.restart() without a window: try to open one again.
        popup = openPopup(name);
        if (!popup) {
          return reportError(
            options,
            new Error('The PayPal window could not be reopened.')
          );
        }
      }
      popup.location.replace(
        checkoutUrl(params.origin, orderID, channel, attempt, params.locale)
      );
      const outcome = await waitForOutcome(
        popup,
        params.origin,
        channel,
        shippingHandler(api, context.options, orderID)
      );
      if (stopped) return;
      if (outcome.type === 'closed' || outcome.type === 'cancelled') {
        closePopup();
        context.options().onCancel?.({orderID}, {redirect: () => undefined});
        return;
      }
      if (outcome.type === 'error') {
        closePopup();
        return reportError(context.options(), new Error(outcome.message));
      }
      let restart = false;
      const id = orderID;
      const actions: OnApproveActions = {
        order: {
          capture: () => api.captureOrder(id),
          get: () => api.getOrder(id),
          authorize: () =>
            Promise.reject(
              new Error(
                'actions.order.authorize() is not emulated: intent=capture only'
              )
            ),
          patch: () =>
            Promise.reject(
              new Error(
                'actions.order.patch() is not emulated by the PayPal emulator'
              )
            ),
        },
        restart: () => {
          restart = true;
        },
        redirect: (url: string) => {
          closePopup();
          window.location.assign(url);
        },
      };
      const data: OnApproveData = {
        orderID: id,
        payerID: outcome.payerID,
        paymentID: null,
        billingToken: null,
        facilitatorAccessToken: await api.facilitatorAccessToken(),
      };
      const current = context.options();
      try {
        if (current.onApprove) await current.onApprove(data, actions);
        // Without onApprove, PayPal captures client-side.
        else await actions.order!.capture();
      } catch (error) {
        closePopup();
        return reportError(current, error);
      }
      if (!restart || stopped) return closePopup();
    }
  }

  const done = run()
    .catch((error: unknown) => reportError(context.options(), error))
    .finally(() => {
      stopped = true;
    });
  return {
    done,
    focus: () => popup?.focus(),
    close() {
      stopped = true;
      closePopup();
    },
  };
}

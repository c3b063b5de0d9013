/**
 * PayPal through Braintree as braintree-web's `paypal-checkout` runs it for Drop-in's PayPal sheet
 * (`flow: 'checkout'`, a one-time payment):
 *
 * 1. the approval window opens on the buyer's click (../../shared/browser/popup.ts);
 * 2. `POST …/v1/paypal_hermes/create_payment_resource` opens the payment for the amount and
 *    currency; its `redirectUrl` is the approval page, on the emulator's origin;
 * 3. the buyer approves or cancels there; the window posts the answer back (checked for origin,
 *    source window and channel) and closes; a window closed by hand is a cancel;
 * 4. `POST …/v1/payment_methods/paypal_accounts` turns the approved payment into a single-use
 *    `PayPalAccount` nonce.
 *
 * Runs in the browser.
 */
import {BraintreeError, type Authorization} from './client-token.js';
import {
  encodeFrameParams,
  isEnvelope,
  type PaypalAccount,
  type PaypalWindowMessage,
} from './protocol.js';

/** Drop-in's `paypal` option, the parts a one-time checkout reads. */
export interface PaypalOptions {
  flow?: string;
  amount?: string | number;
  currency?: string;
  intent?: string;
}

const LIBRARY = 'braintree/web/3.123.2';

async function clientApi(
  authorization: Authorization,
  path: string,
  body: object
): Promise<Record<string, unknown> | undefined> {
  const response = await fetch(`${authorization.clientApiUrl}${path}`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({
      ...body,
      authorizationFingerprint: authorization.authorizationFingerprint,
      braintreeLibraryVersion: LIBRARY,
    }),
  });
  if (!response.ok) return undefined;
  return (await response.json().catch(() => undefined)) as
    Record<string, unknown> | undefined;
}

/** braintree-web's check before it opens a payment: a checkout needs an amount and a currency. */
export function checkPaypalOptions(paypal: PaypalOptions): void {
  if (paypal.flow !== 'checkout')
    throw new BraintreeError(
      'PAYPAL_FLOW_OPTION_REQUIRED',
      'MERCHANT',
      'PayPal flow property is invalid or missing.'
    );
}

function waitForAnswer(
  popup: Window,
  emulatorOrigin: string,
  channel: string
): Promise<PaypalWindowMessage | {type: 'closed'}> {
  return new Promise((resolve) => {
    function finish(answer: PaypalWindowMessage | {type: 'closed'}): void {
      window.removeEventListener('message', listener);
      clearInterval(timer);
      resolve(answer);
    }
    function listener(event: MessageEvent): void {
      if (event.origin !== emulatorOrigin || event.source !== popup) return;
      if (!isEnvelope<PaypalWindowMessage>(event.data, channel)) return;
      finish(event.data);
    }
    window.addEventListener('message', listener);
    // No event tells an opener that a cross-origin window closed: look.
    const timer = setInterval(() => {
      if (popup.closed) finish({type: 'closed'});
    }, 250);
  });
}

/**
 * The approval in `popup` (already open): the tokenised account, or undefined when the buyer
 * cancelled. Rejects with braintree-web's `PAYPAL_FLOW_FAILED` or
 * `PAYPAL_ACCOUNT_TOKENIZATION_FAILED`.
 */
export async function approveWithPaypal(options: {
  popup: Window;
  authorization: Authorization;
  paypal: PaypalOptions;
  emulatorOrigin: string;
  locale: string | undefined;
  translations: Record<string, string> | undefined;
}): Promise<PaypalAccount | undefined> {
  const {popup, authorization, paypal, emulatorOrigin} = options;
  const flowFailed = () =>
    new BraintreeError(
      'PAYPAL_FLOW_FAILED',
      'NETWORK',
      'Could not initialize PayPal flow.'
    );
  const created = await clientApi(
    authorization,
    '/v1/paypal_hermes/create_payment_resource',
    {
      amount: String(paypal.amount ?? ''),
      currencyIsoCode: paypal.currency ?? '',
      intent: paypal.intent ?? 'authorize',
      offerPaypalCredit: false,
      returnUrl: `${location.origin}/braintree-paypal-return`,
      cancelUrl: `${location.origin}/braintree-paypal-cancel`,
      experienceProfile: {noShipping: true, addressOverride: false},
    }
  ).catch(() => undefined);
  const resource = created?.paymentResource as
    {paymentToken?: string; redirectUrl?: string} | undefined;
  if (!resource?.paymentToken || !resource.redirectUrl) {
    popup.close();
    throw flowFailed();
  }
  const channel = crypto.randomUUID();
  popup.location.href = `${resource.redirectUrl}#${encodeFrameParams({
    channel,
    origin: location.origin,
    clientApiUrl: authorization.clientApiUrl,
    authorizationFingerprint: authorization.authorizationFingerprint,
    locale: options.locale,
    translations: options.translations,
  })}`;
  const answer = await waitForAnswer(popup, emulatorOrigin, channel);
  if (answer.type !== 'paypal-approved') return undefined;
  const tokenized = await clientApi(
    authorization,
    '/v1/payment_methods/paypal_accounts',
    {
      paypalAccount: {
        correlationId: answer.paymentToken,
        options: {validate: false},
        paymentToken: answer.paymentToken,
        payerId: answer.payerId,
        unilateral: false,
        intent: paypal.intent ?? 'authorize',
      },
    }
  ).catch(() => undefined);
  const account = (
    tokenized?.paypalAccounts as
      {nonce?: string; details?: {payerInfo?: {email?: string}}}[] | undefined
  )?.[0];
  const payer = account?.details?.payerInfo;
  if (!account?.nonce || typeof payer?.email !== 'string')
    throw new BraintreeError(
      'PAYPAL_ACCOUNT_TOKENIZATION_FAILED',
      'NETWORK',
      'Could not tokenize user’s PayPal account.'
    );
  // `_formatTokenizePayload`: the payer's details are the payload's.
  return {
    nonce: account.nonce,
    type: 'PayPalAccount',
    details: {...payer, email: payer.email},
  };
}

/**
 * `stripe.confirmPayment()` and `stripe.retrievePaymentIntent()` against the emulator, with the
 * real one's result shapes: card and API errors resolve `{error}` (never reject), successes
 * resolve `{paymentIntent}` or navigate to `return_url`, and 3-D Secure runs in between.
 */
import type {
  ConfirmPaymentData,
  PaymentIntent,
  PaymentIntentResult,
  StripeElements,
  StripeError,
} from '@stripe/stripe-js';
import type {Api} from '../api.js';
import type {AddressElementHandle} from './address-element.js';
import type {ElementsRegistry} from './elements.js';
import {IntegrationError, intentIdOf} from './integration.js';
import {openThreeDsChallenge} from './three-ds.js';

export interface ConfirmOptions {
  elements?: StripeElements;
  clientSecret?: string;
  confirmParams?: Partial<ConfirmPaymentData>;
  redirect?: 'always' | 'if_required';
}

interface ConfirmContext {
  api: Api;
  origin: string;
  publishableKey: string;
  registry: ElementsRegistry;
}

const AUTHENTICATION_FAILURE =
  'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

const SUCCEEDED = new Set(['succeeded', 'processing', 'requires_capture']);

export async function confirmPayment(
  context: ConfirmContext,
  options: ConfirmOptions
): Promise<PaymentIntentResult> {
  const group = options.elements
    ? context.registry.get(options.elements)
    : undefined;
  if (!group) {
    throw new IntegrationError(
      'stripe.confirmPayment(): pass the `elements` instance that created the Payment Element.'
    );
  }
  const clientSecret = options.clientSecret ?? group.clientSecret;
  const intentId = intentIdOf(clientSecret);
  if (!clientSecret || !intentId) {
    throw new IntegrationError(
      `Invalid value for stripe.confirmPayment(): clientSecret should be a PaymentIntent client secret of the form \${id}_secret_\${secret}. You specified: ${String(clientSecret)}.`
    );
  }
  if (group.deferred && !group.submitted) {
    throw new IntegrationError(
      'elements.submit() must be called before stripe.confirmPayment(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.'
    );
  }
  const redirect = options.redirect ?? 'always';
  const returnUrl = options.confirmParams?.return_url;
  if (redirect === 'always' && !returnUrl) {
    throw new IntegrationError(
      "stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`."
    );
  }
  if (!group.paymentElement) {
    throw new IntegrationError(
      'stripe.confirmPayment(): the Payment Element was not created.'
    );
  }

  const created = await group.paymentElement.createPaymentMethod();
  if ('error' in created) return {error: created.error};
  // As Stripe.js does: a shipping-mode Address Element of the same group is the intent's
  // shipping address.
  const shipping = await group.shippingAddress?.value();

  const confirmed = await context.api.post<PaymentIntent>(
    `/v1/payment_intents/${intentId}/confirm`,
    {
      client_secret: clientSecret,
      payment_method: created.paymentMethod,
      return_url: returnUrl,
      receipt_email: options.confirmParams?.receipt_email ?? undefined,
      ...(shipping && shippingParams(shipping)),
      // As Stripe.js does: next actions come back for the SDK to run (3-D Secure in a modal)
      // rather than as a redirect of the whole page.
      use_stripe_sdk: 'true',
    }
  );
  if (confirmed.error) return {error: confirmed.error};
  let intent = confirmed.data;

  if (intent.status === 'requires_action') {
    const nextAction = intent.next_action as
      {type: string; redirect_to_url?: {url?: string}} | null | undefined;
    if (
      nextAction?.type === 'redirect_to_url' &&
      nextAction.redirect_to_url?.url
    ) {
      return navigate(nextAction.redirect_to_url.url);
    }
    const challenge = await openThreeDsChallenge({
      origin: context.origin,
      publishableKey: context.publishableKey,
      intentId,
      clientSecret,
    });
    if ('error' in challenge) return {error: challenge.error};
    const retrieved = await retrievePaymentIntent(context, clientSecret);
    if (retrieved.error) return retrieved;
    intent = retrieved.paymentIntent;
    // Still waiting for the buyer after the challenge closed: authentication did not happen.
    if (intent.status === 'requires_action')
      return {error: paymentError(intent)};
  }

  if (intent.status === 'requires_payment_method')
    return {error: paymentError(intent)};
  if (SUCCEEDED.has(intent.status) && redirect === 'always' && returnUrl) {
    return navigate(returnUrlWith(returnUrl, intent, clientSecret));
  }
  return {paymentIntent: intent};
}

export async function retrievePaymentIntent(
  context: Pick<ConfirmContext, 'api'>,
  clientSecret: string
): Promise<PaymentIntentResult> {
  const intentId = intentIdOf(clientSecret);
  if (!intentId) {
    throw new IntegrationError(
      `Invalid value for retrievePaymentIntent: clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${clientSecret}.`
    );
  }
  const result = await context.api.get<PaymentIntent>(
    `/v1/payment_intents/${intentId}`,
    {
      client_secret: clientSecret,
    }
  );
  return result.error ? {error: result.error} : {paymentIntent: result.data};
}

/**
 * The error Stripe.js reports for an intent sent back to `requires_payment_method`: the
 * intent's last error, with Stripe.js's own wording for a failed authentication.
 */
function paymentError(intent: PaymentIntent): StripeError {
  const last = intent.last_payment_error;
  const code = last?.code ?? 'payment_intent_authentication_failure';
  const authentication = code === 'payment_intent_authentication_failure';
  return {
    type: (last?.type as StripeError['type'] | undefined) ?? 'card_error',
    code,
    ...(last?.decline_code ? {decline_code: last.decline_code} : {}),
    message: authentication
      ? AUTHENTICATION_FAILURE
      : (last?.message ?? AUTHENTICATION_FAILURE),
    payment_intent: intent,
  };
}

/** A shipping-mode Address Element's value as the confirmation's `shipping[…]` parameters. */
function shippingParams(
  value: NonNullable<Awaited<ReturnType<AddressElementHandle['value']>>>
): Record<string, string | undefined> {
  const {address} = value;
  return {
    'shipping[name]': value.name,
    'shipping[address][line1]': address.line1 || undefined,
    'shipping[address][line2]': address.line2 || undefined,
    'shipping[address][city]': address.city || undefined,
    'shipping[address][state]': address.state || undefined,
    'shipping[address][postal_code]': address.postal_code || undefined,
    'shipping[address][country]': address.country,
  };
}

function returnUrlWith(
  returnUrl: string,
  intent: PaymentIntent,
  clientSecret: string
): string {
  const url = new URL(returnUrl, location.href);
  url.searchParams.set('payment_intent', intent.id);
  url.searchParams.set('payment_intent_client_secret', clientSecret);
  url.searchParams.set(
    'redirect_status',
    intent.status === 'processing' ? 'processing' : 'succeeded'
  );
  return url.toString();
}

/** Like Stripe.js, a navigation never settles the promise: the page is going away. */
function navigate(url: string): Promise<never> {
  window.location.assign(url);
  return new Promise<never>(() => {});
}

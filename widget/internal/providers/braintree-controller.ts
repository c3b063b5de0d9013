/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Braintree's Drop-in UI (`braintree-web-drop-in`), with the element's Pay button. One checkout:
 *
 *   load        → Drop-in's script (Braintree's CDN; the emulator's fake in development) and
 *                 POST /api/braintree/client-token {currency} (the merchant account for it),
 *                 at once → dropin.create({authorization, container, locale, card, 3-D Secure})
 *   Pay         → requestPaymentMethod({threeDSecure: {amount, email, billingAddress}})
 *                 (Drop-in checks the form, tokenises the card, runs the bank's challenge; or
 *                 gives the PayPal account the buyer approved in PayPal's window, when the shop
 *                 links PayPal: Drop-in then first lists the ways to pay)
 *               → POST /api/braintree/transactions {order…, paymentMethodNonce, deviceData}
 *                 (the server reprices and charges the nonce once) → the element polls the order
 *   a decline   → the nonce is spent: Drop-in's form is cleared for the next card
 *
 * The client token names the merchant account, so another currency needs another token and
 * another Drop-in. This module is a lazily loaded chunk.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {
  Dropin,
  Options as DropinOptions,
  PaymentMethodPayload,
  cardPaymentMethodPayload,
} from 'braintree-web-drop-in';
import type {
  Address,
  BraintreeClientConfig,
  BraintreeClientTokenRequest,
  BraintreeClientTokenResponse,
  BraintreeTransactionRequest,
  BraintreeTransactionResponse,
  Quote,
} from '../../contract.js';
import type {Api} from '../api.js';
import type {ResolvedTheme} from '../theme.js';
import {braintreeMessages} from './braintree-messages.js';
import {dropinStyles, hostedFieldStyles} from './braintree-style.js';
import type {
  PaymentOutcome,
  PaymentRequest,
  ProviderContext,
  ProviderController,
  ProviderFactory,
} from './provider.js';
import {
  cspNonce,
  detailsOf,
  errorCode,
  injectScript,
  isCardDecline,
  providerError,
  refusal,
} from './shared.js';

/** Braintree's own Drop-in (the version whose API the types describe); never bundled. */
export const DROPIN_CDN =
  'https://js.braintreegateway.com/web/dropin/1.48.0/js/dropin.min.js';

type DropinModule = {create(options: DropinOptions): Promise<Dropin>};

/** Drop-in's script (the CDN's, or the emulator's fake), once per URL, and its global. */
async function loadDropin(
  config: BraintreeClientConfig,
  nonce: string | undefined
): Promise<DropinModule> {
  await injectScript(config.sdkUrl ?? DROPIN_CDN, nonce);
  const dropin = (window as {braintree?: {dropin?: DropinModule}}).braintree
    ?.dropin;
  if (!dropin)
    throw providerError('provider_unavailable', 'Drop-in did not load.');
  return dropin;
}

/** A client token for the currency's merchant account (a plain POST: it creates nothing). */
async function clientToken(api: Api, currency: string): Promise<string> {
  const body: BraintreeClientTokenRequest = {currency};
  let response: Response;
  try {
    response = await fetch(`${api.base}/api/braintree/client-token`, {
      method: 'POST',
      headers: {Accept: 'application/json', 'Content-Type': 'application/json'},
      body: JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw providerError(
      'network_error',
      'The checkout server could not be reached.'
    );
  }
  const answer = (await response.json().catch(() => undefined)) as
    | Partial<BraintreeClientTokenResponse & {error: {code?: string}}>
    | undefined;
  if (!response.ok || typeof answer?.clientToken !== 'string')
    throw providerError(
      answer?.error?.code ?? 'provider_unavailable',
      'No Braintree client token.'
    );
  return answer.clientToken;
}

/**
 * Whether the token's merchant has 3-D Secure: the token is base64 JSON whose
 * `threeDSecureEnabled` says so (Drop-in's create fails when asked for 3-D Secure without it).
 * A token that does not say is taken to have it: Europe's cards need it.
 */
function threeDSecureEnabled(token: string): boolean {
  try {
    return (
      (JSON.parse(atob(token)) as {threeDSecureEnabled?: unknown})
        .threeDSecureEnabled !== false
    );
  } catch {
    return true;
  }
}

/**
 * Drop-in's locales (`src/translations/index.js`) for the element's languages: five-character
 * codes; a language Drop-in lacks is left to Drop-in (the browser's language).
 */
const DROPIN_LOCALES: Record<string, string> = {
  en: 'en_US',
  de: 'de_DE',
  fr: 'fr_FR',
  es: 'es_ES',
  it: 'it_IT',
  nl: 'nl_NL',
  pt: 'pt_BR',
  ja: 'ja_JP',
  zh: 'zh_CN',
  ar: 'ar_EG',
};

/** `de-AT` → de_DE, `en-GB` → en_GB, `pt-PT` → pt_PT, `zh-TW` → zh_TW, `zh-Hans` → zh_CN. */
export function dropinLocale(tag: string): string | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
  const {language, region} = locale;
  if (language === 'zh' && locale.script === 'Hant')
    return region === 'HK' ? 'zh_HK' : 'zh_TW';
  if (language === 'en' && (region === 'GB' || region === 'AU'))
    return `en_${region}`;
  if (language === 'fr' && region === 'CA') return 'fr_CA';
  if (language === 'pt' && region === 'PT') return 'pt_PT';
  return DROPIN_LOCALES[language];
}

/** Minor units as the decimal string Braintree takes (`1234` USD → `12.34`, JPY → `1234`). */
export function decimalAmount(minor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', {style: 'currency', currency}).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

/** The contract's Address as 3-D Secure's billing address (braintree-web's `verifyCard`). */
export function billingAddressFor(address: Address | undefined) {
  if (!address) return undefined;
  const [givenName, ...rest] = (address.name ?? '').trim().split(/\s+/);
  return {
    ...(givenName && {givenName}),
    ...(rest.length && {surname: rest.join(' ')}),
    ...(address.line1 && {streetAddress: address.line1}),
    ...(address.line2 && {extendedAddress: address.line2}),
    ...(address.city && {locality: address.city}),
    ...(address.region && {region: address.region}),
    ...(address.postalCode && {postalCode: address.postalCode}),
    countryCodeAlpha2: address.country,
  };
}

/** Drop-in's refusal of `requestPaymentMethod` as a code the element has a sentence for. */
function dropinFailure(error: unknown): PaymentOutcome {
  const message = (error as {message?: unknown} | null)?.message;
  const cause = (error as {_braintreeWebError?: {code?: unknown}} | null)
    ?._braintreeWebError;
  // Drop-in shows what is wrong under the fields; the element says to check them.
  if (!cause && message === 'No payment method is available.')
    return {type: 'failed', code: 'validation_error'};
  if (typeof message === 'string' && message.includes('3D Secure'))
    return {type: 'failed', code: 'three_d_secure_failed'};
  return {type: 'failed', code: 'braintree_error'};
}

class BraintreeController
  implements ReactiveController, ProviderController<'braintree'>
{
  readonly name = 'braintree';
  readonly slot = 'braintree-dropin';
  readonly usesPayButton = true;
  readonly messages = braintreeMessages;

  private readonly _host: HTMLElement;
  private _context?: ProviderContext<'braintree'>;
  /** The theme and language Drop-in was (or is being) created with. */
  private _theme?: ResolvedTheme;
  private _locale = '';
  private _dropin?: Dropin;
  private _container?: HTMLElement;
  /** The currency Drop-in's client token is for (upper case). */
  private _currency = '';
  /** The quote's total (minor units): PayPal's amount, when Drop-in offers PayPal. */
  private _total = 0;
  /** Bumped by every mount: a mount that is not the latest drops what it made. */
  private _generation = 0;
  private _paying = false;
  /** A mount was asked for while paying; it happens when the attempt ends. */
  private _mountLater = false;
  private _destroyed = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this._host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.destroy();
  }

  async load(context: ProviderContext<'braintree'>): Promise<void> {
    this._context = context;
    this._theme = context.theme;
    this._locale = context.locale;
    // Nothing to pay without a cart (Drop-in has no redirect to come back from).
    this._total = context.quote?.total ?? 0;
    if (context.quote) await this._mount(context.quote.currency);
  }

  update(quote: Quote): void {
    // Amounts are the server's (it reprices the transaction); the currency is the token's.
    const total = this._total;
    this._total = quote.total;
    if (quote.currency.toUpperCase() !== this._currency)
      this._mountAgain(quote.currency);
    // PayPal's approval shows the amount: Drop-in takes a new one without a new create.
    else if (this._context?.config.paypal && total !== quote.total)
      this._dropin?.updateConfiguration(
        'paypal',
        'amount',
        decimalAmount(quote.total, this._currency)
      );
  }

  setTheme(theme: ResolvedTheme): void {
    const context = this._context;
    if (!context) return;
    const before = JSON.stringify(hostedFieldStyles(this._theme ?? theme));
    this._theme = theme;
    this._styleContainer();
    // The card fields are Braintree's iframes, styled once at create: Drop-in again.
    if (JSON.stringify(hostedFieldStyles(theme)) !== before)
      this._mountAgain(this._currency);
  }

  setLocale(locale: string): void {
    const context = this._context;
    if (!context || dropinLocale(locale) === dropinLocale(this._locale)) return;
    this._locale = locale;
    // Drop-in takes its locale at create only.
    this._mountAgain(this._currency);
  }

  async pay(request: PaymentRequest): Promise<PaymentOutcome> {
    const dropin = this._dropin;
    const api = this._context?.api;
    if (!dropin || !api) return {type: 'failed', code: 'provider_unavailable'};
    this._paying = true;
    try {
      // Drop-in validates its form (showing the field errors), tokenises the card and runs
      // 3-D Secure (the bank's challenge, if it asks) for the amount the buyer sees.
      let payload: PaymentMethodPayload;
      const billingAddress = billingAddressFor(
        request.billingAddress ?? request.shippingAddress
      );
      try {
        payload = await dropin.requestPaymentMethod({
          threeDSecure: {
            amount: decimalAmount(request.expectedTotal, request.currency),
            ...(request.email && {email: request.email}),
            ...(billingAddress && {billingAddress}),
          },
        });
      } catch (error) {
        return dropinFailure(error);
      }
      const card = payload as cardPaymentMethodPayload;
      // The bank was asked and did not confirm the buyer: no charge (Drop-in leaves that choice
      // to the merchant; we make it). A card outside 3-D Secure is charged as it is.
      if (card.liabilityShiftPossible && !card.liabilityShifted) {
        dropin.clearSelectedPaymentMethod();
        return {type: 'failed', code: 'three_d_secure_failed'};
      }
      let created: BraintreeTransactionResponse;
      try {
        const body: BraintreeTransactionRequest = {
          items: request.items,
          ...detailsOf(request),
          currency: request.currency,
          email: request.email,
          locale: request.locale,
          expectedTotal: request.expectedTotal,
          paymentMethodNonce: payload.nonce,
          ...(payload.deviceData && {deviceData: payload.deviceData}),
        };
        created = await api.create('/api/braintree/transactions', body);
      } catch (error) {
        // The nonce is single use, spent or not: the next attempt asks Drop-in for a new one.
        dropin.clearSelectedPaymentMethod();
        const outcome = refusal(error);
        if (outcome.type !== 'failed') return outcome;
        // A gateway rejection (fraud, risk): the contract's code, in Braintree's sentence
        // (the shared one names PayPal).
        if (outcome.code === 'payment_refused')
          return {...outcome, code: 'braintree_refused'};
        // A PayPal account declined is not a card to replace: PayPal's refusal.
        if (payload.type === 'PayPalAccount' && isCardDecline(outcome.code))
          return {...outcome, code: 'payment_refused'};
        return outcome;
      }
      if (created.status === 'failed' || created.status === 'canceled') {
        dropin.clearSelectedPaymentMethod();
        return {
          type: 'failed',
          // PayPal through Braintree refused the account: not a card to replace.
          code:
            payload.type === 'PayPalAccount'
              ? 'payment_refused'
              : 'card_declined',
          orderId: created.orderId,
        };
      }
      return {
        type: 'confirmed',
        orderId: created.orderId,
        orderToken: created.orderToken,
      };
    } finally {
      this._paying = false;
      if (this._mountLater && !this._destroyed) {
        this._mountLater = false;
        this._mountAgain(this._currency);
      }
    }
  }

  resume(): Promise<PaymentOutcome | null> {
    // Drop-in's challenge is a window over the page: the page never leaves.
    return Promise.resolve(null);
  }

  destroy(): void {
    this._destroyed = true;
    this._generation++;
    this._teardown();
    this._context = undefined;
  }

  // ---- Mounting -----------------------------------------------------------------------------

  private _mountAgain(currency: string): void {
    if (this._paying) {
      // Tearing Drop-in down would end the attempt (its challenge window): after it.
      this._currency = currency.toUpperCase();
      this._mountLater = true;
      return;
    }
    const generation = this._generation + 1;
    this._mount(currency).catch((error: unknown) => {
      if (this._destroyed || generation !== this._generation) return;
      // A Drop-in for the old currency must not stay: its nonce would be charged in that one.
      this._teardown();
      this._context?.reportError(
        errorCode(error) ?? 'provider_unavailable',
        (error as Error).message
      );
    });
  }

  private async _mount(currency: string): Promise<void> {
    const generation = ++this._generation;
    const context = this._context!;
    this._currency = currency.toUpperCase();
    if (!context.config.currencies.includes(this._currency))
      throw providerError(
        'currency_not_supported',
        `Braintree has no merchant account for ${this._currency}.`
      );
    const [dropin, token] = await Promise.all([
      loadDropin(context.config, cspNonce(this._host)),
      clientToken(context.api, this._currency),
    ]);
    if (generation !== this._generation) return;
    dropinStyles();
    // Drop-in wants an empty container: a new one per create, in the light-DOM mount node
    // (inside another component's shadow root, a node of the document: ../shadow-host.ts).
    const container = document.createElement('div');
    container.className = 'pay-braintree';
    const old = this._dropin;
    const oldContainer = this._container;
    this._dropin = undefined;
    // The old form goes once the new one is there, so the space does not collapse meanwhile.
    context.mountNode.append(container);
    this._container = container;
    this._styleContainer();
    const locale = dropinLocale(this._locale);
    let instance: Dropin;
    try {
      instance = await dropin.create({
        authorization: token,
        container,
        ...(locale && {locale}),
        card: {
          cardholderName: false,
          overrides: {styles: hostedFieldStyles(this._theme!)},
        },
        ...(threeDSecureEnabled(token) && {threeDSecure: true}),
        // PayPal through Braintree, when the shop enabled it (BRAINTREE_PAYPAL): a one-time
        // checkout for the cart's total, in the token's currency.
        ...(context.config.paypal && {
          paypal: {
            flow: 'checkout' as const,
            amount: decimalAmount(this._total, this._currency),
            currency: this._currency,
          },
        }),
        dataCollector: true,
      });
    } catch (error) {
      container.remove();
      if (this._container === container) this._container = undefined;
      throw providerError(
        'provider_unavailable',
        (error as Error)?.message ?? 'Drop-in did not start.'
      );
    } finally {
      void old?.teardown().catch(() => {});
      oldContainer?.remove();
    }
    if (generation !== this._generation) {
      void instance.teardown().catch(() => {});
      container.remove();
      return;
    }
    this._dropin = instance;
  }

  /** The resolved tokens on the container, where the `.braintree-*` rules read them. */
  private _styleContainer(): void {
    const theme = this._theme;
    const container = this._container;
    if (!theme || !container) return;
    const {tokens} = theme;
    const properties: Record<string, string> = {
      '--pay-bt-primary': tokens.colorPrimary,
      '--pay-bt-background': tokens.colorBackground,
      '--pay-bt-text': tokens.colorText,
      '--pay-bt-text-secondary': tokens.colorTextSecondary,
      '--pay-bt-danger': tokens.colorDanger,
      '--pay-bt-font': tokens.fontFamily,
      '--pay-bt-font-size': tokens.fontSizeBase,
      '--pay-bt-spacing': tokens.spacingUnit,
      '--pay-bt-radius': tokens.borderRadius,
    };
    for (const [name, value] of Object.entries(properties))
      container.style.setProperty(name, value);
    container.dataset.scheme = theme.scheme;
  }

  private _teardown(): void {
    const dropin = this._dropin;
    this._dropin = undefined;
    if (dropin) void dropin.teardown().catch(() => {});
    this._container?.remove();
    this._container = undefined;
  }
}

export const createBraintreeProvider: ProviderFactory<'braintree'> = (host) =>
  new BraintreeController(host);

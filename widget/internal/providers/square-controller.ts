/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Square's card form (Web Payments SDK). The element's Pay button pays, as with Stripe; one
 * attempt is:
 *
 *   card.tokenize() → a single-use token (cnon:…), or the field the buyer must fix
 *   payments.verifyBuyer(token, {amount, currencyCode, intent: 'CHARGE', billingContact})
 *                   → strong customer authentication where the card asks for it (verf:…)
 *   POST /api/square/payments {cart, details, expectedTotal, sourceId, verificationToken}
 *                   → the server reprices, creates Square's payment, records it
 *   the element polls the order → paid
 *
 * A Payments object is bound to one Square location, and the shop has a location per
 * currency: a currency without one is not offered, and a change of currency mounts the form
 * again for the new location. This module is a lazily loaded chunk.
 *
 * square.js is added by this module (with the page's CSP nonce, a failed load retried), and
 * `window.Square.payments()` called directly: that is all `@square/web-sdk`'s loader does
 * once the script is there, and depending on it would install its 39 MB of types
 * (`@square/web-payments-sdk-types`, a development dependency here) with the element.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {
  BillingContact,
  Card,
  CardClassSelectors,
  Payments,
  TokenResult,
} from '@square/web-payments-sdk-types';
import type {
  Address,
  Quote,
  SquareClientConfig,
  SquarePaymentRequest,
  SquarePaymentResponse,
} from '../../contract.js';
import type {ResolvedTheme} from '../theme.js';
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
  providerError,
  refusal,
} from './shared.js';
import {squareMessages} from './square-messages.js';
import {squareStyle} from './square-style.js';

/** Square's script for each environment (as square/web-sdk `src/payments.ts` has them). */
const SCRIPT_URLS = {
  production: 'https://web.squarecdn.com/v1/square.js',
  sandbox: 'https://sandbox.web.squarecdn.com/v1/square.js',
} as const;

/** The card form's field names (`CardFieldNames`) → the element's code for "fix this field". */
const FIELD_CODES: Readonly<Record<string, string>> = {
  cardNumber: 'invalid_card_number',
  expirationDate: 'invalid_expiration',
  cvv: 'invalid_cvv',
  postalCode: 'invalid_postal_code',
};

/** The emulator's offline square.js in development; Square's CDN otherwise. */
function scriptUrl(config: SquareClientConfig): string {
  return config.sdkUrl ?? SCRIPT_URLS[config.environment];
}

/** square.js once per URL (the shared loader; it is not added again once `Square` is there). */
function loadSquareJs(src: string, nonce?: string): Promise<void> {
  return window.Square ? Promise.resolve() : injectScript(src, nonce);
}

/**
 * Starts loading square.js for `host` as soon as the config is in (the registry's `warm`),
 * while the checkout chunk is still on its way; the controller's load then finds it there.
 */
export function warmSquare(
  host: HTMLElement,
  config: SquareClientConfig
): void {
  // A failure is the load's to report (it tries again).
  loadSquareJs(scriptUrl(config), cspNonce(host)).catch(() => {});
}

/** The Payments object of one location: `Square.payments(applicationId, locationId)`. */
async function paymentsFor(
  host: HTMLElement,
  config: SquareClientConfig,
  locationId: string
): Promise<Payments> {
  const src = scriptUrl(config);
  await loadSquareJs(src, cspNonce(host));
  if (!window.Square)
    throw providerError('provider_unavailable', 'Square.js did not load.');
  let payments: Payments | null;
  try {
    // Synchronous; throws for an application id square.js refuses (its environment's prefix).
    payments = window.Square.payments(config.applicationId, locationId);
  } catch (error) {
    // InvalidApplicationIdError, ApplicationIdEnvironmentMismatchError, WebSdkEmbedError…
    throw providerError(
      'provider_unavailable',
      `Square refused to start: ${(error as Error).name}`
    );
  }
  if (!payments)
    throw providerError('provider_unavailable', 'Square.js did not load.');
  return payments;
}

/** Integer minor units as Square's decimal string ("12.34", "1200" for JPY). */
export function decimalAmount(minor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', {
      style: 'currency',
      currency: currency.toUpperCase(),
    }).resolvedOptions().maximumFractionDigits ?? 2;
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const sign = minor < 0 ? '-' : '';
  return digits
    ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`
    : `${sign}${text}`;
}

/** The buyer as `verifyBuyer` takes them: the billing address, else the shipping one, and the email. */
export function billingContact(request: PaymentRequest): BillingContact {
  const address: Address | undefined =
    request.billingAddress ?? request.shippingAddress;
  const contact: BillingContact = {};
  if (request.email) contact.email = request.email;
  if (!address) return contact;
  const name = address.name?.trim();
  if (name) {
    // Square wants given and family names; a mononym is the given name.
    const at = name.lastIndexOf(' ');
    if (at > 0) {
      contact.givenName = name.slice(0, at).trim();
      contact.familyName = name.slice(at + 1);
    } else contact.givenName = name;
  }
  const lines = [address.line1, address.line2].filter(
    (line): line is string => !!line
  );
  if (lines.length) contact.addressLines = lines;
  if (address.city) contact.city = address.city;
  if (address.region) contact.state = address.region;
  if (address.postalCode) contact.postalCode = address.postalCode;
  contact.countryCode = address.country.toUpperCase();
  return contact;
}

/** What a `tokenize()` that did not give a token means for the attempt. */
function tokenFailure(result: Exclude<TokenResult, {status: 'OK'}>): {
  outcome: PaymentOutcome;
  field?: string;
} {
  if (result.status === 'Cancel' || result.status === 'Abort')
    return {outcome: {type: 'canceled'}};
  if (result.status === 'Invalid' || result.status === 'Error') {
    // The first field the form says is wrong (it marks them all itself).
    const field = result.errors
      .map((error) => (error as {field?: string}).field)
      .find((name): name is string => !!name && name in FIELD_CODES);
    if (field)
      return {outcome: {type: 'failed', code: FIELD_CODES[field]!}, field};
    if (result.status === 'Invalid')
      return {outcome: {type: 'failed', code: 'invalid_card'}};
  }
  return {outcome: {type: 'failed', code: 'square_error'}};
}

/** A `payments.card()` refused our style (the SDK's InvalidStylesError and its kin). */
const isStyleError = (error: unknown) =>
  /Style/.test((error as Error | undefined)?.name ?? '');

class SquareController
  implements ReactiveController, ProviderController<'square'>
{
  readonly name = 'square';
  readonly slot = 'square-card';
  readonly usesPayButton = true;
  readonly messages = squareMessages;

  private readonly _host: HTMLElement;
  private _context?: ProviderContext<'square'>;
  private _style?: CardClassSelectors;
  private _locale = '';
  /** The location the form is (being) mounted for; '' when the currency has none. */
  private _location?: string;
  private _payments?: Payments;
  private _card?: Card;
  private _container?: HTMLElement;
  /** Bumped by every mount: a mount overtaken by a newer one (or by destroy) stops. */
  private _generation = 0;
  private _destroyed = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this._host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.destroy();
  }

  async load(context: ProviderContext<'square'>): Promise<void> {
    this._context = context;
    this._locale = context.locale;
    this._style = squareStyle(context.theme);
    // Square's form never leaves the page: nothing to resume without a cart.
    if (context.quote) await this._mount(context.quote.currency);
  }

  update(quote: Quote): void {
    const location =
      this._context?.config.locations[quote.currency.toUpperCase()];
    if (this._location === undefined || (location ?? '') === this._location)
      return;
    const generation = this._generation + 1;
    this._mount(quote.currency).catch((error: unknown) => {
      if (this._destroyed || generation !== this._generation) return;
      this._context?.reportError(
        errorCode(error) ?? 'provider_unavailable',
        (error as Error).message
      );
    });
  }

  setTheme(theme: ResolvedTheme): void {
    const style = squareStyle(theme);
    if (JSON.stringify(style) === JSON.stringify(this._style)) return;
    this._style = style;
    // Square restyles its frame in place: what the buyer typed stays.
    void this._card?.configure({style}).catch(() => {});
  }

  setLocale(locale: string): void {
    this._locale = locale;
    void this._applyLocale(this._payments);
  }

  async pay(request: PaymentRequest): Promise<PaymentOutcome> {
    const {_card: card, _payments: payments, _context: context} = this;
    if (!card || !payments || !context) {
      const code =
        this._location === ''
          ? 'square_currency_unavailable'
          : 'provider_unavailable';
      return {type: 'failed', code};
    }

    // The card form checks its fields and gives a single-use token for them.
    let token: TokenResult;
    try {
      token = await card.tokenize();
    } catch {
      return {type: 'failed', code: 'square_error'};
    }
    if (token.status !== 'OK') {
      const {outcome, field} = tokenFailure(token);
      // Keyboard and screen-reader users land on the field to fix.
      if (field) void card.focus(field as never).catch(() => {});
      return outcome;
    }

    // Strong customer authentication where the card's bank asks for it (null: not needed).
    // The amount is the total the buyer saw, which the server charges or refuses.
    let verificationToken: string | undefined;
    try {
      const verified = await payments.verifyBuyer(token.token, {
        amount: decimalAmount(request.expectedTotal, request.currency),
        currencyCode: request.currency.toUpperCase(),
        intent: 'CHARGE',
        billingContact: billingContact(request),
      });
      verificationToken = verified?.token;
    } catch {
      return {type: 'failed', code: 'verification_failed'};
    }

    // The server reprices the cart and charges the token; the amount is its, not ours.
    let created: SquarePaymentResponse;
    try {
      const body: SquarePaymentRequest = {
        items: request.items,
        ...detailsOf(request),
        currency: request.currency,
        email: request.email,
        locale: request.locale,
        expectedTotal: request.expectedTotal,
        sourceId: token.token,
        ...(verificationToken && {verificationToken}),
      };
      created = await context.api.create('/api/square/payments', body);
    } catch (error) {
      // price_changed carries the new quote; a decline is card_declined, with the server's
      // sentence naming the reason (shown where no table has a card_declined of its own).
      const outcome = refusal(error);
      if (outcome.type === 'failed' && outcome.code === 'card_declined')
        outcome.message = (error as Error).message;
      return outcome;
    }
    if (created.status === 'failed' || created.status === 'canceled')
      return {type: 'failed', code: 'card_declined', orderId: created.orderId};
    return {
      type: 'confirmed',
      orderId: created.orderId,
      orderToken: created.orderToken,
    };
  }

  resume(): Promise<PaymentOutcome | null> {
    // Square's form and its authentication stay on this page: nothing to come back from.
    return Promise.resolve(null);
  }

  destroy(): void {
    this._destroyed = true;
    this._generation++;
    this._unmount();
    this._payments = undefined;
    this._context = undefined;
  }

  /** Mounts the card form for `currency`'s location (again, for another currency). */
  private async _mount(currency: string): Promise<void> {
    const generation = ++this._generation;
    const context = this._context!;
    const location = context.config.locations[currency.toUpperCase()];
    this._location = location ?? '';
    if (!location) {
      // A form for another location would charge there: none rather than the wrong one.
      this._unmount();
      throw providerError(
        'square_currency_unavailable',
        `No Square location takes ${currency.toUpperCase()}.`
      );
    }
    const payments = await paymentsFor(this._host, context.config, location);
    if (generation !== this._generation) return;
    await this._applyLocale(payments);
    const card = await this._createCard(payments);
    if (generation !== this._generation) {
      void card.destroy().catch(() => {});
      return;
    }
    // The old form goes only once the new one exists, so the space does not collapse.
    this._unmount();
    // Square's iframe lives in a light-DOM child, projected through <slot name="square-card">
    // (inside another component's shadow root, in the document over a placeholder).
    const container = document.createElement('div');
    context.mountNode.append(container);
    this._payments = payments;
    this._card = card;
    this._container = container;
    await card.attach(container);
  }

  /**
   * The card form with the element's style; without it if Square refuses the style (a token
   * value it does not take), so that a theme never keeps the buyer from paying.
   */
  private async _createCard(payments: Payments): Promise<Card> {
    try {
      return await payments.card({style: this._style});
    } catch (error) {
      if (!isStyleError(error)) throw error;
      console.warn('<pay-checkout>: Square refused the card style.', error);
      return payments.card();
    }
  }

  /** Square's texts in the element's language (a language Square lacks changes nothing). */
  private async _applyLocale(payments: Payments | undefined): Promise<void> {
    if (!payments || !this._locale) return;
    try {
      await payments.setLocale(this._locale);
    } catch {
      // FeatureDisabledError or an unknown tag: Square keeps the browser's language.
    }
  }

  private _unmount(): void {
    const card = this._card;
    this._card = undefined;
    if (card) void card.destroy().catch(() => {});
    this._container?.remove();
    this._container = undefined;
  }
}

export const createSquareProvider: ProviderFactory<'square'> = (host) =>
  new SquareController(host);

/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {LitElement, html, nothing, svg, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import type {
  CartItem,
  ConfigResponse,
  OrderResponse,
  Quote,
} from '../contract.js';
import {Api, ApiError, codeOf, defaultServer} from '../internal/api.js';
import {emit, type ProviderName} from '../internal/events.js';
import {
  ATTEMPT_PARAM,
  claimHostedReturn,
  RETURN_PARAM,
  type HostedReturn,
} from '../internal/hosted.js';
import {
  errorMessage,
  messagesFor,
  type Messages,
} from '../internal/messages.js';
import {formatMoney} from '../internal/money.js';
import {pollOrder} from '../internal/poll.js';
import {
  hostedLoaders,
  providerLoaders,
  type PaymentOutcome,
  type PaymentProvider,
  type PaymentRequest,
} from '../internal/provider.js';
import {ThemeController, type ResolvedTheme} from '../internal/theme.js';
import {PayItem} from '../pay-item/pay-item.component.js';
import styles from './pay-checkout.styles.js';

/** How long cart edits settle before one re-quote (ms). */
const REQUOTE_DELAY = 150;

/** The providers this version can drive, in the order the choice shows them. */
const PROVIDERS: readonly ProviderName[] = ['stripe', 'paypal'];

/** Query parameters of a return (Stripe's, and the hosted flow's); never part of the next return URL. */
const RETURN_PARAMS = [
  'payment_intent',
  'payment_intent_client_secret',
  'redirect_status',
  RETURN_PARAM,
  ATTEMPT_PARAM,
];

/**
 * What the server accepts as an email (a dot and a top-level domain after the `@`), checked
 * before paying so the buyer fixes a typo here rather than reading a refusal.
 */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.]{2,}$/;

/** The contract's BCP 47 pattern for `locale`. */
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

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

/** This page is the `return_url` of a Stripe redirect (3-D Secure at some banks, wallets). */
const returnsFromStripe = () =>
  new URL(location.href).searchParams.has('redirect_status');

/** An order as a quote: what a return page without a cart shows once the payment is confirmed. */
function quoteOf(order: OrderResponse): Quote {
  const subtotal = order.lines.reduce((sum, line) => sum + line.amount, 0);
  return {
    currency: order.currency,
    lines: order.lines,
    subtotal: order.lines.length ? subtotal : order.total,
    total: order.total,
  };
}

const checkIcon = svg`<path fill="currentColor" d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm4.03 6.28-4.75 5.5a.75.75 0 0 1-1.1.04l-2.25-2.25a.75.75 0 1 1 1.06-1.06l1.68 1.68 4.22-4.89a.75.75 0 1 1 1.14.98Z"/>`;
const alertIcon = svg`<path fill="currentColor" d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 4a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5.5Zm0 9.25a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z"/>`;

/**
 * @summary A checkout you drop into any page: the cart priced by the companion server, the
 * payment provider's form (Stripe's Payment Element and a Pay button, or PayPal's buttons),
 * and the result.
 *
 * Lines and totals are always the server's quote, never prices from the page. Provider
 * iframes cannot live in shadow DOM, so the element creates light-DOM children
 * (`<div slot="stripe-payment-element">`, `<div slot="paypal-buttons">`) and shows them
 * through named slots. A page that rewrites the cart should replace only the `<pay-item>`
 * children and leave these in place (removing one removes the provider's form).
 *
 * `provider` lists the providers to offer: `stripe` (card form and Pay button), `paypal`
 * (PayPal's buttons, which start the payment themselves), or both (`stripe paypal`), in which
 * case the buyer picks one in a radio group ("Card" / "PayPal", arrow keys move between them)
 * and only that provider's form is shown. Providers the server is not configured for are not
 * offered. PayPal's buttons take the `--pay-*` tokens as the nearest PayPal `style`
 * (`height`, `shape`, `borderRadius`, `color`: gold, or blue for a blue brand colour, or
 * black/white for a monochrome one) and are rendered again when the tokens or the currency
 * change.
 *
 * The buyer's email is asked for above the payment form (a required `Email` field with
 * `autocomplete="email"`, checked before paying) and sent with the order, together with the
 * element's locale, for the confirmation email. `email` prefills it and follows what the buyer
 * types; `no-email` hides it when the page already knows the address (`email` is still sent).
 *
 * `mode="hosted"` uses Stripe's hosted Checkout instead of the Payment Element: Pay has the
 * server create a Checkout Session and the browser goes to Stripe's page. Stripe sends the
 * buyer back to `return-url` (or this page) with `?pay_checkout_return=success` or `=cancel`;
 * there a `<pay-checkout>` (in any mode, with or without a cart, so a bare element makes a
 * return page) takes the parameters out of the address bar and either confirms the order and
 * fires `pay-success`, or says that nothing was charged and fires `pay-cancel`. PayPal, whose
 * window is a popup, works the same in both modes.
 *
 * @tag pay-checkout
 *
 * @slot - `<pay-item sku quantity>` children: the cart (ignored when `items` is set).
 * @slot stripe-payment-element - Created by the element: where Stripe's Payment Element is mounted.
 * @slot paypal-buttons - Created by the element: where PayPal's buttons are rendered.
 *
 * @event {CustomEvent<PayReadyDetail>} pay-ready - The quote is shown and a provider's payment form is mounted (with `provider="stripe paypal"`, again for the other provider when the buyer first picks it). Detail: `{quote, provider}`.
 * @event {CustomEvent<PayChangeDetail>} pay-change - The server answered with a new quote (cart or currency changed, or prices changed at payment). Detail: `{quote}`.
 * @event {CustomEvent<PaySubmitDetail>} pay-submit - The buyer pressed Pay or a PayPal button. Cancelable: `preventDefault()` stops the payment before any order exists or PayPal's window opens (then `pay-cancel` fires). Detail: `{quote, provider}`.
 * @event {CustomEvent<PaySuccessDetail>} pay-success - The server marked the order paid (on the page a redirect or hosted payment returns to, too). Detail: `{orderId, status, total, currency, provider}`.
 * @event {CustomEvent<PayErrorDetail>} pay-error - Loading or paying failed; `message` is what the buyer was shown (`invalid_email`: the Email field stopped Pay, no order was created; `server_not_found`: no companion server answered, set `server`). Detail: `{code, message, provider?, orderId?}`.
 * @event {CustomEvent<PayCancelDetail>} pay-cancel - A payment was abandoned and nothing was charged: `pay-submit` was cancelled (`reason: 'prevented'`) or the buyer closed PayPal's window or came back from Stripe's hosted page without paying (`reason: 'buyer'`). Detail: `{provider, reason}`.
 *
 * @csspart base - The card wrapping everything.
 * @csspart skeleton - The placeholder shown while the quote loads.
 * @csspart summary - The order summary table.
 * @csspart line - One cart line (a table row).
 * @csspart subtotal - The subtotal row.
 * @csspart total - The total row.
 * @csspart email - The email field: label, input and message.
 * @csspart email-input - The email input.
 * @csspart email-error - The email's message (`role="alert"`, the input's `aria-describedby`).
 * @csspart provider-tabs - The choice between providers (a `role="radiogroup"` fieldset), shown when more than one is offered.
 * @csspart provider-tab - One choice (a label around a radio button).
 * @csspart provider-tab-checked - The chosen one.
 * @csspart payment - The wrapper around the provider's form.
 * @csspart hosted-note - In `mode="hosted"`: the line saying the buyer pays on Stripe's page.
 * @csspart submit-button - The Pay button (Stripe only: PayPal's buttons are PayPal's).
 * @csspart spinner - The progress indicator inside the Pay button.
 * @csspart message - Both message regions.
 * @csspart error - The error region (`role="alert"`).
 * @csspart status - The status region (`role="status"`, polite): confirming, success.
 *
 * @cssproperty [--pay-color-primary=#635bff] - Brand colour: the Pay button, focus rings, Stripe's `colorPrimary`, PayPal's button `color` (dark default #8f89ff).
 * @cssproperty [--pay-color-background=#ffffff] - Card and input background, Stripe's `colorBackground` (dark default #1c1d26).
 * @cssproperty [--pay-color-text=#30313d] - Text colour, Stripe's `colorText` (dark default #ececf1).
 * @cssproperty [--pay-color-danger=#df1b41] - Error accents, Stripe's `colorDanger` (dark default #ff7a93).
 * @cssproperty [--pay-color-text-secondary=#6d6e78] - Quantities, captions, subtotal; Stripe's `colorTextSecondary` (dark default #a9aab6).
 * @cssproperty [--pay-font-family=system-ui] - Font stack, Stripe's `fontFamily`.
 * @cssproperty [--pay-font-size-base=16px] - Base font size, Stripe's `fontSizeBase`.
 * @cssproperty [--pay-spacing-unit=2px] - The spacing scale's unit, Stripe's `spacingUnit`.
 * @cssproperty [--pay-border-radius=6px] - Corner radius of the button and inputs (the card uses twice it), Stripe's `borderRadius`, PayPal's `shape` and `borderRadius`.
 */
export class PayCheckout extends LitElement {
  static override styles = styles;

  private readonly _theme = new ThemeController(
    this,
    () => this._probe ?? null,
    (theme) => this._onThemeChange(theme)
  );

  private _api?: Api;
  private _config?: ConfigResponse;
  /** The providers loaded (or loading) so far, at most one per name. */
  private readonly _providers = new Map<ProviderName, PaymentProvider>();
  /** Aborted on disconnect: every fetch, load and poll of this connection. */
  private _lifetime?: AbortController;
  private _quoteRequest?: AbortController;
  private _requoteTimer?: ReturnType<typeof setTimeout>;
  /** The cart + currency of the last quote asked for, to skip re-quoting an unchanged cart. */
  private _quotedCart = '';
  /** Set synchronously on Pay, so a second click in the same task is ignored too. */
  private _inFlight = false;

  @query('.base') private _base?: HTMLElement;
  @query('.probe') private _probe?: HTMLElement;
  @query('.submit') private _button?: HTMLButtonElement;
  @query('.field__input') private _emailInput?: HTMLInputElement;
  @query('slot:not([name])') private _itemSlot?: HTMLSlotElement;

  @state() private _phase: Phase = 'loading';
  @state() private _quote: Quote | null = null;
  /** A cart change is waiting for its quote: the shown total is stale, so Pay waits. */
  @state() private _quoting = false;
  /** The providers the server is configured for, among those asked for, in that order. */
  @state() private _offered: ProviderName[] = [];
  /** The provider whose form is shown (the buyer's choice when several are offered). */
  @state() private _active?: ProviderName;
  /** Providers whose form is mounted. */
  @state() private _readyProviders: ReadonlySet<ProviderName> = new Set();
  @state() private _error = '';
  @state() private _status = '';
  /** What is wrong with the email, once the buyer has been told. */
  @state() private _emailError: '' | 'required' | 'invalid' = '';

  /**
   * Which providers to offer, space-separated: `stripe`, `paypal`, or `stripe paypal`. Those
   * the server is not configured for are dropped; when more than one remains the buyer
   * chooses, the first being preselected.
   */
  @property() provider = 'stripe';

  /** ISO 4217 code of the cart (`usd`, `EUR`). Empty: the server's default currency. */
  @property() currency = '';

  /** BCP 47 locale for text and money. Empty: the server's, then the page's `<html lang>`, then the browser's. */
  @property() locale = '';

  /**
   * Base URL of the companion server. Empty: the origin this script was loaded from, which is
   * the server only for the script tag it serves; an app that bundles the element sets it.
   */
  @property() server = '';

  /**
   * `embedded`: Stripe's Payment Element inside the element. `hosted`: Pay sends the buyer to
   * Stripe's hosted Checkout page, which returns to `return-url`. PayPal is the same in both.
   */
  @property() mode: 'embedded' | 'hosted' = 'embedded';

  /** Where redirect-based payment methods and Stripe's hosted page return to. Empty: this page. */
  @property({attribute: 'return-url'}) returnUrl = '';

  /** The buyer's email, sent with the order for the confirmation. Prefills the Email field, and follows what the buyer types in it. */
  @property() email = '';

  /** Hides the Email field (the page already knows the address: `email` is sent as it is). */
  @property({type: Boolean, attribute: 'no-email'}) noEmail = false;

  /** The cart as `{sku, quantity}` objects; when set, `<pay-item>` children are ignored. */
  @property({attribute: false}) items: CartItem[] | undefined = undefined;

  constructor() {
    super();
    this.addEventListener('pay-item-change', (event) => {
      event.stopPropagation();
      this._scheduleRequote();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) return;
    if (
      changed.has('server') ||
      changed.has('provider') ||
      changed.has('mode')
    ) {
      this._stop();
      void this._start();
    } else if (changed.has('items') || changed.has('currency')) {
      this._scheduleRequote();
    }
  }

  protected override firstUpdated(): void {
    this._theme.refresh();
  }

  /** Re-reads the `--pay-*` tokens and re-applies them inside the provider's iframe. Call it after swapping stylesheets; `style`/`class` changes on this element or `<html>` and colour-scheme changes are picked up on their own. */
  refreshTheme(): void {
    this._theme.refresh();
  }

  // ---- Loading ------------------------------------------------------------------------------

  private async _start(): Promise<void> {
    const lifetime = new AbortController();
    this._lifetime = lifetime;
    const {signal} = lifetime;
    // Let properties set right after creation (frameworks do) and the first render land.
    await this.updateComplete;
    if (signal.aborted) return;

    this._phase = 'loading';
    this._error = '';
    this._status = '';
    this._emailError = '';
    const api = new Api(this.server || defaultServer());
    this._api = api;
    const items = this._cartItems();
    this._quotedCart = this._cartKey(items);
    // Back from Stripe's hosted page? Claimed at once (it cleans the address bar), so that of
    // several elements on the page only this one handles it.
    let returned = claimHostedReturn();
    try {
      // Both at once: the config names the provider, the quote is what the buyer sees.
      const [config, quote] = await Promise.all([
        api.config(signal),
        items.length
          ? api.quote({items, currency: this.currency || undefined}, signal)
          : null,
      ]);
      this._config = config;
      this._offerProviders(returned);
      this._showQuote(quote);
      // The cart may have changed while the first quote was on its way.
      this._scheduleRequote();
      if (returned) {
        const resuming = returned;
        returned = null;
        await this._resumeHosted(resuming);
      }
      // Without a cart, Stripe still loads on the return_url of its redirect (a return page).
      if (quote ? !this._ended : returnsFromStripe())
        await this._loadActive(signal);
    } catch (error) {
      if (signal.aborted) return;
      this._fail(error);
      // The checkout could not load, but a payment coming back is still confirmed.
      if (returned) await this._resumeHosted(returned);
    }
  }

  /** This page is the success or cancel URL of Stripe's hosted page: finish that payment. */
  private async _resumeHosted(returned: HostedReturn): Promise<void> {
    const {order} = returned;
    const outcome: PaymentOutcome =
      returned.result === 'cancel'
        ? {type: 'canceled'}
        : order
          ? {
              type: 'confirmed',
              orderId: order.orderId,
              orderToken: order.orderToken,
            }
          : // Paid maybe, but not from this tab: without the token the order cannot be read.
            {type: 'failed', code: 'order_not_found', final: true};
    this._inFlight = true;
    this._phase = 'paying';
    await this._settle(outcome, order?.provider ?? 'stripe');
  }

  private _stop(): void {
    this._lifetime?.abort();
    this._quoteRequest?.abort();
    clearTimeout(this._requoteTimer);
    for (const provider of this._providers.values()) {
      provider.destroy();
      this.removeController(provider);
    }
    this._providers.clear();
    this._readyProviders = new Set();
    this._offered = [];
    this._api = undefined;
    this._config = undefined;
    this._inFlight = false;
    this._quoting = false;
  }

  private _showQuote(quote: Quote | null): void {
    this._quote = quote;
    this._phase = quote ? 'ready' : 'empty';
  }

  /** Paid, or ended for good: the cart and the form are settled. */
  private get _ended(): boolean {
    return this._phase === 'success' || this._phase === 'done';
  }

  /** The provider whose form is shown, if it has been loaded. */
  private get _provider(): PaymentProvider | undefined {
    return this._active ? this._providers.get(this._active) : undefined;
  }

  private get _providerReady(): boolean {
    return !!this._active && this._readyProviders.has(this._active);
  }

  /** Works out which providers to offer, and which one to show first. */
  private _offerProviders(returned: HostedReturn | null): void {
    const wanted = this.provider.split(/\s+/);
    const configured = this._config?.providers ?? {};
    this._offered = PROVIDERS.filter(
      (name) =>
        wanted.includes(name) &&
        Object.hasOwn(providerLoaders, name) &&
        Object.hasOwn(configured, name) &&
        configured[name]
    ).sort((a, b) => wanted.indexOf(a) - wanted.indexOf(b));
    // A page returning from a Stripe redirect or Stripe's hosted page finishes that payment,
    // so Stripe is shown.
    const returning =
      (returned || returnsFromStripe()) && this._offered.includes('stripe')
        ? 'stripe'
        : undefined;
    this._active =
      returning ??
      (this._active && this._offered.includes(this._active)
        ? this._active
        : this._offered[0]);
  }

  private async _loadActive(signal: AbortSignal): Promise<void> {
    if (!this._active) {
      throw new ApiError(
        'provider_not_configured',
        `No configured provider among "${this.provider}".`,
        0
      );
    }
    await this._loadProvider(this._active, signal);
  }

  private async _loadProvider(
    name: ProviderName,
    signal: AbortSignal
  ): Promise<void> {
    if (this._providers.has(name) || !this._api || !this._config) return;
    const quote = this._quote;
    if (!quote && !(name === 'stripe' && returnsFromStripe())) return;
    const load =
      (this.mode === 'hosted' ? hostedLoaders[name] : undefined) ??
      providerLoaders[name]!;
    const createProvider = await load();
    if (signal.aborted || this._providers.has(name)) return;
    const provider = createProvider(this, {
      runPayment: (attempt) => this._runPayment(provider, attempt),
      validate: () => this._checkEmail(name),
    });
    this._providers.set(name, provider);
    this.requestUpdate();
    const mountNode = () => this._mountNode(provider.slot);
    try {
      await provider.load({
        api: this._api,
        config: this._config,
        quote,
        theme: this._theme.refresh()!,
        locale: this.locale,
        // Created when first asked for: a provider with nothing to mount (Stripe's hosted
        // Checkout) leaves no empty node behind.
        get mountNode() {
          return mountNode();
        },
        reportError: (code, message) => this._showError(code, message, name),
        notify: (code, message) => {
          this._error = errorMessage(this._messages, code, message);
        },
      });
    } catch (error) {
      // Forget the half-loaded provider so the next cart change (or choice) tries again.
      this._unload(provider);
      throw error;
    }
    if (signal.aborted) return;
    if (quote) {
      // The quote may have moved on while the SDK loaded.
      if (this._quote && this._quote !== quote) provider.update(this._quote);
      this._readyProviders = new Set([...this._readyProviders, name]);
      emit(this, 'pay-ready', {quote: this._quote ?? quote, provider: name});
    }

    // A page that is the return_url of a redirect-based payment finishes that payment.
    const resumed = await provider.resume();
    // Loaded without a cart only to read that: items added later mount the form afresh.
    if (!quote) this._unload(provider);
    if (resumed && !signal.aborted) {
      this._inFlight = true;
      this._phase = 'paying';
      await this._settle(resumed, name);
    }
  }

  private _unload(provider: PaymentProvider): void {
    provider.destroy();
    this.removeController(provider);
    this._providers.delete(provider.name);
    this.requestUpdate();
  }

  /** The buyer picked another provider: show its form, loading it the first time. */
  private _onChooseProvider(event: Event): void {
    const name = (event.target as HTMLInputElement).value as ProviderName;
    if (name === this._active || this._inFlight) return;
    this._active = name;
    this._error = '';
    this._status = '';
    const signal = this._lifetime?.signal;
    if (!signal || !this._quote) return;
    this._loadProvider(name, signal).catch((error: unknown) => {
      if (!signal.aborted && this._active === name) this._fail(error, name);
    });
  }

  /** The light-DOM node a provider mounts into: created by the element, once. */
  private _mountNode(slot: string): HTMLElement {
    let node = [...this.children].find((child) => child.slot === slot) as
      HTMLElement | undefined;
    if (!node) {
      node = document.createElement('div');
      node.slot = slot;
      this.append(node);
    }
    return node;
  }

  // ---- Cart and quotes ----------------------------------------------------------------------

  private _cartItems(): CartItem[] {
    if (this.items)
      return this.items.map(({sku, quantity}) => ({sku, quantity}));
    const elements = this._itemSlot?.assignedElements() ?? [...this.children];
    return elements.flatMap((element) => {
      if (element.localName !== 'pay-item') return [];
      // Only the SKU and the quantity are read: prices on the page are never trusted.
      const item = element instanceof PayItem ? element : undefined;
      const sku = (item?.sku ?? element.getAttribute('sku') ?? '').trim();
      const quantity =
        item?.quantity ?? Number(element.getAttribute('quantity') ?? 1);
      return sku && Number.isInteger(quantity) && quantity > 0
        ? [{sku, quantity}]
        : [];
    });
  }

  private _cartKey(items: CartItem[]): string {
    return JSON.stringify([this.currency.toLowerCase(), items]);
  }

  private _onItemsSlotChange(): void {
    this._scheduleRequote();
  }

  private _scheduleRequote(): void {
    // Before the first load the cart is read by _start; after a payment it is settled.
    if (!this._api || this._phase === 'loading' || this._inFlight) return;
    if (this._ended) return;
    if (this._cartKey(this._cartItems()) === this._quotedCart) return;
    this._quoting = true;
    clearTimeout(this._requoteTimer);
    this._requoteTimer = setTimeout(() => void this._requote(), REQUOTE_DELAY);
  }

  private async _requote(): Promise<void> {
    const api = this._api;
    const lifetime = this._lifetime;
    if (!api || !lifetime || this._inFlight) return;
    this._quoteRequest?.abort();
    const request = new AbortController();
    this._quoteRequest = request;
    // _stop() aborts this request too, so it also ends with the connection.
    const {signal} = request;
    const items = this._cartItems();
    this._quotedCart = this._cartKey(items);
    this._error = '';
    try {
      const quote = items.length
        ? await api.quote({items, currency: this.currency || undefined}, signal)
        : null;
      if (signal.aborted) return;
      this._quoting = false;
      this._showQuote(quote);
      if (!quote) return;
      emit(this, 'pay-change', {quote});
      for (const provider of this._providers.values()) provider.update(quote);
      if (!this._provider) await this._loadActive(lifetime.signal);
    } catch (error) {
      if (signal.aborted) return;
      this._quoting = false;
      this._fail(error);
    }
  }

  // ---- Paying -------------------------------------------------------------------------------

  private _onPay(): void {
    const provider = this._provider;
    if (!provider?.usesPayButton) return;
    void this._runPayment(provider, (request) => provider.pay(request));
  }

  /**
   * One payment, whichever UI started it. Nothing here may await before `attempt` runs:
   * Stripe's `elements.submit()` has to start inside the buyer's click.
   */
  private async _runPayment(
    provider: PaymentProvider,
    attempt: (request: PaymentRequest) => Promise<PaymentOutcome>
  ): Promise<void> {
    const quote = this._quote;
    if (
      this._inFlight ||
      this._quoting ||
      provider !== this._provider ||
      !this._providerReady ||
      !quote
    )
      return;
    if (this._phase !== 'ready') return;
    const name = provider.name;
    // A missing or mistyped email stops here: no pay-submit, no order.
    if (!this._checkEmail(name)) return;
    if (
      !emit(this, 'pay-submit', {quote, provider: name}, {cancelable: true})
    ) {
      emit(this, 'pay-cancel', {provider: name, reason: 'prevented'});
      return;
    }
    this._inFlight = true;
    this._phase = 'paying';
    this._error = '';
    this._status = '';
    let outcome: PaymentOutcome;
    try {
      outcome = await attempt({
        items: this._cartItems(),
        currency: quote.currency,
        email: this._orderEmail(),
        locale: this._orderLocale(),
        expectedTotal: quote.total,
        returnUrl: this._returnUrl(),
      });
    } catch (error) {
      outcome = {type: 'failed', code: codeOf(error)};
    }
    await this._settle(outcome, name);
  }

  private async _settle(
    outcome: PaymentOutcome,
    provider: ProviderName
  ): Promise<void> {
    const t = this._messages;
    switch (outcome.type) {
      case 'confirmed':
        await this._confirm(outcome.orderId, outcome.orderToken, provider);
        return;
      case 'price_changed':
        // Nothing was charged: show the new total and let the buyer decide again.
        this._showQuote(outcome.quote);
        for (const each of this._providers.values()) each.update(outcome.quote);
        this._retryable();
        this._error = t.pricesChanged;
        emit(this, 'pay-change', {quote: outcome.quote});
        emit(this, 'pay-error', {
          code: 'price_changed',
          message: t.pricesChanged,
          provider,
        });
        return;
      case 'canceled':
        // The buyer closed the provider's window or came back from its page: not an error,
        // but say that nothing happened.
        this._retryable();
        this._error = '';
        this._status = t.canceled;
        emit(this, 'pay-cancel', {provider, reason: 'buyer'});
        return;
      case 'redirected':
        // The page is being left for the provider's: busy until it unloads. If the buyer
        // comes Back and the browser restores this page from its cache, they may pay again.
        this._status = t.redirecting;
        addEventListener(
          'pageshow',
          (event) => {
            if (event.persisted) this._retryable();
          },
          {once: true, signal: this._lifetime?.signal}
        );
        return;
      case 'failed': {
        const message = errorMessage(t, outcome.code, outcome.message);
        if (outcome.final) this._finish('done', message);
        else this._retryable();
        this._error = message;
        emit(this, 'pay-error', {
          code: outcome.code,
          message,
          provider,
          orderId: outcome.orderId,
        });
        return;
      }
    }
  }

  /** The provider took the payment; the order is paid once the server has the webhook. */
  private async _confirm(
    orderId: string,
    orderToken: string,
    provider: ProviderName
  ): Promise<void> {
    const t = this._messages;
    const api = this._api;
    const signal = this._lifetime?.signal;
    if (!api || !signal) return;
    this._phase = 'confirming';
    this._status = t.confirming;
    try {
      const result = await pollOrder((s) => api.order(orderId, orderToken, s), {
        signal,
      });
      if (signal.aborted) return;
      const order = result.order;
      if (!result.settled || !order) {
        this._finish('done', t.timeout(orderId));
        emit(this, 'pay-error', {
          code: 'confirmation_timeout',
          message: t.timeout(orderId),
          provider,
          orderId,
        });
      } else if (order.status === 'needs_review') {
        this._finish('done', t.needsReview(orderId));
        emit(this, 'pay-error', {
          code: 'order_needs_review',
          message: t.needsReview(orderId),
          provider,
          orderId,
        });
      } else if (order.status === 'failed' || order.status === 'canceled') {
        const message = t.errors.payment_failed!;
        this._retryable();
        this._error = message;
        emit(this, 'pay-error', {
          code: 'payment_failed',
          message,
          provider,
          orderId,
        });
      } else {
        // paid (or already past it: refunded, disputed…): the money moved. A return page
        // without a cart shows what was bought.
        this._quote ??= quoteOf(order);
        this._finish('success', '');
        this._status = t.success(order.id);
        emit(this, 'pay-success', {
          orderId: order.id,
          status: order.status,
          total: order.total,
          currency: order.currency,
          provider,
        });
      }
    } catch (error) {
      if (signal.aborted) return;
      const code = codeOf(error);
      const message = errorMessage(t, code);
      this._finish('done', message);
      emit(this, 'pay-error', {code, message, provider, orderId});
    }
  }

  /** Back to `ready`: the buyer may pay again; focus returns to Pay if disabling lost it. */
  private _retryable(): void {
    this._inFlight = false;
    // Without a cart (a return page), there is nothing to pay until items are added.
    this._phase = this._quote ? 'ready' : 'empty';
    this._status = '';
    void this.updateComplete.then(() => {
      const active = document.activeElement;
      if (!active || active === document.body) this._button?.focus();
    });
  }

  private _finish(phase: 'success' | 'done', error: string): void {
    this._inFlight = false;
    this._phase = phase;
    this._status = '';
    this._error = error;
  }

  private _fail(error: unknown, provider = this._provider?.name): void {
    const code = codeOf(error);
    const message = errorMessage(this._messages, code);
    if (code === 'server_not_found') {
      // For the developer: the buyer only sees that the checkout is not connected.
      console.error(
        `<pay-checkout>: no pay-checkout server answered at ${this._api?.base ?? this.server}. ` +
          'Loaded from a bundle rather than from the companion server, the element needs its address: ' +
          '<pay-checkout server="https://your-server.example">.'
      );
    }
    this._phase = this._quote ? 'ready' : 'error';
    this._error = message;
    emit(this, 'pay-error', {code, message, provider});
  }

  /** An error outside a payment attempt, reported by the provider (its form failed to load). */
  private _showError(
    code: string,
    providerMessage: string | undefined,
    provider: ProviderName
  ): void {
    const message = errorMessage(this._messages, code, providerMessage);
    this._error = message;
    emit(this, 'pay-error', {code, message, provider});
  }

  // ---- Email --------------------------------------------------------------------------------

  private _emailProblem(value: string): '' | 'required' | 'invalid' {
    const email = value.trim();
    if (!email) return 'required';
    return email.length <= 254 && EMAIL.test(email) ? '' : 'invalid';
  }

  /**
   * Before paying: is the email right? If not, the field says why (its own `role="alert"`),
   * takes the focus, and `pay-error` fires with `invalid_email`.
   */
  private _checkEmail(provider: ProviderName): boolean {
    if (this.noEmail) return true;
    const problem = this._emailProblem(this.email);
    this._emailError = problem;
    if (!problem) return true;
    void this.updateComplete.then(() => this._emailInput?.focus());
    const t = this._messages;
    emit(this, 'pay-error', {
      code: 'invalid_email',
      message: problem === 'required' ? t.emailRequired : t.emailInvalid,
      provider,
    });
    return false;
  }

  /** The email sent with the order: the field's, or (with `no-email`) the attribute's if it is an address. */
  private _orderEmail(): string | undefined {
    const email = this.email.trim();
    if (!email) return undefined;
    if (!this._emailProblem(email)) return email;
    console.warn(
      `<pay-checkout>: email="${email}" is not an email address; the order is sent without one.`
    );
    return undefined;
  }

  /** The resolved locale as the BCP 47 tag the server stores for the buyer's emails. */
  private _orderLocale(): string | undefined {
    const tag = this._locale;
    return LOCALE.test(tag) ? tag : undefined;
  }

  private _onEmailInput(event: Event): void {
    this.email = (event.target as HTMLInputElement).value;
    // Once the buyer has been told, the message follows the fix as they type.
    if (this._emailError) this._emailError = this._emailProblem(this.email);
  }

  private _onEmailChange(): void {
    // Leaving the field with something that is not an address says so at once; an empty
    // field waits for Pay.
    if (this.email.trim()) this._emailError = this._emailProblem(this.email);
  }

  private _returnUrl(): string {
    if (this.returnUrl) return new URL(this.returnUrl, location.href).href;
    const url = new URL(location.href);
    for (const name of RETURN_PARAMS) url.searchParams.delete(name);
    url.hash = '';
    return url.href;
  }

  // ---- Theme --------------------------------------------------------------------------------

  private _onThemeChange(theme: ResolvedTheme): void {
    // The Pay button's text is whichever of white and near-black reads better on the
    // resolved primary colour, so any brand colour stays legible. Set directly (not
    // rendered) because it is derived from the last render.
    this._base?.style.setProperty('--_color-on-primary', theme.colorOnPrimary);
    for (const provider of this._providers.values()) provider.setTheme(theme);
  }

  // ---- Rendering ----------------------------------------------------------------------------

  /** The first of these that is a language tag, canonical (`fr-ca` → `fr-CA`). */
  private get _locale(): string {
    for (const candidate of [
      this.locale,
      this._config?.locale,
      document.documentElement.lang,
      navigator.language,
    ]) {
      try {
        if (candidate) return Intl.getCanonicalLocales(candidate)[0]!;
      } catch {
        // Not a language tag (`en_US`): Intl would throw on it. Try the next.
      }
    }
    return 'en';
  }

  private get _messages(): Messages {
    return messagesFor(this._locale);
  }

  private _money(amount: number, quote: Quote): string {
    return formatMoney(amount, quote.currency, this._locale);
  }

  private _renderSkeleton(t: Messages) {
    const row = (total = false) =>
      html`<div class="skeleton__row">
        <span
          class="skeleton__bar ${total ? 'skeleton__bar--total' : ''}"
        ></span>
        <span class="skeleton__bar skeleton__bar--short"></span>
      </div>`;
    return html`<div part="skeleton">
      <span class="sr-only">${t.loading}</span>
      <div class="skeleton" aria-hidden="true">
        ${row()} ${row()} ${row(true)}
        <span class="skeleton__bar skeleton__bar--button"></span>
      </div>
    </div>`;
  }

  private _renderSummary(t: Messages, quote: Quote) {
    const count = new Intl.NumberFormat(this._locale);
    return html`<table
      class="summary"
      part="summary"
      aria-busy=${this._quoting ? 'true' : 'false'}
    >
      <caption class="summary__caption">
        ${t.orderSummary}
      </caption>
      <thead class="sr-only">
        <tr>
          <th scope="col">${t.item}</th>
          <th scope="col">${t.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${quote.lines.map(
          (line) =>
            html`<tr class="line" part="line">
              <th scope="row" class="line__name">
                ${line.name}<span class="line__qty"
                  >${t.quantity(count.format(line.quantity))}</span
                >
              </th>
              <td class="line__amount">${this._money(line.amount, quote)}</td>
            </tr>`
        )}
      </tbody>
      <tfoot>
        <tr class="subtotal" part="subtotal">
          <th scope="row">${t.subtotal}</th>
          <td>${this._money(quote.subtotal, quote)}</td>
        </tr>
        <tr class="total" part="total">
          <th scope="row">${t.total}</th>
          <td>${this._money(quote.total, quote)}</td>
        </tr>
      </tfoot>
    </table>`;
  }

  /** The buyer's email, above the payment form. Its message is an alert of its own, next to it. */
  private _renderEmail(t: Messages) {
    const locked = this._phase !== 'ready' && this._phase !== 'error';
    const problem =
      this._emailError === 'required'
        ? t.emailRequired
        : this._emailError === 'invalid'
          ? t.emailInvalid
          : '';
    return html`<div class="field" part="email">
      <label class="field__label" for="email">${t.email}</label>
      <input
        id="email"
        class="field__input"
        part="email-input"
        type="email"
        name="email"
        autocomplete="email"
        autocapitalize="off"
        spellcheck="false"
        required
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? 'email-error' : nothing}
        ?disabled=${locked}
        .value=${this.email}
        @input=${this._onEmailInput}
        @change=${this._onEmailChange}
      />
      ${
        problem
          ? html`<div
              id="email-error"
              class="field__error"
              part="email-error"
              role="alert"
            >
              <svg class="message__icon" viewBox="0 0 20 20" aria-hidden="true">
                ${alertIcon}
              </svg>
              <span>${problem}</span>
            </div>`
          : nothing
      }
    </div>`;
  }

  /**
   * The page is the return of a payment and has no cart of its own (a bare element on a
   * return page): only the outcome is shown, no Pay button and no "cart is empty".
   */
  private get _bareReturn(): boolean {
    if (this._quote) return false;
    if (this._phase === 'empty') return !!(this._status || this._error);
    return this._phase !== 'loading' && this._phase !== 'error';
  }

  /** Stripe in `mode="hosted"`: Pay leaves for Stripe's page. */
  private get _hosted(): boolean {
    return this.mode === 'hosted' && this._active === 'stripe';
  }

  private _renderButton(t: Messages) {
    const provider = this._provider;
    if (provider && !provider.usesPayButton) return nothing;
    if (this._bareReturn) return nothing;
    const busy = this._phase === 'paying' || this._phase === 'confirming';
    const payable =
      this._phase === 'ready' &&
      this._providerReady &&
      !this._quoting &&
      !this._inFlight;
    const label = busy
      ? t.processing
      : this._quote
        ? t.pay(this._money(this._quote.total, this._quote))
        : t.payNoAmount;
    return html`<button
      class="submit"
      part="submit-button"
      type="button"
      ?disabled=${!payable}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${this._onPay}
    >
      ${busy ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>` : nothing}
      <span>${label}</span>
    </button>`;
  }

  /**
   * A provider with its own buttons (PayPal) cannot be disabled from outside: while the
   * shown total is stale or a payment is being confirmed, its buttons are dimmed and do not
   * take clicks (a click then would also be refused by the pipeline).
   */
  private get _ownButtonsBusy(): boolean {
    return (
      !!this._provider &&
      !this._provider.usesPayButton &&
      (this._quoting || this._phase === 'confirming')
    );
  }

  /** The choice between providers: native radios, so arrow keys, Tab and Space work as everywhere. */
  private _renderChoice(t: Messages) {
    const locked = this._phase !== 'ready' && this._phase !== 'error';
    return html`<fieldset
      class="providers"
      part="provider-tabs"
      role="radiogroup"
      ?disabled=${locked}
    >
      <legend class="sr-only">${t.paymentMethod}</legend>
      ${this._offered.map((name) => {
        const checked = name === this._active;
        return html`<label
          class="provider"
          part=${checked ? 'provider-tab provider-tab-checked' : 'provider-tab'}
        >
          <input
            class="provider__input"
            type="radio"
            name="provider"
            value=${name}
            .checked=${checked}
            @change=${this._onChooseProvider}
          />
          <span>${t.providers[name]}</span>
        </label>`;
      })}
    </fieldset>`;
  }

  override render() {
    const t = this._messages;
    const loading = this._phase === 'loading';
    const success = this._phase === 'success';
    const quote = this._quote;
    return html`<div
      class="base"
      part="base"
      aria-busy=${loading ? 'true' : 'false'}
    >
      <div class="probe" aria-hidden="true"></div>
      ${
        loading
          ? this._renderSkeleton(t)
          : quote
            ? this._renderSummary(t, quote)
            : this._phase === 'empty' && !this._bareReturn
              ? html`<p class="empty">${t.emptyCart}</p>`
              : nothing
      }
      ${quote && !loading && !success && !this.noEmail ? this._renderEmail(t) : nothing}
      ${
        quote && !loading && !success && this._offered.length > 1
          ? this._renderChoice(t)
          : nothing
      }
      <div
        class="payment ${this._ownButtonsBusy ? 'payment--busy' : ''}"
        part="payment"
        role="group"
        aria-label=${t.paymentDetails}
        ?hidden=${loading || success || !this._provider}
      >
        ${
          this._hosted
            ? html`<p class="hosted-note" part="hosted-note">
                ${t.hostedNote}
              </p>`
            : nothing
        }
        <slot
          name="stripe-payment-element"
          ?hidden=${this._active !== 'stripe'}
        ></slot>
        <slot name="paypal-buttons" ?hidden=${this._active !== 'paypal'}></slot>
      </div>
      ${loading || success ? nothing : this._renderButton(t)}
      <div
        class="message message--error ${this._error ? '' : 'message--empty'}"
        part="message error"
        role="alert"
      >
        ${
          this._error
            ? html`<svg
                  class="message__icon"
                  viewBox="0 0 20 20"
                  aria-hidden="true"
                >
                  ${alertIcon}
                </svg>
                <span>${this._error}</span>`
            : nothing
        }
      </div>
      <div
        class="message ${success ? 'message--success' : ''} ${this._status ? '' : 'message--empty'}"
        part="message status"
        role="status"
        aria-live="polite"
      >
        ${
          success
            ? html`<svg
                class="message__icon"
                viewBox="0 0 20 20"
                aria-hidden="true"
              >
                ${checkIcon}
              </svg>`
            : nothing
        }
        <span>${this._status}</span>
      </div>
      <slot hidden @slotchange=${this._onItemsSlotChange}></slot>
    </div>`;
  }
}

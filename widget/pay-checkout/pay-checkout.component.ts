/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {LitElement, html, nothing, svg, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import type {CartItem, ConfigResponse, Quote} from '../../server/contract.js';
import {Api, ApiError, codeOf, defaultServer} from '../internal/api.js';
import {emit, type ProviderName} from '../internal/events.js';
import {
  errorMessage,
  messagesFor,
  type Messages,
} from '../internal/messages.js';
import {formatMoney} from '../internal/money.js';
import {pollOrder} from '../internal/poll.js';
import {
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

/** Query parameters Stripe adds to the return URL; never part of the next return URL. */
const RETURN_PARAMS = [
  'payment_intent',
  'payment_intent_client_secret',
  'redirect_status',
];

/**
 * - `loading`: fetching the config and the first quote (skeleton).
 * - `empty`: no items. `ready`: quote shown, payable once the provider is mounted.
 * - `paying`: a payment attempt is in flight. `confirming`: polling the order.
 * - `success`: the order is paid. `done`: ended without success and must not be retried
 *   (needs review, confirmation timed out). `error`: the checkout could not load.
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

const checkIcon = svg`<path fill="currentColor" d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm4.03 6.28-4.75 5.5a.75.75 0 0 1-1.1.04l-2.25-2.25a.75.75 0 1 1 1.06-1.06l1.68 1.68 4.22-4.89a.75.75 0 1 1 1.14.98Z"/>`;
const alertIcon = svg`<path fill="currentColor" d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 4a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5.5Zm0 9.25a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z"/>`;

/**
 * @summary A checkout you drop into any page: the cart priced by the companion server, the
 * payment provider's form, one Pay button, and the result.
 *
 * Lines and totals are always the server's quote, never prices from the page. Stripe's
 * Payment Element cannot live in shadow DOM, so the element creates a light-DOM child
 * `<div slot="stripe-payment-element">` and shows it through a named slot.
 *
 * @tag pay-checkout
 *
 * @slot - `<pay-item sku quantity>` children: the cart (ignored when `items` is set).
 * @slot stripe-payment-element - Created by the element: where Stripe's Payment Element is mounted.
 *
 * @event {CustomEvent<PayReadyDetail>} pay-ready - The quote is shown and the payment form is mounted. Detail: `{quote, provider}`.
 * @event {CustomEvent<PayChangeDetail>} pay-change - The server answered with a new quote (cart or currency changed, or prices changed at payment). Detail: `{quote}`.
 * @event {CustomEvent<PaySubmitDetail>} pay-submit - The buyer pressed Pay. Cancelable: `preventDefault()` stops the payment (then `pay-cancel` fires). Detail: `{quote, provider}`.
 * @event {CustomEvent<PaySuccessDetail>} pay-success - The server marked the order paid. Detail: `{orderId, status, total, currency, provider}`.
 * @event {CustomEvent<PayErrorDetail>} pay-error - Loading or paying failed; `message` is what the buyer was shown. Detail: `{code, message, provider?, orderId?}`.
 * @event {CustomEvent<PayCancelDetail>} pay-cancel - A payment was abandoned before it was attempted. Detail: `{provider, reason}`.
 *
 * @csspart base - The card wrapping everything.
 * @csspart skeleton - The placeholder shown while the quote loads.
 * @csspart summary - The order summary table.
 * @csspart line - One cart line (a table row).
 * @csspart subtotal - The subtotal row.
 * @csspart total - The total row.
 * @csspart payment - The wrapper around the provider's form.
 * @csspart submit-button - The Pay button.
 * @csspart spinner - The progress indicator inside the Pay button.
 * @csspart message - Both message regions.
 * @csspart error - The error region (`role="alert"`).
 * @csspart status - The status region (`role="status"`, polite): confirming, success.
 *
 * @cssproperty [--pay-color-primary=#635bff] - Brand colour: the Pay button, focus rings, Stripe's `colorPrimary` (dark default #8f89ff).
 * @cssproperty [--pay-color-background=#ffffff] - Card and input background, Stripe's `colorBackground` (dark default #1c1d26).
 * @cssproperty [--pay-color-text=#30313d] - Text colour, Stripe's `colorText` (dark default #ececf1).
 * @cssproperty [--pay-color-danger=#df1b41] - Error accents, Stripe's `colorDanger` (dark default #ff7a93).
 * @cssproperty [--pay-color-text-secondary=#6d6e78] - Quantities, captions, subtotal; Stripe's `colorTextSecondary` (dark default #a9aab6).
 * @cssproperty [--pay-font-family=system-ui] - Font stack, Stripe's `fontFamily`.
 * @cssproperty [--pay-font-size-base=16px] - Base font size, Stripe's `fontSizeBase`.
 * @cssproperty [--pay-spacing-unit=2px] - The spacing scale's unit, Stripe's `spacingUnit`.
 * @cssproperty [--pay-border-radius=6px] - Corner radius of the button and inputs (the card uses twice it), Stripe's `borderRadius`.
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
  private _provider?: PaymentProvider;
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
  @query('slot:not([name])') private _itemSlot?: HTMLSlotElement;

  @state() private _phase: Phase = 'loading';
  @state() private _quote: Quote | null = null;
  /** A cart change is waiting for its quote: the shown total is stale, so Pay waits. */
  @state() private _quoting = false;
  @state() private _providerReady = false;
  @state() private _error = '';
  @state() private _status = '';

  /**
   * Which providers may be offered, space-separated, in order of preference; the first one
   * the server has configured is used. Only `stripe` is available in this version.
   */
  @property() provider = 'stripe';

  /** ISO 4217 code of the cart (`usd`, `EUR`). Empty: the server's default currency. */
  @property() currency = '';

  /** BCP 47 locale for text and money. Empty: the server's, then the page's `<html lang>`, then the browser's. */
  @property() locale = '';

  /** Base URL of the companion server. Empty: the origin this script was loaded from. */
  @property() server = '';

  /** `embedded` (the provider's form inside the element). `hosted` (redirect to the provider's page) is not available yet. */
  @property() mode: 'embedded' | 'hosted' = 'embedded';

  /** Where redirect-based payment methods return to. Empty: this page. */
  @property({attribute: 'return-url'}) returnUrl = '';

  /** The buyer's email, sent with the order for the receipt. */
  @property() email = '';

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
    if (this.mode !== 'embedded') {
      this._fail(
        new ApiError(
          'mode_not_supported',
          `mode="${this.mode}" is not available yet.`,
          0
        )
      );
      return;
    }
    const api = new Api(this.server || defaultServer());
    this._api = api;
    const items = this._cartItems();
    this._quotedCart = this._cartKey(items);
    try {
      // Both at once: the config names the provider, the quote is what the buyer sees.
      const [config, quote] = await Promise.all([
        api.config(signal),
        items.length
          ? api.quote({items, currency: this.currency || undefined}, signal)
          : null,
      ]);
      this._config = config;
      this._showQuote(quote);
      // The cart may have changed while the first quote was on its way.
      this._scheduleRequote();
      if (quote) await this._loadProvider(signal);
    } catch (error) {
      if (!signal.aborted) this._fail(error);
    }
  }

  private _stop(): void {
    this._lifetime?.abort();
    this._quoteRequest?.abort();
    clearTimeout(this._requoteTimer);
    if (this._provider) {
      this._provider.destroy();
      this.removeController(this._provider);
    }
    this._provider = undefined;
    this._providerReady = false;
    this._api = undefined;
    this._config = undefined;
    this._inFlight = false;
    this._quoting = false;
  }

  private _showQuote(quote: Quote | null): void {
    this._quote = quote;
    this._phase = quote ? 'ready' : 'empty';
  }

  private _chooseProvider(): ProviderName | undefined {
    const wanted = this.provider.split(/\s+/).filter(Boolean) as ProviderName[];
    return wanted.find(
      (name) => providerLoaders[name] && this._config?.providers[name]
    );
  }

  private async _loadProvider(signal: AbortSignal): Promise<void> {
    if (this._provider || !this._api || !this._config || !this._quote) return;
    const name = this._chooseProvider();
    if (!name) {
      throw new ApiError(
        'provider_not_configured',
        `No configured provider among "${this.provider}".`,
        0
      );
    }
    const createProvider = await providerLoaders[name]!();
    if (signal.aborted || this._provider) return;
    const provider = createProvider(this, {
      runPayment: (attempt) => this._runPayment(attempt),
    });
    this._provider = provider;
    try {
      await provider.load({
        api: this._api,
        config: this._config,
        quote: this._quote,
        theme: this._theme.refresh()!,
        locale: this.locale,
        mountNode: this._mountNode(provider.slot),
        reportError: (code, message) => this._showError(code, message),
      });
    } catch (error) {
      // Forget the half-loaded provider so the next cart change tries again.
      provider.destroy();
      this.removeController(provider);
      this._provider = undefined;
      throw error;
    }
    if (signal.aborted) return;
    this._providerReady = true;
    emit(this, 'pay-ready', {quote: this._quote, provider: name});

    // A page that is the return_url of a redirect-based payment finishes that payment.
    const resumed = await provider.resume();
    if (resumed && !signal.aborted) {
      this._inFlight = true;
      this._phase = 'paying';
      await this._settle(resumed, name);
    }
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
    if (this._phase === 'success' || this._phase === 'done') return;
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
      if (this._provider) this._provider.update(quote);
      else await this._loadProvider(lifetime.signal);
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
    void this._runPayment((request) => provider.pay(request));
  }

  /**
   * One payment, whichever UI started it. Nothing here may await before `attempt` runs:
   * Stripe's `elements.submit()` has to start inside the buyer's click.
   */
  private async _runPayment(
    attempt: (request: PaymentRequest) => Promise<PaymentOutcome>
  ): Promise<void> {
    const provider = this._provider;
    const quote = this._quote;
    if (
      this._inFlight ||
      this._quoting ||
      !provider ||
      !this._providerReady ||
      !quote
    )
      return;
    if (this._phase !== 'ready') return;
    const name = provider.name;
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
        email: this.email || undefined,
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
        this._provider?.update(outcome.quote);
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
        this._retryable();
        emit(this, 'pay-cancel', {provider, reason: 'buyer'});
        return;
      case 'failed': {
        const message = errorMessage(t, outcome.code, outcome.message);
        this._retryable();
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
        // paid (or already past it: refunded, disputed…): the money moved.
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
    this._phase = 'ready';
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

  private _fail(error: unknown): void {
    const code = codeOf(error);
    const message = errorMessage(this._messages, code);
    this._phase = this._quote ? 'ready' : 'error';
    this._error = message;
    emit(this, 'pay-error', {code, message, provider: this._provider?.name});
  }

  /** An error outside a payment attempt, reported by the provider (its form failed to load). */
  private _showError(code: string, providerMessage?: string): void {
    const message = errorMessage(this._messages, code, providerMessage);
    this._error = message;
    emit(this, 'pay-error', {code, message, provider: this._provider?.name});
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
    this._provider?.setTheme(theme);
  }

  // ---- Rendering ----------------------------------------------------------------------------

  private get _locale(): string {
    return (
      this.locale ||
      this._config?.locale ||
      document.documentElement.lang ||
      navigator.language ||
      'en'
    );
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

  private _renderButton(t: Messages) {
    const provider = this._provider;
    if (provider && !provider.usesPayButton) return nothing;
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
            : this._phase === 'empty'
              ? html`<p class="empty">${t.emptyCart}</p>`
              : nothing
      }
      <div
        class="payment"
        part="payment"
        role="group"
        aria-label=${t.paymentDetails}
        ?hidden=${loading || success || !this._provider}
      >
        <slot name="stripe-payment-element"></slot>
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

/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The checkout chunk: everything <pay-checkout> does once it is on the page, requested by the
 * element the moment it connects, together with the config and the first quote
 * (./head-start.ts). Until it is in, the element shows its skeleton. `Checkout` carries the
 * controllers (the session, the cart and its quotes, the providers, the payment's phases,
 * the buyer's email and address, the locale, the theme) and renders the checkout; the
 * element (./pay-checkout.component.ts) keeps the public properties and hands it its
 * lifecycle.
 */
import {
  html,
  nothing,
  type PropertyValues,
  type ReactiveControllerHost,
} from 'lit';
import type {CartItem, Quote} from '../contract.js';
import {addStyles} from '../internal/add-styles.js';
import {languageTag} from '../internal/buyer.js';
import {ownDirection} from '../internal/direction.js';
import type {ProviderName} from '../internal/events.js';
import type {Messages} from '../internal/messages.js';
import type {CheckoutDetails} from '../internal/providers/provider.js';
import {returnUrl} from '../internal/providers/returns.js';
import {ThemeController, type ResolvedTheme} from '../internal/theme.js';
import styles from './checkout.styles.js';
import {BuyerEmail} from './controllers/buyer-email.js';
import {CartController} from './controllers/cart-controller.js';
import {CartEditingController} from './controllers/cart-editing-controller.js';
import {LocaleController} from './controllers/locale-controller.js';
import {PaymentController} from './controllers/payment-controller.js';
import {
  bareReturn,
  busy,
  editable,
  payable,
  withError,
} from './controllers/phases.js';
import {ProvidersController} from './controllers/providers-controller.js';
import {SessionController} from './controllers/session-controller.js';
import type {HeadStart} from './controllers/session.js';
import {ShippingController} from './controllers/shipping-controller.js';
import {emailField} from './templates/email-field.js';
import {messageRegions} from './templates/message-regions.js';
import {payButton} from './templates/pay-button.js';
import {paymentSection} from './templates/payment-section.js';
import {providerChoice} from './templates/provider-choice.js';
import {skeleton} from './templates/skeleton.js';
import {summary} from './templates/summary.js';

/** The element, as the checkout reads it: its public properties (./pay-checkout.component.ts). */
export interface CheckoutHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly provider: string;
  readonly currency: string;
  readonly locale: string;
  readonly server: string;
  readonly mode: 'embedded' | 'hosted';
  readonly returnUrl: string;
  readonly email: string;
  readonly noEmail: boolean;
  items: CartItem[] | undefined;
  readonly editable: boolean;
  readonly discountCodes: boolean;
}

export class Checkout {
  private readonly _host: CheckoutHost;

  /** The buyer's language: its table and money. */
  private readonly _locale: LocaleController;
  private readonly _theme: ThemeController;
  private readonly _email: BuyerEmail;
  /** The phases of the checkout and its payments: what the buyer sees. */
  private readonly _payment: PaymentController;
  /** Which providers are offered and shown, and their loaded controllers. */
  private readonly _providers: ProvidersController;
  /** The cart (`items` or the `<pay-item>` children) and its quotes. */
  private readonly _cart: CartController;
  /** Where the cart ships to: the address (the element's form or the provider's) and the rate. */
  private readonly _shipping: ShippingController;
  /** The chunk of the editable line and the discount field (./cart-editing.ts). */
  private readonly _editing: CartEditingController;
  /** The connection to the server: config, first quote, the provider shown. */
  private readonly _session: SessionController;

  /**
   * What the buyer chose besides the cart (address, shipping rate, discount code): part of
   * every quote and every payment. Replaced, never mutated, by `_setDetails`.
   */
  private _details: CheckoutDetails = {};

  /** Starts on `host` (at once if it is connected), taking over `head` when it still fits. */
  constructor(host: CheckoutHost, head?: HeadStart) {
    this._host = host;
    // After the element's own sheet, before the other chunks' (they load from here).
    if (host.shadowRoot) addStyles(host.shadowRoot, styles);
    this._locale = new LocaleController(
      host,
      () => this._session.current?.config
    );
    this._theme = new ThemeController(
      host,
      () => this._query('.probe'),
      (theme) => this._onThemeChange(theme)
    );
    this._email = new BuyerEmail(host, {
      messages: () => this._messages,
      input: () => this._query<HTMLInputElement>('.field__input') ?? undefined,
    });
    this._payment = new PaymentController(host, {
      session: () => this._session.current,
      // With the error sentences of the providers loaded so far.
      messages: () => this._locale.messages(this._providers.messages),
      validate: (provider) => this._validate(provider),
      request: () => ({
        items: this._cart.items(),
        email: this._email.forOrder(),
        locale: languageTag(this._locale.tag),
        returnUrl: returnUrl(host.returnUrl),
        ...this._details,
        // A code the shown quote did not apply is left out: the server would answer price_changed.
        discountCode: this._editing.discount?.forPayment(),
      }),
      requoted: (quote) => this._providers.update(quote),
      refocus: () => this._refocus(),
    });
    this._providers = new ProvidersController(host, this._payment, {
      session: () => this._session.current,
      theme: () => this._theme.refresh()!,
      validate: (provider) => this._validate(provider),
      shipping: {
        address: () => this._shipping.address(),
        change: (address) => this._shipping.fromProvider(address),
      },
      locale: () => this._locale.tag,
    });
    this._cart = new CartController(host, this._payment, this._providers, {
      session: () => this._session.current,
      itemSlot: () => this._query<HTMLSlotElement>('slot:not([name])'),
      details: () => this._details,
      locale: () => languageTag(this._locale.tag),
    });
    this._shipping = new ShippingController(host, {
      messages: () => this._messages,
      quote: () => this._payment.state.quote,
      providerCollects: () => !!this._providers.current?.addressSlot,
      setDetails: (patch, requote) => this._setDetails(patch, requote),
      dismissError: () => this._payment.set(withError(this._payment.state, '')),
      root: () => host.renderRoot,
    });
    this._editing = new CartEditingController(host, {
      code: () => this._details.discountCode,
      set: (discountCode) => this._setDetails({discountCode}),
      quote: () => this._payment.state.quote,
      input: () => this._query<HTMLInputElement>('#discount-code'),
      remove: () => this._query<HTMLButtonElement>('.chip__remove'),
    });
    this._session = new SessionController(
      host,
      {
        payment: this._payment,
        providers: this._providers,
        cart: this._cart,
        reset: () => {
          this._email.reset();
          this._shipping.reset();
        },
        preload: () => Promise.all([this._editing.load(), this._locale.load()]),
        // The server's locale may name another table.
        configured: () => this._locale.load(),
      },
      head
    );
    // The probe the theme is read from is in the first render of the checkout.
    host.requestUpdate();
    void host.updateComplete.then(() => this._theme.refresh());
  }

  /** The element's `willUpdate`, once it has rendered. */
  willUpdate(changed: PropertyValues): void {
    if (
      changed.has('server') ||
      changed.has('provider') ||
      changed.has('mode')
    ) {
      this._session.restart();
    } else if (
      changed.has('items') ||
      changed.has('currency') ||
      // The lines' names come in the buyer's language.
      changed.has('locale')
    ) {
      if (changed.has('locale')) this._providers.setLocale(this._locale.tag);
      this._cart.schedule();
    }
  }

  /** See the element's `refreshTheme()`. */
  refreshTheme(): void {
    this._theme.refresh();
  }

  private _query<E extends Element = HTMLElement>(selector: string): E | null {
    return this._host.renderRoot.querySelector<E>(selector);
  }

  private _onThemeChange(theme: ResolvedTheme): void {
    // The Pay button's text is whichever of white and near-black reads better on the
    // resolved primary colour, so any brand colour stays legible. Set directly (not
    // rendered) because it is derived from the last render.
    this._query('.base')?.style.setProperty(
      '--_color-on-primary',
      theme.colorOnPrimary
    );
    this._providers.setTheme(theme);
  }

  /**
   * The buyer changed a detail (an address field, the rate, the code): re-quote once it
   * settles, unless it changes no price (`requote` false: a street name is sent with the next
   * request).
   */
  private _setDetails(patch: Partial<CheckoutDetails>, requote = true): void {
    this._details = {...this._details, ...patch};
    if (requote) this._cart.schedule();
  }

  /** Before paying: the email, then the shipping address (each field says what is wrong; the first takes the focus). */
  private _validate(provider: ProviderName): boolean {
    const email = this._email.check(provider);
    return this._shipping.check(provider, email) && email;
  }

  /** Payable again: focus returns to Pay if disabling it lost it. */
  private _refocus(): void {
    void this._host.updateComplete.then(() => {
      const active = document.activeElement;
      if (!active || active === document.body)
        this._query<HTMLButtonElement>('.submit')?.focus();
    });
  }

  // ---- Rendering ----------------------------------------------------------------------------

  private get _messages(): Messages {
    return this._locale.messages();
  }

  private readonly _onChooseProvider = (event: Event): void => {
    this._providers.choose(
      (event.target as HTMLInputElement).value as ProviderName
    );
  };

  /** The Pay button (not for a provider with buttons of its own, nor on a bare return page). */
  private _renderButton(t: Messages) {
    const state = this._payment.state;
    const provider = this._providers.current;
    if ((provider && !provider.usesPayButton) || bareReturn(state))
      return nothing;
    const progress = busy(state);
    const {quote} = state;
    return payButton({
      label: progress
        ? t.processing
        : quote
          ? t.pay(this._locale.money(quote.total, quote.currency))
          : t.payNoAmount,
      disabled:
        !(payable(state) && this._providers.ready) || this._shipping.blocked,
      busy: progress,
      onClick: this._providers.pay,
    });
  }

  /** Where the cart ships to, once the shipping chunk is loaded (./shipping-form.ts). */
  private _renderShipping(quote: Quote) {
    const provider = this._providers.current;
    const shipping = this._shipping;
    const view = shipping.view;
    if (!provider || !view) return nothing;
    return view.shippingSection(
      view.shippingMessages(this._locale.tag),
      quote,
      {
        slot: provider.addressSlot,
        draft: shipping.draft,
        problems: shipping.problems,
        unavailable: shipping.unavailable,
        locale: this._locale.tag,
        disabled: !editable(this._payment.state),
        money: (amount) => this._locale.money(amount, quote.currency),
        onInput: shipping.onInput,
        onChange: shipping.onChange,
        onRate: shipping.onRate,
      }
    );
  }

  /** The summary; in an `editable` cart with its steppers and remove buttons. */
  private _renderSummary(t: Messages, quote: Quote) {
    const state = this._payment.state;
    const cart = this._cart;
    return summary(t, quote, {
      locale: this._locale.tag,
      stale: state.quoting,
      announce: cart.totalChanged,
      cart: this._editing.summaryCart(cart, !editable(state)),
    });
  }

  render() {
    const host = this._host;
    const t = this._messages;
    const state = this._payment.state;
    const {quote, error, status} = state;
    const {active, offered} = this._providers;
    const loading = state.phase === 'loading';
    const success = state.phase === 'success';
    const form = quote && !loading && !success;
    // The buyer's language marks the checkout (a screen reader's voice, and `dir` from it when the page sets none).
    const tag = this._locale.tag;
    return html`<div
      class="base"
      part="base"
      lang=${languageTag(tag) ?? nothing}
      dir=${ownDirection(host, tag) ?? nothing}
      aria-busy=${loading ? 'true' : 'false'}
    >
      <div class="probe" aria-hidden="true"></div>
      ${
        loading
          ? skeleton(t.loading)
          : quote
            ? this._renderSummary(t, quote)
            : state.phase === 'empty' && !bareReturn(state)
              ? html`<p class="empty" tabindex="-1">${t.emptyCart}</p>`
              : nothing
      }
      ${form ? this._editing.discountField(t, !editable(state)) : nothing}
      ${
        form && !host.noEmail
          ? emailField(t, {
              value: host.email,
              problem: this._email.problem,
              disabled: !editable(state),
              onInput: this._email.onInput,
              onChange: this._email.onChange,
            })
          : nothing
      }
      ${
        form && offered.length > 1
          ? providerChoice(t, {
              offered,
              active,
              disabled: !editable(state),
              onChange: this._onChooseProvider,
            })
          : nothing
      }
      ${form && quote.requiresShipping ? this._renderShipping(quote) : nothing}
      ${paymentSection(t, {
        active,
        hidden: loading || success || !this._providers.current,
        hosted: this._providers.hosted,
        busy: this._providers.ownButtonsBusy,
      })}
      ${loading || success ? nothing : this._renderButton(t)}
      ${messageRegions({error, status, success})}
      <slot hidden @slotchange=${this._cart.schedule}></slot>
    </div>`;
  }
}

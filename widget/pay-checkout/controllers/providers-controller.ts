/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The payment providers of <pay-checkout>: which ones to offer (asked for by `provider`,
 * configured on the server), which one is shown, loading its controller and SDK when it is
 * first shown, the light-DOM node it mounts into, and switching between them. What a
 * provider does is behind one interface (../../internal/providers/provider.ts); which code
 * drives it is the registry's business (../../internal/providers/registry.ts).
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Quote} from '../../contract.js';
import {ApiError} from '../../internal/api.js';
import {emit, type ProviderName} from '../../internal/events.js';
import type {HostedReturn} from '../../internal/hosted.js';
import type {ErrorTables} from '../../internal/messages.js';
import type {
  PaymentOutcome,
  PaymentRequest,
  ProviderController,
  ShippingBridge,
} from '../../internal/providers/provider.js';
import {
  type Entry,
  providerNames,
  providers,
} from '../../internal/providers/registry.js';
import {redirectReturn} from '../../internal/providers/returns.js';
import type {ResolvedTheme} from '../../internal/theme.js';
import type {PaymentController} from './payment-controller.js';
import {cleared} from './phases.js';
import type {Session} from './session.js';

type ShadowHost = typeof import('../shadow-host.js');

/** What this controller reads from its element. */
interface ProvidersHost extends ReactiveControllerHost, HTMLElement {
  /** Which providers to offer, space-separated (`stripe paypal`). */
  readonly provider: string;
  readonly mode: 'embedded' | 'hosted';
  /** The `locale` attribute, handed to the provider ('' lets it choose). */
  readonly locale: string;
}

interface ProvidersOptions {
  session: () => Session | undefined;
  /** The resolved theme, for a provider that is loading. */
  theme: () => ResolvedTheme;
  /** Checks the element's own fields (the email) for a provider whose window opens on click. */
  validate: (provider: ProviderName) => boolean;
  /** The shipping address, for a provider that collects it in its own form. */
  shipping: ShippingBridge;
  /** The language the element speaks (BCP 47), for the provider's own UI. */
  locale: () => string;
}

export class ProvidersController implements ReactiveController {
  /** The providers the server is configured for, among those asked for, in that order. */
  offered: ProviderName[] = [];
  /** The provider whose form is shown (the buyer's choice when several are offered). */
  active?: ProviderName;

  private readonly _host: ProvidersHost;
  private readonly _payment: PaymentController;
  private readonly _options: ProvidersOptions;
  /** The cart's currency the offer was made for (upper case). */
  private _currency?: string;
  /** The providers loaded (or loading) so far, at most one per name. */
  private readonly _loaded = new Map<ProviderName, ProviderController>();
  /** Providers whose form is mounted. */
  private _mounted: ReadonlySet<ProviderName> = new Set();
  /** The error sentences of every provider loaded so far (kept when it is unloaded). */
  private readonly _messages = new Set<ErrorTables>();
  /** Inside another component's shadow root: the chunk that mounts providers in the document. */
  private _shadowHost?: ShadowHost;
  /** There, each slot's provider node in the document (over its placeholder child). */
  private readonly _documentMounts = new Map<
    string,
    ReturnType<ShadowHost['mountInDocument']>
  >();

  constructor(
    host: ProvidersHost,
    payment: PaymentController,
    options: ProvidersOptions
  ) {
    this._host = host;
    this._payment = payment;
    this._options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The provider whose form is shown, if it has been loaded. */
  get current(): ProviderController | undefined {
    return this.active ? this._loaded.get(this.active) : undefined;
  }

  /** The shown provider's form is mounted. */
  get ready(): boolean {
    return !!this.active && this._mounted.has(this.active);
  }

  /** The sentences for the providers' own error codes, of every provider loaded so far. */
  get messages(): ReadonlySet<ErrorTables> {
    return this._messages;
  }

  /**
   * A provider with its own buttons (PayPal) cannot be disabled from outside: while the
   * shown total is stale or a payment is being confirmed, its buttons are dimmed and do not
   * take clicks (a click then would also be refused by the pipeline).
   */
  get ownButtonsBusy(): boolean {
    const {quoting, phase} = this._payment.state;
    const provider = this.current;
    return (
      !!provider &&
      !provider.usesPayButton &&
      (quoting || phase === 'confirming')
    );
  }

  /**
   * After each render: the shown provider's own buttons are `inert` while busy. Set on the
   * light-DOM node itself, not through `.payment--busy ::slotted(…)`: Chromium sometimes
   * keeps that rule's pointer-events:none on the slotted node after the class is gone, and
   * every later click on PayPal's button was lost without a word.
   */
  hostUpdated(): void {
    const provider = this.current;
    if (!provider || provider.usesPayButton) return;
    const node = [...this._host.children].find(
      (child) => child.slot === provider.slot
    );
    node?.toggleAttribute('inert', this.ownButtonsBusy);
  }

  /** `mode="hosted"` with a provider that has a hosted page (Stripe): Pay leaves for it. */
  get hosted(): boolean {
    return (
      this._host.mode === 'hosted' &&
      !!this.active &&
      !!providers[this.active].hosted
    );
  }

  /**
   * Works out which providers to offer, and which one to show first. A page returning from a
   * provider's redirect or hosted page (`returned`) finishes that payment, so shows it.
   */
  offer(returned: HostedReturn | null, currency?: string): void {
    this.offered = this._offerable(currency);
    const returning = returned
      ? (returned.order?.provider ?? 'stripe')
      : redirectReturn();
    this.active =
      returning && this.offered.includes(returning)
        ? returning
        : this.active && this.offered.includes(this.active)
          ? this.active
          : this.offered[0];
    this._host.requestUpdate();
  }

  /**
   * The providers asked for and configured, in the order asked, that take `currency` (the
   * cart's: Braintree only where it has a merchant account for it).
   */
  private _offerable(currency: string | undefined): ProviderName[] {
    const wanted = this._host.provider.split(/\s+/);
    const configured = this._options.session()?.config?.providers ?? {};
    this._currency = currency?.toUpperCase();
    return providerNames
      .filter((name) => {
        const settings = configured[name];
        if (!wanted.includes(name) || !Object.hasOwn(configured, name))
          return false;
        const offers = (providers[name] as Entry<ProviderName>).offers;
        return (
          !!settings &&
          (!offers || !this._currency || offers(settings, this._currency))
        );
      })
      .sort((a, b) => wanted.indexOf(a) - wanted.indexOf(b));
  }

  /** Loads the shown provider (if it is not yet); refuses when none is offered. */
  async loadActive(signal: AbortSignal): Promise<void> {
    if (!this.active) {
      throw new ApiError(
        'provider_not_configured',
        `No configured provider among "${this._host.provider}".`,
        0
      );
    }
    await this._load(this.active, signal);
  }

  /** The buyer picked another provider: show its form, loading it the first time. */
  choose(name: ProviderName): void {
    if (name === this.active || this._payment.state.inFlight) return;
    this.active = name;
    this._host.requestUpdate();
    this._payment.set(cleared(this._payment.state));
    const signal = this._options.session()?.signal;
    if (!signal || !this._payment.state.quote) return;
    this._load(name, signal).catch((error: unknown) => {
      if (!signal.aborted && this.active === name)
        this._payment.fail(error, name);
    });
  }

  /** The Pay button's click: the shown provider pays, if it is one that uses it. */
  readonly pay = (): void => {
    const provider = this.current;
    if (!provider?.usesPayButton) return;
    void this._run(provider, (request) => provider.pay(request));
  };

  /** The quote changed: every loaded provider shows the new amount (and currency). */
  update(quote: Quote): void {
    // Another currency may add or take away a provider (Braintree's merchant accounts).
    if (this._currency && quote.currency.toUpperCase() !== this._currency) {
      this.offered = this._offerable(quote.currency);
      if (this.active && !this.offered.includes(this.active)) {
        const next = this.offered[0];
        this.active = undefined;
        if (next) this.choose(next);
      }
      this._host.requestUpdate();
    }
    for (const provider of this._loaded.values()) provider.update(quote);
  }

  /** The element's language changed: the providers that can follow it once loaded (PayPal's SDK keeps the one it loaded with). */
  setLocale(locale: string): void {
    for (const provider of this._loaded.values()) provider.setLocale?.(locale);
  }

  setTheme(theme: ResolvedTheme): void {
    for (const provider of this._loaded.values()) provider.setTheme(theme);
  }

  /** Unmounts every provider and forgets the choice's options. */
  stop(): void {
    for (const provider of this._loaded.values()) {
      provider.destroy();
      this._host.removeController(provider);
    }
    this._loaded.clear();
    for (const mount of this._documentMounts.values()) mount.destroy();
    this._documentMounts.clear();
    this._mounted = new Set();
    this.offered = [];
    this._host.requestUpdate();
  }

  private async _load(name: ProviderName, signal: AbortSignal): Promise<void> {
    const session = this._options.session();
    const config = session?.config;
    if (this._loaded.has(name) || !session || !config) return;
    const quote = this._payment.state.quote;
    // Without a cart, a provider loads only on the return_url of its redirect (a return page).
    if (!quote && redirectReturn() !== name) return;
    const settings = config.providers[name];
    if (!settings)
      throw new ApiError(
        'provider_not_configured',
        `The server is not configured for ${name}.`,
        0
      );
    const entry = providers[name];
    const load = (this._host.mode === 'hosted' && entry.hosted) || entry.load;
    const createProvider = await load();
    // In another component's shadow root the providers mount in the document (../shadow-host.ts).
    if (this._host.getRootNode() instanceof ShadowRoot)
      this._shadowHost ??= await import('../shadow-host.js');
    if (signal.aborted || this._loaded.has(name)) return;
    const provider: ProviderController = createProvider(this._host, {
      runPayment: (attempt) => this._run(provider, attempt),
      validate: () => this._options.validate(name),
    });
    this._loaded.set(name, provider);
    if (provider.messages) this._messages.add(provider.messages);
    this._host.requestUpdate();
    const mountNode = () => this._mountNode(provider.slot);
    const addressNode = () => this._mountNode(provider.addressSlot ?? '');
    const payment = this._payment;
    try {
      await provider.load({
        api: session.api,
        config: settings,
        quote,
        theme: this._options.theme(),
        locale: this._options.locale(),
        // Created when first asked for: a provider with nothing to mount (Stripe's hosted
        // Checkout) leaves no empty node behind.
        get mountNode() {
          return mountNode();
        },
        get addressNode() {
          return addressNode();
        },
        shipping: this._options.shipping,
        reportError: (code, message) => payment.report(code, message, name),
        notify: (code, message) => payment.notify(code, message),
        requoted: (next) => {
          payment.set({...payment.state, quote: next});
          emit(this._host, 'pay-change', {
            quote: next,
            items: next.lines.map(({sku, quantity}) => ({sku, quantity})),
          });
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
      const latest = payment.state.quote;
      if (latest && latest !== quote) provider.update(latest);
      this._mounted = new Set([...this._mounted, name]);
      this._host.requestUpdate();
      emit(this._host, 'pay-ready', {quote: latest ?? quote, provider: name});
    }

    // A page that is the return_url of a redirect-based payment finishes that payment.
    const resumed = await provider.resume();
    // Loaded without a cart only to read that: items added later mount the form afresh.
    if (!quote) this._unload(provider);
    if (resumed && !signal.aborted) await payment.resume(resumed, name);
  }

  private _unload(provider: ProviderController): void {
    provider.destroy();
    this._host.removeController(provider);
    this._loaded.delete(provider.name);
    this._host.requestUpdate();
  }

  /** A payment from `provider`'s UI: only the shown provider, once its form is mounted. */
  private _run(
    provider: ProviderController,
    attempt: (request: PaymentRequest) => Promise<PaymentOutcome>
  ): Promise<void> {
    if (provider !== this.current || !this.ready) return Promise.resolve();
    return this._payment.run(provider.name, attempt);
  }

  /**
   * The light-DOM node a provider mounts into: created by the element, once. Inside another
   * component's shadow root that child is only a placeholder, and the provider mounts in a
   * node of the document laid over it.
   */
  private _mountNode(slot: string): HTMLElement {
    const host = this._host;
    let node = [...host.children].find((child) => child.slot === slot) as
      HTMLElement | undefined;
    if (!node) {
      node = document.createElement('div');
      node.slot = slot;
      host.append(node);
    }
    if (!this._shadowHost || !(host.getRootNode() instanceof ShadowRoot))
      return node;
    let mount = this._documentMounts.get(slot);
    if (!mount) {
      mount = this._shadowHost.mountInDocument(node);
      this._documentMounts.set(slot, mount);
    }
    return mount.node;
  }
}

/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The cart of <pay-checkout> and its quotes: the cart is the `items` property or the
 * `<pay-item>` children (only SKUs and quantities: prices on the page are never trusted), and
 * every change is re-quoted by the server once it settles. The quote is what the buyer sees
 * and pays; a new one fires `pay-change` and reaches the providers.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CartItem, Quote} from '../../contract.js';
import {emit} from '../../internal/events.js';
import type {CheckoutDetails} from '../../internal/providers/provider.js';
import {PayItem} from '../../pay-item/pay-item.component.js';
import type {PaymentController} from './payment-controller.js';
import * as phases from './phases.js';
import type {ProvidersController} from './providers-controller.js';
import type {Session} from './session.js';

/** How long cart edits settle before one re-quote (ms). */
const REQUOTE_DELAY = 150;

/** What this controller reads from its element. */
interface CartHost extends ReactiveControllerHost, HTMLElement {
  /** The cart as a property; when set, `<pay-item>` children are ignored. */
  readonly items: CartItem[] | undefined;
  /** ISO 4217 code of the cart; '' for the server's default. */
  readonly currency: string;
}

interface CartOptions {
  session: () => Session | undefined;
  /** The default slot, whose `<pay-item>`s are the cart (before the first render: the children). */
  itemSlot: () => HTMLSlotElement | null | undefined;
  /** The address, shipping rate and discount code the buyer chose: part of every quote. */
  details: () => CheckoutDetails;
}

export class CartController implements ReactiveController {
  private readonly _host: CartHost;
  private readonly _payment: PaymentController;
  private readonly _providers: ProvidersController;
  private readonly _options: CartOptions;
  private _request?: AbortController;
  private _timer?: ReturnType<typeof setTimeout>;
  /** The cart + currency of the last quote asked for, to skip re-quoting an unchanged cart. */
  private _quoted = '';

  constructor(
    host: CartHost,
    payment: PaymentController,
    providers: ProvidersController,
    options: CartOptions
  ) {
    this._host = host;
    this._payment = payment;
    this._providers = providers;
    this._options = options;
    // A <pay-item> changed its sku or quantity.
    host.addEventListener('pay-item-change', (event) => {
      event.stopPropagation();
      this.schedule();
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The cart as the server is sent it: SKUs and positive whole quantities. */
  items(): CartItem[] {
    const {items} = this._host;
    if (items) return items.map(({sku, quantity}) => ({sku, quantity}));
    const elements = this._options.itemSlot()?.assignedElements() ?? [
      ...this._host.children,
    ];
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

  /** The first quote of a connection; `null` for an empty cart. */
  quote(session: Session): Promise<Quote | null> {
    return this._ask(session, session.signal);
  }

  /** The cart may have changed (also the item slot's slotchange): re-quote it once edits settle, if it did. */
  readonly schedule = (): void => {
    // Before the first load the cart is read by the first quote; after a payment it is settled.
    if (!this._options.session() || !phases.requotable(this._payment.state))
      return;
    if (this._key(this.items()) === this._quoted) return;
    this._payment.set(phases.requoting(this._payment.state));
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this._requote(), REQUOTE_DELAY);
  };

  stop(): void {
    this._request?.abort();
    clearTimeout(this._timer);
  }

  private _key(items: CartItem[]): string {
    return JSON.stringify([
      this._host.currency.toLowerCase(),
      items,
      this._options.details(),
    ]);
  }

  /** Asks the server to price the cart as it is now (and remembers that it did). */
  private async _ask(
    session: Session,
    signal: AbortSignal
  ): Promise<Quote | null> {
    const items = this.items();
    this._quoted = this._key(items);
    if (!items.length) return null;
    return session.api.quote(
      {
        items,
        currency: this._host.currency || undefined,
        ...this._options.details(),
      },
      signal
    );
  }

  private async _requote(): Promise<void> {
    const session = this._options.session();
    const payment = this._payment;
    if (!session || payment.state.inFlight) return;
    this._request?.abort();
    const request = new AbortController();
    this._request = request;
    // stop() aborts this request too, so it also ends with the connection.
    const {signal} = request;
    const quoting = this._ask(session, signal);
    payment.set(phases.withError(payment.state, ''));
    try {
      const quote = await quoting;
      if (signal.aborted) return;
      payment.set(phases.quoted(payment.state, quote));
      if (!quote) return;
      emit(this._host, 'pay-change', {quote});
      this._providers.update(quote);
      if (!this._providers.current)
        await this._providers.loadActive(session.signal);
    } catch (error) {
      if (signal.aborted) return;
      payment.set(phases.quoteFailed(payment.state));
      payment.fail(error, this._providers.current?.name);
    }
  }
}

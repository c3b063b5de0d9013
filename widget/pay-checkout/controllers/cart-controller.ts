/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The cart of <pay-checkout> and its quotes: the cart is the `items` property or the
 * `<pay-item>` children (only SKUs and quantities: prices on the page are never trusted), and
 * every change is re-quoted by the server once it settles. The quote is what the buyer sees
 * and pays; a new one fires `pay-change` and reaches the providers.
 *
 * In an `editable` cart the buyer's edits are written where the cart comes from (a new
 * `items` array, or the `<pay-item>`'s `quantity` attribute, or its removal), so the page and
 * the element never disagree, and the `pay-change` of their quote says what the buyer did.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CartItem, Quote, QuoteRequest} from '../../contract.js';
import {codeOf} from '../../internal/api.js';
import {emit, type PayCartChange} from '../../internal/events.js';
import type {CheckoutDetails} from '../../internal/providers/provider.js';
import {cartChildren, cartItems} from './cart-items.js';
import type {PaymentController} from './payment-controller.js';
import * as phases from './phases.js';
import type {ProvidersController} from './providers-controller.js';
import type {HeadStart, Session} from './session.js';

/** How long cart edits settle before one re-quote (ms). */
const REQUOTE_DELAY = 150;

/** What this controller reads from its element. */
interface CartHost extends ReactiveControllerHost, HTMLElement {
  /** The cart as a property; when set, `<pay-item>` children are ignored. */
  items: CartItem[] | undefined;
  /** ISO 4217 code of the cart; '' for the server's default. */
  readonly currency: string;
}

interface CartOptions {
  session: () => Session | undefined;
  /** The default slot, whose `<pay-item>`s are the cart (before the first render: the children). */
  itemSlot: () => HTMLSlotElement | null | undefined;
  /** The address, shipping rate and discount code the buyer chose: part of every quote. */
  details: () => CheckoutDetails;
  /** The buyer's language, for the lines' names (undefined: the catalog's own). */
  locale: () => string | undefined;
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
  /** The locale the last quote was asked in. */
  private _quotedLocale?: string;
  /** The buyer's last edit, until a quote prices it. */
  private _change?: PayCartChange;

  /** The quantity of a line the server refused (quantity_out_of_range) at the buyer's last edit. */
  refused?: PayCartChange;
  /** Per SKU, the smallest quantity the server refused: the stepper stops below it. */
  readonly limits = new Map<string, number>();
  /** A re-quote changed the total: the summary's live region says the new one. */
  totalChanged = false;

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
    return cartItems(this._host, this._options.itemSlot());
  }

  /**
   * The buyer set a line's quantity (0 removes it). Written where the cart comes from, then
   * re-quoted like any cart change; the quote's `pay-change` carries this edit.
   */
  edit(sku: string, quantity: number): void {
    if (!phases.editable(this._payment.state)) return;
    this.refused = undefined;
    this._change = {sku, quantity};
    this._write(sku, quantity);
    this.schedule();
    this._host.requestUpdate();
  }

  /**
   * The first quote of a connection; `null` for an empty cart. The one the element asked for
   * at connect (`head`) when it is still the cart's.
   */
  quote(session: Session, head?: HeadStart): Promise<Quote | null> {
    const items = this.items();
    if (
      head &&
      JSON.stringify(this._body(items)) === JSON.stringify(head.request)
    ) {
      this._quoted = this._key(items);
      this._quotedLocale = this._options.locale();
      return head.quote;
    }
    return this._ask(session, session.signal);
  }

  /**
   * Whether the language is no longer the last quote's: the server's default locale, known
   * once the config is in, names the lines in another language than the page's.
   */
  localeChanged(): boolean {
    return this._quotedLocale !== this._options.locale();
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

  /** The `<pay-item>` children with what they say (before the first render: the host's children). */
  private _children() {
    return cartChildren(this._host, this._options.itemSlot());
  }

  /** What a quote of `items` sends. */
  private _body(items: CartItem[]): QuoteRequest {
    return {
      items,
      currency: this._host.currency || undefined,
      locale: this._options.locale(),
      ...this._options.details(),
    };
  }

  /**
   * Sets the quantity of `sku` where the cart comes from: a new `items` array, or the
   * `<pay-item>`'s attribute (its property follows). The server prices one line per SKU, so
   * a SKU listed twice keeps its first entry; 0 removes them all.
   */
  private _write(sku: string, quantity: number): void {
    const host = this._host;
    let first = true;
    const keep = (entry: {sku: string}) => {
      if (entry.sku !== sku) return 'other';
      const keepIt = first && quantity > 0;
      first = false;
      return keepIt ? 'set' : 'drop';
    };
    if (host.items) {
      host.items = host.items.flatMap((item) => {
        const what = keep(item);
        return what === 'drop'
          ? []
          : [what === 'set' ? {...item, quantity} : item];
      });
      return;
    }
    for (const child of this._children()) {
      const what = keep(child);
      if (what === 'set')
        child.element.setAttribute('quantity', String(quantity));
      else if (what === 'drop') child.element.remove();
    }
  }

  private _key(items: CartItem[]): string {
    return JSON.stringify([
      this._host.currency.toLowerCase(),
      this._options.locale(),
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
    this._quotedLocale = this._options.locale();
    if (!items.length) return null;
    return session.api.quote(this._body(items), signal);
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
    const items = this.items();
    const quoting = this._ask(session, signal);
    payment.set(phases.withError(payment.state, ''));
    try {
      const quote = await quoting;
      if (signal.aborted) return;
      const before = payment.state.quote;
      const change = this._change;
      this._change = undefined;
      if (quote && before && quote.total !== before.total)
        this.totalChanged = true;
      payment.set(phases.quoted(payment.state, quote));
      if (!quote) {
        // The buyer removed the last line: the page hears of it, with an empty cart's quote.
        if (change && before)
          emit(this._host, 'pay-change', {
            quote: emptyQuote(before),
            items,
            change,
          });
        return;
      }
      emit(this._host, 'pay-change', {quote, items, ...(change && {change})});
      this._providers.update(quote);
      if (!this._providers.current)
        await this._providers.loadActive(session.signal);
    } catch (error) {
      if (signal.aborted) return;
      payment.set(phases.quoteFailed(payment.state));
      if (!this._refuse(error))
        payment.fail(error, this._providers.current?.name);
    }
  }

  /**
   * The server refused the quantity the buyer just chose (more than the product's maximum):
   * that line goes back to the quantity last priced and says why, and the stepper stops below
   * the refused quantity. False for any other failure (shown in the error region).
   */
  private _refuse(error: unknown): boolean {
    const change = this._change;
    if (!change || codeOf(error) !== 'quantity_out_of_range') return false;
    const priced = this._payment.state.quote?.lines.find(
      (line) => line.sku === change.sku
    )?.quantity;
    if (priced === undefined || priced >= change.quantity) return false;
    this._change = undefined;
    this.refused = change;
    this.limits.set(
      change.sku,
      Math.min(this.limits.get(change.sku) ?? Infinity, change.quantity)
    );
    this._write(change.sku, priced);
    // The cart is the one last priced again: nothing to re-quote.
    this._quoted = this._key(this.items());
    this._host.requestUpdate();
    return true;
  }
}

/** The quote of an empty cart: no lines, nothing to pay. */
function emptyQuote(last: Quote): Quote {
  return {
    currency: last.currency,
    lines: [],
    subtotal: 0,
    discount: 0,
    shipping: 0,
    tax: 0,
    taxInclusive: last.taxInclusive,
    total: 0,
    requiresShipping: false,
    shippingRates: [],
  };
}

/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The chunk of an `editable` cart and of the `discount-codes` field (../cart-editing.ts):
 * loaded once, when either is asked for, with the first quote so that both show at once.
 * Without it (it failed to load) the cart is shown as it is, and no code can be typed. Also
 * the summary's hookup of the editable lines to the cart, the discount field's to its code,
 * and where the focus goes after the buyer removed a line.
 */
import {
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
} from 'lit';
import {addStyles} from '../../internal/add-styles.js';
import type {Messages} from '../../internal/messages.js';
import type {CartEditing} from '../templates/summary.js';
import type {CartController} from './cart-controller.js';
import type {DiscountCode, DiscountOptions} from './discount-code.js';

/** What this controller reads from its element. */
interface EditingHost extends ReactiveControllerHost, HTMLElement {
  readonly editable: boolean;
  readonly discountCodes: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class CartEditingController implements ReactiveController {
  /** The editable line and the discount field, once loaded. */
  view?: typeof import('../cart-editing.js');
  /** The discount code (`discount-codes`), once the chunk is in: its code is one of the checkout's details. */
  discount?: DiscountCode;

  private readonly _host: EditingHost;
  private readonly _discountOptions: DiscountOptions;
  private _loading?: Promise<void>;

  constructor(host: EditingHost, discount: DiscountOptions) {
    this._host = host;
    this._discountOptions = discount;
    host.addController(this);
  }

  /** `editable` or `discount-codes` set later: the chunk comes then. */
  hostUpdate(): void {
    void this.load();
  }

  /** Loads the chunk if it is asked for (once; again after a failure). */
  load(): Promise<void> {
    const host = this._host;
    if (!(host.editable || host.discountCodes)) return Promise.resolve();
    this._loading ??= import('../cart-editing.js').then(
      (chunk) => {
        if (host.shadowRoot) addStyles(host.shadowRoot, chunk.styles);
        this.view = chunk;
        this.discount = new chunk.DiscountCode(host, this._discountOptions);
        host.requestUpdate();
      },
      (error: unknown) => {
        this._loading = undefined;
        console.warn(
          '<pay-checkout>: the editable cart could not load.',
          error
        );
      }
    );
    return this._loading;
  }

  /** The summary's editable lines (`editable`, once the chunk is in): `cart`'s quantities and edits. */
  summaryCart(
    cart: CartController,
    disabled: boolean
  ): CartEditing | undefined {
    if (!this._host.editable || !this.view) return undefined;
    return {
      line: this.view.cartLine,
      items: cart.items(),
      disabled,
      refused: cart.refused,
      limits: cart.limits,
      onQuantity: (sku, quantity) => cart.edit(sku, quantity),
      onRemove: (sku, index) => {
        cart.edit(sku, 0);
        this._focusAfterRemoval(index);
      },
    };
  }

  /** The discount-code field (`discount-codes`, once the chunk is in). */
  discountField(t: Messages, disabled: boolean) {
    const {view, discount} = this;
    if (!this._host.discountCodes || !view || !discount) return nothing;
    return view.discountField(t, {
      ...discount.view(disabled),
      onToggle: discount.onToggle,
      onInput: discount.onInput,
      onSubmit: discount.onSubmit,
      onRemove: discount.onRemove,
    });
  }

  /**
   * A line was removed: the focus goes to the next line's quantity (else the one before), else
   * to the summary, and to "Your cart is empty" once the quote says so.
   */
  private _focusAfterRemoval(index: number): void {
    const host = this._host;
    const root = host.renderRoot;
    void host.updateComplete.then(() => {
      const inputs = root.querySelectorAll<HTMLElement>('.stepper__input');
      const next = inputs[index] ?? inputs[index - 1];
      if (next) return next.focus();
      root.querySelector<HTMLElement>('.summary')?.focus();
      host.addEventListener(
        'pay-change',
        () =>
          void host.updateComplete.then(() =>
            root.querySelector<HTMLElement>('.empty')?.focus()
          ),
        {once: true}
      );
    });
  }
}

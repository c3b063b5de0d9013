/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The discount code in <pay-checkout> (`discount-codes`): the buyer's code is one of the
 * checkout's details, so every quote carries it and says whether it applied; a cart change
 * may make it apply (a minimum reached). Only a code the shown quote applied goes with a
 * payment: the server would answer any other with price_changed. Not a reactive controller:
 * it has no lifecycle of its own. Part of the editable cart's chunk (../cart-editing.ts): the
 * element makes one when the chunk is in.
 */
import type {ReactiveControllerHost} from 'lit';
import type {Quote} from '../../contract.js';
import type {DiscountFieldOptions} from '../templates/discount-field.js';

export interface DiscountOptions {
  /** The code the checkout's details hold. */
  code: () => string | undefined;
  /** Sets (or, undefined, drops) the code in the details: re-quotes. */
  set: (code: string | undefined) => void;
  /** The quote shown. */
  quote: () => Quote | null;
  /** The field's input, and the applied code's remove button: where the focus goes. */
  input: () => HTMLInputElement | null | undefined;
  remove: () => HTMLButtonElement | null | undefined;
}

const same = (a: string | undefined, b: string | undefined) =>
  !!a && !!b && a.trim().toUpperCase() === b.trim().toUpperCase();

export class DiscountCode {
  private _open = false;
  private _draft = '';
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _options: DiscountOptions;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: DiscountOptions
  ) {
    this._host = host;
    this._options = options;
  }

  /** What the quote says of the code in the details: applied, why not, or not yet known. */
  private _result() {
    const code = this._options.code();
    const answer = this._options.quote()?.discountCode;
    if (!code) return undefined;
    // A cart change being re-quoted keeps showing what the last quote said of this code.
    if (answer && same(answer.code, code)) return answer;
    return 'pending' as const;
  }

  /** The code to send with a payment: only one the shown quote applied. */
  forPayment(): string | undefined {
    const result = this._result();
    return result && result !== 'pending' && result.status === 'applied'
      ? this._options.code()
      : undefined;
  }

  /** The field's state for the template (`discountField`), without its handlers. */
  view(
    disabled: boolean
  ): Omit<
    DiscountFieldOptions,
    'onToggle' | 'onInput' | 'onSubmit' | 'onRemove'
  > {
    const result = this._result();
    const answered = result && result !== 'pending' ? result : undefined;
    const code = this._options.code();
    return {
      open: this._open || !!code,
      draft: this._draft,
      applied: answered?.status === 'applied' ? answered.code : undefined,
      // Once the buyer edits the code, what was wrong with the old one is no longer said.
      problem:
        answered && answered.status !== 'applied' && same(this._draft, code)
          ? answered.status
          : undefined,
      pending: result === 'pending',
      disabled,
    };
  }

  readonly onToggle = (): void => {
    this._open = !(this._open || !!this._options.code());
    if (!this._open && this._options.code()) this._options.set(undefined);
    this._host.requestUpdate();
    if (this._open)
      void this._host.updateComplete.then(() => this._options.input()?.focus());
  };

  readonly onInput = (event: Event): void => {
    this._draft = (event.target as HTMLInputElement).value;
    this._host.requestUpdate();
  };

  /** Apply (or Enter): the code goes into the details, and the next quote says if it applies. */
  readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    const code = this._draft.trim();
    if (!code) {
      this._options.input()?.focus();
      return;
    }
    this._draft = code;
    this._options.set(code);
    this._host.requestUpdate();
    // Applied, the field gives way to the chip: the focus follows to its remove button.
    void this._whenAnswered().then(() => {
      if (this.view(false).applied) this._options.remove()?.focus();
    });
  };

  /** The chip's remove button: the quote goes without the code, and the empty field has the focus. */
  readonly onRemove = (): void => {
    this._draft = '';
    this._open = true;
    this._options.set(undefined);
    this._host.requestUpdate();
    void this._host.updateComplete.then(() => this._options.input()?.focus());
  };

  /** Resolves once the next quote is shown (or quoting failed). */
  private async _whenAnswered(): Promise<void> {
    if (this._result() === 'pending') {
      // A new quote, or none because quoting failed.
      await new Promise<void>((resolve) => {
        const done = () => {
          this._host.removeEventListener('pay-change', done);
          this._host.removeEventListener('pay-error', done);
          resolve();
        };
        this._host.addEventListener('pay-change', done);
        this._host.addEventListener('pay-error', done);
      });
    }
    await this._host.updateComplete;
  }
}

/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The buyer's email in <pay-checkout>: the `email` property follows the field, it is checked
 * before a payment starts (so PayPal's window does not open for a typo and no order is made
 * without it), and sent with the order for the confirmation. Not a reactive controller: it
 * has no lifecycle of its own; the element resets it when it (re)connects to its server.
 */
import type {ReactiveControllerHost} from 'lit';
import {emailProblem} from '../../internal/buyer.js';
import {emit, type ProviderName} from '../../internal/events.js';
import type {Messages} from '../../internal/messages.js';

/** What this controller reads from (and, for `email`, writes to) its element. */
interface EmailHost extends ReactiveControllerHost, HTMLElement {
  email: string;
  readonly noEmail: boolean;
}

interface EmailOptions {
  messages: () => Messages;
  /** The field's input, to give it the focus. */
  input: () => HTMLInputElement | null | undefined;
}

export class BuyerEmail {
  /** What is wrong with the email, once the buyer has been told. */
  problem: '' | 'required' | 'invalid' = '';

  private readonly _host: EmailHost;
  private readonly _options: EmailOptions;

  constructor(host: EmailHost, options: EmailOptions) {
    this._host = host;
    this._options = options;
  }

  /** Forgets what the buyer was told. */
  reset(): void {
    this._tell('');
  }

  /**
   * Before paying: is the email right? If not, the field says why (its own `role="alert"`),
   * takes the focus, and `pay-error` fires with `invalid_email`.
   */
  check(provider: ProviderName): boolean {
    const host = this._host;
    if (host.noEmail) return true;
    const problem = emailProblem(host.email);
    this._tell(problem);
    if (!problem) return true;
    void host.updateComplete.then(() => this._options.input()?.focus());
    const t = this._options.messages();
    emit(host, 'pay-error', {
      code: 'invalid_email',
      message: problem === 'required' ? t.emailRequired : t.emailInvalid,
      provider,
    });
    return false;
  }

  /** The email sent with the order: the field's, or (with `no-email`) the attribute's if it is an address. */
  forOrder(): string | undefined {
    const email = this._host.email.trim();
    if (!email) return undefined;
    if (!emailProblem(email)) return email;
    console.warn(
      `<pay-checkout>: email="${email}" is not an email address; the order is sent without one.`
    );
    return undefined;
  }

  /** The buyer typed: `email` follows, and a message already shown follows the fix. */
  readonly onInput = (event: Event): void => {
    const host = this._host;
    host.email = (event.target as HTMLInputElement).value;
    if (this.problem) this._tell(emailProblem(host.email));
  };

  /** The buyer left the field: something that is not an address says so at once; an empty field waits for Pay. */
  readonly onChange = (): void => {
    const {email} = this._host;
    if (email.trim()) this._tell(emailProblem(email));
  };

  private _tell(problem: BuyerEmail['problem']): void {
    // Only a change renders again (the field's change event also fires when a render
    // disables it, and must not schedule another render then).
    if (problem === this.problem) return;
    this.problem = problem;
    this._host.requestUpdate();
  }
}

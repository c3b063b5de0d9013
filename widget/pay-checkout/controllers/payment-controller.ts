/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The payment phases of <pay-checkout>: it holds the checkout's state (./phases.ts) and runs
 * one payment at a time, whichever UI started it (the Pay button, PayPal's buttons, a return
 * to this page):
 *
 *   pay-submit (cancelable) → the provider creates the order and confirms → poll the order
 *   until the server has the provider's verified word → pay-success | pay-error | pay-cancel
 *
 * Every `pay-submit` ends in exactly one `pay-success`, `pay-error` or `pay-cancel`.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Quote} from '../../contract.js';
import {codeOf} from '../../internal/api.js';
import {emit, type ProviderName} from '../../internal/events.js';
import type {HostedReturn} from '../../internal/hosted.js';
import {errorMessage, type Messages} from '../../internal/messages.js';
import {pollOrder} from '../../internal/poll.js';
import type {
  PaymentOutcome,
  PaymentRequest,
} from '../../internal/providers/provider.js';
import * as phases from './phases.js';
import type {Session} from './session.js';

interface PaymentOptions {
  session: () => Session | undefined;
  /** The messages in the element's locale. */
  messages: () => Messages;
  /** Checks the element's own fields (the email) before `pay-submit`; false stops there. */
  validate: (provider: ProviderName) => boolean;
  /** The cart and the buyer's details, read as the payment starts. */
  request: () => Omit<PaymentRequest, 'currency' | 'expectedTotal'>;
  /** The server repriced the cart at payment: the loaded providers show the new amount. */
  requoted: (quote: Quote) => void;
  /** Payable again: gives the focus back to Pay if disabling it lost it. */
  refocus: () => void;
}

export class PaymentController implements ReactiveController {
  /** What the buyer sees; changed only through ./phases.ts. */
  state: phases.CheckoutState = phases.initialState;

  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _options: PaymentOptions;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: PaymentOptions
  ) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The connection ended: no attempt is under way any more. */
  stop(): void {
    this.set(phases.stopped(this.state));
  }

  /** Moves to `state`; the element renders again if anything changed. */
  set(state: phases.CheckoutState): void {
    const before = this.state;
    this.state = state;
    const keys = Object.keys(state) as (keyof phases.CheckoutState)[];
    if (keys.some((key) => state[key] !== before[key]))
      this._host.requestUpdate();
  }

  /** Loading, re-quoting or loading a provider failed. */
  fail(error: unknown, provider: ProviderName | undefined): void {
    const code = codeOf(error);
    if (code === 'server_not_found') {
      // For the developer: the buyer only sees that the checkout is not connected.
      console.error(
        `<pay-checkout>: no pay-checkout server answered at ${this._options.session()?.api.base}. ` +
          'Loaded from a bundle rather than from the companion server, the element needs its address: ' +
          '<pay-checkout server="https://your-server.example">.'
      );
    }
    this._apply(
      phases.failed(this.state, code, this._options.messages(), provider)
    );
  }

  /** A provider's failure outside a payment (its form failed to load): shown, and `pay-error`. */
  report(
    code: string,
    message: string | undefined,
    provider: ProviderName
  ): void {
    this._apply(
      phases.reported(
        this.state,
        code,
        message,
        this._options.messages(),
        provider
      )
    );
  }

  /** Shows the message for `code` during an attempt that goes on: no event. */
  notify(code: string, message?: string): void {
    this.set(
      phases.withError(
        this.state,
        errorMessage(this._options.messages(), code, message)
      )
    );
  }

  /**
   * One payment, started by the buyer. Nothing here may await before `attempt` runs:
   * Stripe's `elements.submit()` has to start inside the buyer's click.
   */
  async run(
    provider: ProviderName,
    attempt: (request: PaymentRequest) => Promise<PaymentOutcome>
  ): Promise<void> {
    const {quote} = this.state;
    if (!quote || !phases.payable(this.state)) return;
    // A missing or mistyped email stops here: no pay-submit, no order.
    if (!this._options.validate(provider)) return;
    const host = this._host;
    if (!emit(host, 'pay-submit', {quote, provider}, {cancelable: true})) {
      emit(host, 'pay-cancel', {provider, reason: 'prevented'});
      return;
    }
    this.set(phases.paying(this.state));
    let outcome: PaymentOutcome;
    try {
      outcome = await attempt({
        ...this._options.request(),
        currency: quote.currency,
        expectedTotal: quote.total,
      });
    } catch (error) {
      outcome = {type: 'failed', code: codeOf(error)};
    }
    await this._settle(outcome, provider);
  }

  /** Finishes a payment this page is the return of (a redirect, or the hosted page). */
  async resume(outcome: PaymentOutcome, provider: ProviderName): Promise<void> {
    this.set(phases.resuming(this.state));
    await this._settle(outcome, provider);
  }

  /** This page is the success or cancel URL of a hosted payment page: finish that payment. */
  resumeHosted(returned: HostedReturn): Promise<void> {
    return this.resume(
      phases.hostedOutcome(returned),
      returned.order?.provider ?? 'stripe'
    );
  }

  private async _settle(
    outcome: PaymentOutcome,
    provider: ProviderName
  ): Promise<void> {
    const step = phases.settle(
      this.state,
      outcome,
      this._options.messages(),
      provider
    );
    this._apply(step);
    if (step.confirm) await this._confirm(step.confirm, provider);
  }

  /** The provider took the payment; the order is paid once the server has the webhook. */
  private async _confirm(
    {orderId, orderToken}: {orderId: string; orderToken: string},
    provider: ProviderName
  ): Promise<void> {
    const session = this._options.session();
    if (!session) return;
    const {api, signal} = session;
    const t = this._options.messages();
    try {
      const result = await pollOrder((s) => api.order(orderId, orderToken, s), {
        signal,
      });
      if (signal.aborted) return;
      this._apply(phases.confirmed(this.state, result, orderId, t, provider));
    } catch (error) {
      if (signal.aborted) return;
      this._apply(
        phases.unconfirmed(this.state, codeOf(error), orderId, t, provider)
      );
    }
  }

  /** Applies a step: the state, then what it asks for, then its events. */
  private _apply(step: phases.Step): void {
    this.set(step.state);
    if (step.requoted) this._options.requoted(step.requoted);
    if (step.refocus) this._options.refocus();
    if (step.leaving) {
      // If the buyer comes Back and the browser restores this page from its cache, they may
      // pay again.
      addEventListener(
        'pageshow',
        (event) => {
          if (event.persisted) this._apply(phases.restored(this.state));
        },
        {once: true, signal: this._options.session()?.signal}
      );
    }
    for (const [name, detail] of step.events) emit(this._host, name, detail);
  }
}

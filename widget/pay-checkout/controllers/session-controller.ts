/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The connection of <pay-checkout> to its companion server: started when the element connects
 * (again when `server`, `provider` or `mode` change), ended when it disconnects. Starting asks
 * for everything the first form needs at once (config, quote, the chunks and tables it names,
 * the provider's code) and then shows the provider; a page coming back from a hosted payment
 * page finishes that payment. The first start takes over what the element asked for at connect
 * (./session.ts `HeadStart`), if it still fits.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {Api, defaultServer} from '../../internal/api.js';
import {claimHostedReturn} from '../../internal/hosted.js';
import {preloadProvider} from '../../internal/providers/registry.js';
import {redirectReturn} from '../../internal/providers/returns.js';
import type {CartController} from './cart-controller.js';
import type {PaymentController} from './payment-controller.js';
import {ended, loading, quoted} from './phases.js';
import type {ProvidersController} from './providers-controller.js';
import type {HeadStart, Session} from './session.js';

interface SessionHost extends ReactiveControllerHost {
  readonly server: string;
  readonly provider: string;
  readonly mode: 'embedded' | 'hosted';
}

interface SessionParts {
  payment: PaymentController;
  providers: ProvidersController;
  cart: CartController;
  /** At each start: forget what the buyer was told. */
  reset: () => void;
  /** Fetched with config and quote (the chunks and the table the first render needs). */
  preload: () => Promise<unknown>;
  /** Once the config is in: what depends on it (the server's locale's table). */
  configured: () => Promise<unknown>;
}

export class SessionController implements ReactiveController {
  /** The current connection, if any. */
  current?: Session;

  private readonly _host: SessionHost;
  private readonly _parts: SessionParts;
  /** Aborted when this connection ends. */
  private _lifetime?: AbortController;
  /** The element's requests from before the chunk was in, until the first start takes them. */
  private _head?: HeadStart;

  constructor(host: SessionHost, parts: SessionParts, head?: HeadStart) {
    this._host = host;
    this._parts = parts;
    this._head = head;
    host.addController(this);
  }

  hostConnected(): void {
    void this._start(this._takeHead());
  }

  /** The head start, if it is for this server, provider and mode and still alive (else it is dropped). */
  private _takeHead(): HeadStart | undefined {
    const head = this._head;
    this._head = undefined;
    const host = this._host;
    if (
      head &&
      !head.lifetime.signal.aborted &&
      head.api.base === new Api(host.server || defaultServer()).base &&
      head.provider === host.provider &&
      head.mode === host.mode
    )
      return head;
    head?.lifetime.abort();
    return undefined;
  }

  /** No request, timer or SDK outlives the connection (the other controllers stop too). */
  hostDisconnected(): void {
    this._end();
  }

  /** `server`, `provider` or `mode` changed: everything starts again. */
  restart(): void {
    this._head?.lifetime.abort();
    this._head = undefined;
    this._end();
    this._parts.cart.stop();
    this._parts.providers.stop();
    this._parts.payment.stop();
    void this._start();
  }

  private _end(): void {
    this._lifetime?.abort();
    this.current = undefined;
  }

  private async _start(head?: HeadStart): Promise<void> {
    const {payment, providers, cart} = this._parts;
    const host = this._host;
    const lifetime = head?.lifetime ?? new AbortController();
    this._lifetime = lifetime;
    const {signal} = lifetime;
    // Let properties set right after creation (frameworks do) and the first render land.
    await host.updateComplete;
    if (signal.aborted) return;

    payment.set(loading(payment.state));
    this._parts.reset();
    const api = head?.api ?? new Api(host.server || defaultServer());
    const session: Session = {api, signal};
    this.current = session;
    // Back from a hosted payment page? Claimed at once (it cleans the address bar), so that
    // of several elements on the page only this one handles it.
    let returned = claimHostedReturn();
    if (!head) preloadProvider(host.provider, host.mode);
    try {
      // All at once: the config names the provider, the quote is what the buyer sees.
      const [config, first] = await Promise.all([
        head?.config ?? api.config(signal),
        cart.quote(session, head),
        this._parts.preload(),
      ]);
      session.config = config;
      await this._parts.configured();
      if (signal.aborted) return;
      // Asked in the page's language before the server named its own: asked again, at once.
      const quote =
        first && cart.localeChanged() ? await cart.quote(session) : first;
      if (signal.aborted) return;
      providers.offer(returned, quote?.currency ?? config.currency);
      payment.set(quoted(payment.state, quote));
      // The cart may have changed while the first quote was on its way.
      cart.schedule();
      if (returned) {
        const resuming = returned;
        returned = null;
        await payment.resumeHosted(resuming);
      }
      // Without a cart, a provider still loads on the return_url of its redirect (a return
      // page), to finish that payment.
      if (quote ? !ended(payment.state) : redirectReturn())
        await providers.loadActive(signal);
    } catch (error) {
      if (signal.aborted) return;
      payment.fail(error, providers.current?.name);
      // The checkout could not load, but a payment coming back is still confirmed.
      if (returned) await payment.resumeHosted(returned);
    }
  }
}

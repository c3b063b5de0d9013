/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The buyer's language in <pay-checkout>: which one (the `locale` attribute, the server's, the
 * page's, the browser's), its message table (loaded on demand, English until then) and money
 * written in it.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ConfigResponse} from '../../contract.js';
import {resolveLocale} from '../../internal/buyer.js';
import {loadMessages} from '../../internal/locales/load.js';
import {
  messagesFor,
  type ErrorTables,
  type Messages,
} from '../../internal/messages.js';
import {formatMoney} from '../../internal/money.js';

interface LocaleHost extends ReactiveControllerHost {
  /** The `locale` attribute ('' when not set). */
  readonly locale: string;
}

export class LocaleController implements ReactiveController {
  private readonly _host: LocaleHost;
  private readonly _config: () => ConfigResponse | undefined;
  /** The locale whose table was last asked for. */
  private _requested?: string;

  constructor(host: LocaleHost, config: () => ConfigResponse | undefined) {
    this._host = host;
    this._config = config;
    host.addController(this);
  }

  /** The locale changed (the attribute, or the server's once the config came): its table, then a render. */
  hostUpdate(): void {
    if (this.tag !== this._requested)
      void this.load().then(() => this._host.requestUpdate());
  }

  /** The first of these that is a language tag: the attribute, the server's, the page's, the browser's. */
  get tag(): string {
    return resolveLocale([
      this._host.locale,
      this._config()?.locale,
      document.documentElement.lang,
      navigator.language,
    ]);
  }

  /** The table for the locale, with the error sentences of `providers` when given. */
  messages(providers?: Iterable<ErrorTables>): Messages {
    return messagesFor(this.tag, providers);
  }

  money(amount: number, currency: string): string {
    return formatMoney(amount, currency, this.tag);
  }

  /** Loads the locale's table (once; at once for English). */
  load(): Promise<void> {
    this._requested = this.tag;
    return loadMessages(this._requested);
  }
}

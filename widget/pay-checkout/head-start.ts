/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * What <pay-checkout> asks for the moment it connects, from the initial download, so that the
 * checkout chunk (./checkout.ts), the config, the first quote, the provider's code and the
 * page language's table all travel in the same round trip. The chunk takes these requests over (./controllers/session.ts).
 */
import type {CartItem} from '../contract.js';
import {Api, defaultServer} from '../internal/api.js';
import {languageTag} from '../internal/buyer.js';
import {cartItems} from './controllers/cart-items.js';
import {languageOf, resolveLocale} from '../internal/language.js';
import {localeChunks} from '../internal/locale-chunks.js';
import {preloadProvider} from '../internal/providers/registry.js';
import type {HeadStart} from './controllers/session.js';

interface HeadStartHost extends HTMLElement {
  readonly server: string;
  readonly provider: string;
  readonly mode: 'embedded' | 'hosted';
  readonly currency: string;
  readonly locale: string;
  readonly items: CartItem[] | undefined;
}

/** Sends config and quote and starts fetching the provider's code (failures are the chunk's to report). */
export function headStart(host: HeadStartHost): HeadStart {
  const lifetime = new AbortController();
  const {signal} = lifetime;
  const api = new Api(host.server || defaultServer());
  const items = cartItems(host);
  // The language the lines are named in (the server's default, known later, may name another).
  const locale = resolveLocale([
    host.locale,
    document.documentElement.lang,
    navigator.language,
  ]);
  const request = {
    items,
    currency: host.currency || undefined,
    locale: languageTag(locale),
  };
  const head: HeadStart = {
    lifetime,
    api,
    provider: host.provider,
    mode: host.mode,
    config: api.config(signal),
    request,
    quote: items.length ? api.quote(request, signal) : Promise.resolve(null),
  };
  // Handled once the chunk is in; until then a failure is not an unhandled rejection.
  for (const answer of [head.config, head.quote]) answer.catch(() => {});
  preloadProvider(host.provider, host.mode, {host, config: head.config});
  // The page's language's table (the server's default, known later, may name another).
  const language = languageOf(locale, Object.keys(localeChunks));
  if (language)
    (localeChunks as Record<string, () => Promise<object>>)[language]!().catch(
      () => {}
    );
  return head;
}

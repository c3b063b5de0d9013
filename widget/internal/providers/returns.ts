/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * How a page recognises the return from a provider's redirect, and the URL a provider sends
 * the buyer back to: the registry's `returnParams`, in the checkout chunk (the initial download
 * only needs the registry's `load`s).
 */
import {ATTEMPT_PARAM, RETURN_PARAM} from '../hosted.js';
import {providerNames, providers} from './registry.js';
import type {ProviderName} from '../events.js';

/** The provider whose redirect this page is the return of (its `return_url`), if any. */
export function redirectReturn(): ProviderName | undefined {
  const params = new URL(location.href).searchParams;
  return providerNames.find((name) => {
    const marker = providers[name].returnParams?.[0];
    return marker !== undefined && params.has(marker);
  });
}

/**
 * Where a provider sends the buyer back: `return-url` (resolved against this page), or this
 * page without its hash and without the parameters of an earlier return.
 */
export function returnUrl(attribute: string): string {
  if (attribute) return new URL(attribute, location.href).href;
  const url = new URL(location.href);
  for (const name of providerNames.flatMap(
    (provider) => providers[provider].returnParams ?? []
  ))
    url.searchParams.delete(name);
  url.searchParams.delete(RETURN_PARAM);
  url.searchParams.delete(ATTEMPT_PARAM);
  url.hash = '';
  return url.href;
}

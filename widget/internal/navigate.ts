/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The one place the element leaves the page (for Stripe's hosted Checkout). It is an object,
 * not a function, so that its `assign` can be replaced from outside: the widget tests stub it
 * to see where the buyer would go without leaving the test page, and an embedder that must
 * own navigation (a webview, a router that wants to save state first) can wrap it. Nothing
 * here runs at import time.
 */
export const navigation = {
  /** Goes to `url` the way a link would (a history entry, so Back returns to the shop). */
  assign(url: string): void {
    location.assign(url);
  },
};

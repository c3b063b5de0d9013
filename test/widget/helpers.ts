/**
 * What the widget tests look at and do, in one place: an element's parts and regions as a
 * buyer (or a screen reader) finds them, money as Intl writes it, and a fixture that waits
 * for `pay-ready`.
 */
import {fixture, oneEvent} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import '../../widget/index.js';
import type {PayCheckout, PayReadyEvent} from '../../widget/index.js';
import {navigation} from '../../widget/internal/navigate.js';

export const part = (el: PayCheckout, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (el: PayCheckout, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
/** The text a buyer reads: white space folded. */
export const text = (node: Element | null) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The Pay button (null where there is none: PayPal, a bare return page). */
export const payButton = (el: PayCheckout) =>
  part(el, 'submit-button') as HTMLButtonElement;
export const alertRegion = (el: PayCheckout) =>
  el.shadowRoot!.querySelector('[role="alert"][part~="error"]')!;
export const statusRegion = (el: PayCheckout) =>
  el.shadowRoot!.querySelector('[role="status"]')!;
/** A light-DOM child the element made for a provider's iframe (`slot="…"`). */
export const mountNode = (el: PayCheckout, slot: string) =>
  [...el.children].find((child) => child.slot === slot) as
    HTMLElement | undefined;
/** Intl's own output (spaces folded like text()), so no locale spacing is hard-coded. */
export const money = (value: number, currency = 'USD', locale = 'en') =>
  new Intl.NumberFormat(locale, {style: 'currency', currency})
    .format(value)
    .replace(/\s+/g, ' ');

/**
 * Creates the fixture and waits for `pay-ready` (quote shown, payment form mounted). The
 * listener is on `document` and added before the element exists: the event bubbles and is
 * composed.
 */
export async function ready(
  template: TemplateResult
): Promise<{el: PayCheckout; event: PayReadyEvent}> {
  const event = oneEvent(document, 'pay-ready') as Promise<PayReadyEvent>;
  const el = await fixture<PayCheckout>(template);
  return {el, event: await event};
}

/** Records every public event the element fires about a payment, in order. */
export function record(el: PayCheckout): string[] {
  const seen: string[] = [];
  for (const name of [
    'pay-submit',
    'pay-success',
    'pay-error',
    'pay-cancel',
  ] as const)
    el.addEventListener(name, () => seen.push(name));
  return seen;
}

/**
 * Stubs navigation.assign in each test (the test page stays) and puts it back after. Returns
 * where the element sent the browser, emptied before each test; `onAssign` sees each URL too.
 */
export function stubNavigation(onAssign?: (url: string) => void): string[] {
  const navigatedTo: string[] = [];
  let originalAssign: typeof navigation.assign;
  beforeEach(() => {
    navigatedTo.length = 0;
    originalAssign = navigation.assign;
    navigation.assign = (url) => {
      navigatedTo.push(url);
      onAssign?.(url);
    };
  });
  afterEach(() => {
    navigation.assign = originalAssign;
  });
  return navigatedTo;
}

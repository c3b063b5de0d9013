/**
 * Drop-in's markup on the merchant's page, with its `.braintree-*` classes, so page CSS styles
 * the fake as it styles the real one: the card sheet (its header and the card frame where the
 * Hosted Fields would be), the sheet's error line, the chosen method once there is one, and the
 * "Choose another way to pay" toggle back to the card. Runs in the browser.
 */
import {fill, type Words} from './translations.js';
import type {TokenizedCard} from './protocol.js';

export interface CardView {
  readonly root: HTMLElement;
  /** Where the card frame goes (`.braintree-sheet__content--form`). */
  readonly frameSlot: HTMLElement;
  /** The sheet's error line (`.braintree-sheet__error`), or none. */
  showSheetError(message: string): void;
  /** The chosen card (the "methods" view), or the card form again. */
  showMethod(card: TokenizedCard | undefined): void;
  /** Drop-in's loading state while it tokenises and verifies. */
  setLoading(loading: boolean): void;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function createCardView(
  words: Words,
  direction: 'ltr' | 'rtl',
  onToggle: () => void
): CardView {
  const root = element('div', 'braintree-dropin');
  root.dataset.braintreeId = 'wrapper';
  root.dir = direction;
  const heading = element('div', 'braintree-heading', '');
  heading.dataset.braintreeId = 'methods-label';
  const upper = element('div', 'braintree-upper-container');

  const methods = element('div', 'braintree-methods braintree-methods-initial');
  methods.dataset.braintreeId = 'methods';
  methods.hidden = true;

  const sheets = element('div', 'braintree-sheet__container');
  const card = element('div', 'braintree-card braintree-form braintree-sheet');
  card.dataset.braintreeId = 'card';
  const header = element('div', 'braintree-sheet__header');
  const label = element('div', 'braintree-sheet__header-label');
  label.append(element('div', 'braintree-sheet__text', words.payWithCard));
  header.append(label);
  const content = element(
    'div',
    'braintree-sheet__content braintree-sheet__content--form'
  );
  card.append(header, content);

  const error = element('div', 'braintree-sheet__error');
  error.dataset.braintreeId = 'sheet-error';
  const errorText = element('div', 'braintree-sheet__error-text');
  errorText.setAttribute('role', 'alert');
  error.append(errorText);
  error.hidden = true;
  sheets.append(card, error);
  upper.append(methods, sheets);

  // Drop-in's toggle is a div with role=button; a real button takes the keyboard for free.
  const toggle = element(
    'button',
    'braintree-large-button braintree-toggle',
    words.chooseAnotherWayToPay
  );
  toggle.type = 'button';
  toggle.dataset.braintreeId = 'toggle';
  toggle.hidden = true;
  toggle.addEventListener('click', onToggle);
  root.append(heading, upper, toggle);

  return {
    root,
    frameSlot: content,
    showSheetError(message) {
      errorText.textContent = message;
      error.hidden = message === '';
      card.classList.toggle('braintree-sheet--has-error', message !== '');
    },
    showMethod(chosen) {
      methods.replaceChildren();
      methods.hidden = !chosen;
      sheets.hidden = !!chosen;
      toggle.hidden = !chosen;
      root.classList.toggle('braintree-show-methods', !!chosen);
      root.classList.toggle('braintree-show-card', !chosen);
      if (!chosen) return;
      heading.textContent = fill(words.payingWith, {paymentSource: words.Card});
      const method = element(
        'div',
        'braintree-method braintree-method--active'
      );
      method.setAttribute('role', 'status');
      const details = element('div', 'braintree-method__label');
      details.append(
        chosen.details.cardType,
        element(
          'div',
          'braintree-method__label--small',
          fill(words.endingIn, {lastFourCardDigits: chosen.details.lastFour})
        )
      );
      method.append(details);
      methods.append(method);
    },
    setLoading(loading) {
      root.classList.toggle('braintree-loading', loading);
      root.setAttribute('aria-busy', String(loading));
      // No other way to pay while the card is being verified.
      toggle.disabled = loading;
    },
  };
}

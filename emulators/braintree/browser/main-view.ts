/**
 * Drop-in's markup on the merchant's page, with its `.braintree-*` classes, so page CSS styles
 * the fake as it styles the real one (`src/html/main.html`, `views/main-view.js`):
 *
 * - the list of ways to pay ("Choose a way to pay", `.braintree-option__card`/`__paypal`), only
 *   when there is more than one, as the first view;
 * - each way's sheet: the card (its header and the card frame where the Hosted Fields would be)
 *   and PayPal (its header and the PayPal button);
 * - the sheet's error line, the chosen method once there is one ("Paying with …"), and the
 *   "Choose another way to pay" toggle.
 *
 * Runs in the browser.
 */
import {fill, type Words} from './translations.js';
import type {PaypalAccount, TokenizedCard} from './protocol.js';

export type SheetId = 'card' | 'paypal';
export type Chosen = TokenizedCard | PaypalAccount;

export interface MainView {
  readonly root: HTMLElement;
  /** Where the card frame goes (`.braintree-sheet__content--form`). */
  readonly frameSlot: HTMLElement;
  /** The PayPal sheet's button (PayPal's own button on the real one). */
  readonly paypalButton: HTMLButtonElement;
  /** The sheet's error line (`.braintree-sheet__error`), or none. */
  showSheetError(message: string): void;
  /** The first view: the list of ways to pay when there are several, else the only sheet. */
  showDefault(): void;
  /** One way's sheet. */
  showSheet(id: SheetId): void;
  /** The chosen method (the "methods" view). */
  showMethod(chosen: Chosen): void;
  /** What is on screen now. */
  readonly active: SheetId | 'options' | 'methods';
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

function sheetHeader(label: string): HTMLElement {
  const header = element('div', 'braintree-sheet__header');
  const text = element('div', 'braintree-sheet__header-label');
  text.append(element('div', 'braintree-sheet__text', label));
  header.append(text);
  return header;
}

export function createMainView(
  words: Words,
  direction: 'ltr' | 'rtl',
  sheets: readonly SheetId[],
  handlers: {onOption(id: SheetId): void; onToggle(): void}
): MainView {
  const root = element('div', 'braintree-dropin');
  root.dataset.braintreeId = 'wrapper';
  root.dir = direction;
  const heading = element('div', 'braintree-heading', '');
  heading.dataset.braintreeId = 'methods-label';
  const upper = element('div', 'braintree-upper-container');

  const methods = element('div', 'braintree-methods braintree-methods-initial');
  methods.dataset.braintreeId = 'methods';
  methods.hidden = true;

  // The options, as `views/payment-options-view.js` draws them: a div with role=button each.
  const options = element('div', 'braintree-options braintree-options-initial');
  options.dataset.braintreeId = 'options';
  const list = element('div', 'braintree-options-list');
  list.dataset.braintreeId = 'payment-options-container';
  options.append(list);
  const titles: Record<SheetId, string> = {
    card: words.Card,
    paypal: words.PayPal,
  };
  for (const id of sheets) {
    const option = element('div', `braintree-option braintree-option__${id}`);
    option.tabIndex = 0;
    option.setAttribute('role', 'button');
    const label = element('div', 'braintree-option__label', titles[id]);
    label.setAttribute(
      'aria-label',
      fill(words.payingWith, {paymentSource: titles[id]})
    );
    option.append(label);
    // `lib/add-selection-event-handler.js`: a click, or Enter on the focused option.
    option.addEventListener('click', () => handlers.onOption(id));
    option.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      handlers.onOption(id);
    });
    list.append(option);
  }

  const container = element('div', 'braintree-sheet__container');
  const card = element('div', 'braintree-card braintree-form braintree-sheet');
  card.dataset.braintreeId = 'card';
  const content = element(
    'div',
    'braintree-sheet__content braintree-sheet__content--form'
  );
  card.append(sheetHeader(words.payWithCard), content);

  const paypal = element('div', 'braintree-paypal braintree-sheet');
  paypal.dataset.braintreeId = 'paypal';
  const buttonSlot = element(
    'div',
    'braintree-sheet__content braintree-sheet__content--button'
  );
  const paypalButton = element(
    'button',
    'braintree-sheet__button--paypal',
    words.PayPal
  );
  paypalButton.type = 'button';
  paypalButton.dataset.braintreeId = 'paypal-button';
  buttonSlot.append(paypalButton);
  paypal.append(sheetHeader(words.PayPal), buttonSlot);

  const error = element('div', 'braintree-sheet__error');
  error.dataset.braintreeId = 'sheet-error';
  const errorText = element('div', 'braintree-sheet__error-text');
  errorText.setAttribute('role', 'alert');
  error.append(errorText);
  error.hidden = true;
  // Only the sheets of the ways offered.
  container.append(card, ...(sheets.includes('paypal') ? [paypal] : []), error);
  upper.append(methods, options, container);

  // Drop-in's toggle is a div with role=button; a real button takes the keyboard for free.
  const toggle = element(
    'button',
    'braintree-large-button braintree-toggle',
    words.chooseAnotherWayToPay
  );
  toggle.type = 'button';
  toggle.dataset.braintreeId = 'toggle';
  toggle.hidden = true;
  toggle.addEventListener('click', handlers.onToggle);
  root.append(heading, upper, toggle);

  let active: MainView['active'] = 'options';
  const several = sheets.length > 1;

  function show(view: MainView['active']): void {
    active = view;
    options.hidden = view !== 'options';
    methods.hidden = view !== 'methods';
    card.hidden = view !== 'card';
    paypal.hidden = view !== 'paypal';
    container.hidden = view === 'options' || view === 'methods';
    // Back to the list from a sheet (when there is one), or from the chosen method.
    toggle.hidden = view === 'options' || (!several && view !== 'methods');
    for (const name of ['options', 'methods', 'card', 'paypal'])
      root.classList.toggle(`braintree-show-${name}`, name === view);
    heading.textContent = view === 'options' ? words.chooseAWayToPay : '';
    if (view !== 'methods') methods.replaceChildren();
  }

  const view: MainView = {
    root,
    frameSlot: content,
    paypalButton,
    get active() {
      return active;
    },
    showSheetError(message) {
      errorText.textContent = message;
      error.hidden = message === '';
      for (const sheet of [card, paypal])
        sheet.classList.toggle('braintree-sheet--has-error', message !== '');
    },
    showDefault() {
      show(several ? 'options' : sheets[0]!);
    },
    showSheet(id) {
      show(id);
    },
    showMethod(chosen) {
      show('methods');
      const isCard = chosen.type === 'CreditCard';
      heading.textContent = fill(words.payingWith, {
        paymentSource: isCard ? words.Card : words.PayPal,
      });
      const method = element(
        'div',
        'braintree-method braintree-method--active'
      );
      method.setAttribute('role', 'status');
      method.tabIndex = -1;
      // `views/payment-method-view.js`: the card's type and last four, or PayPal's e-mail.
      const details = element('div', 'braintree-method__label');
      details.append(
        isCard ? chosen.details.cardType : chosen.details.email,
        element(
          'div',
          'braintree-method__label--small',
          isCard
            ? fill(words.endingIn, {
                lastFourCardDigits: chosen.details.lastFour,
              })
            : words.PayPal
        )
      );
      method.append(details);
      methods.replaceChildren(method);
    },
    setLoading(loading) {
      root.classList.toggle('braintree-loading', loading);
      root.setAttribute('aria-busy', String(loading));
      // No other way to pay while the card is being verified.
      toggle.disabled = loading;
      paypalButton.disabled = loading;
    },
  };
  view.showDefault();
  return view;
}

/**
 * The card form inside its frame, on the emulator's origin (as Square's is on squarecdn.com):
 * the four fields with their labels in the buyer's language, formatting and brand detection
 * while typing, an error line for a field left wrong, the `style` option applied, and the
 * input events the page's `Card` re-dispatches. Tokenizing is done here, from the same
 * origin (`POST /web-sdk/v1/card-nonces`), so the card number never crosses to the shop's page.
 * It trusts only the page named in its fragment, and only through ../protocol.ts.
 */
import type {
  CardFieldNamesValues,
  CardInputEvent,
  CardInputEventState,
  CardInputEventTypesValues,
  TokenResult,
} from '@square/web-payments-sdk-types';
import {
  FIELDS,
  brandLabel,
  cvvLength,
  detectBrand,
  eventBrandName,
  formatExpiry,
  formatNumber,
  isFieldValid,
  maxNumberLength,
  onlyDigits,
  type CardValues,
} from './card-rules.js';
import {styleSheet} from './card-style.js';
import {
  decodeFrameParams,
  envelope,
  isEnvelope,
  type CardToPageMessage,
  type PageToCardMessage,
} from './protocol.js';
import {requestNonce} from './tokenize.js';
import {pageLanguage, squareWords, type SquareWords} from './words.js';

const params = decodeFrameParams(location.hash);
const input = (field: CardFieldNamesValues) =>
  document.getElementById(field) as HTMLInputElement;
const container = document.getElementById('container')!;
const message = document.getElementById('message')!;
const messageLine = document.getElementById('message-line')!;
const brandBadge = document.getElementById('brand')!;

let words: SquareWords = squareWords(params?.locale);
let brand = detectBrand('');
const errorFields = new Set<CardFieldNamesValues>();
const lastState = new Map<CardFieldNamesValues, CardInputEventState>();
let focused: CardFieldNamesValues | undefined;

function post(message: CardToPageMessage): void {
  if (params)
    window.parent.postMessage(envelope(params.channel, message), params.origin);
}

function values(): CardValues {
  return {
    cardNumber: input('cardNumber').value,
    expirationDate: input('expirationDate').value,
    cvv: input('cvv').value,
    postalCode: input('postalCode').value,
  };
}

function applyLocale(locale: string | undefined): void {
  words = squareWords(locale);
  Object.assign(document.documentElement, pageLanguage(locale));
  document.title = words.frameTitle;
  document.getElementById('form')!.setAttribute('aria-label', words.form);
  for (const field of FIELDS) {
    document.getElementById(`${field}-label`)!.textContent =
      words.labels[field];
  }
  input('expirationDate').placeholder = words.expiryHint;
  showMessage();
}

function stateOf(field: CardFieldNamesValues): CardInputEventState {
  const value = values()[field];
  const valid = isFieldValid(field, values(), new Date());
  return {
    hasErrorClass: errorFields.has(field),
    hasFocusClass: focused === field,
    isCompletelyValid: valid,
    isEmpty: value === '',
    isPotentiallyValid: valid || !errorFields.has(field),
  };
}

function emit(
  eventType: CardInputEventTypesValues,
  field: CardFieldNamesValues
): void {
  const currentState = stateOf(field);
  const event: CardInputEvent = {
    cardBrand: eventBrandName(brand),
    currentState,
    eventType: eventType as CardInputEvent['eventType'],
    field: field as CardInputEvent['field'],
    postalCodeValue: input('postalCode').value,
    previousState: lastState.get(field),
  };
  lastState.set(field, currentState);
  post({type: 'event', event});
}

/** One line under the form: the first field in error, in the form's order. */
function showMessage(): void {
  const first = FIELDS.find((field) => errorFields.has(field));
  const text = first ? words.errors[first] : '';
  if (message.textContent !== text) message.textContent = text;
  for (const element of [messageLine, message, messageLine.firstElementChild!])
    element.classList.toggle('is-error', first !== undefined);
  container.classList.toggle('is-error', first !== undefined);
  for (const field of FIELDS) {
    const inError = errorFields.has(field);
    input(field).classList.toggle('is-error', inError);
    document
      .getElementById(`${field}-field`)!
      .classList.toggle('is-error', inError);
    input(field).setAttribute('aria-invalid', String(inError));
    if (inError) input(field).setAttribute('aria-describedby', 'message');
    else input(field).removeAttribute('aria-describedby');
  }
}

function setError(field: CardFieldNamesValues, inError: boolean): void {
  if (errorFields.has(field) === inError) return;
  if (inError) errorFields.add(field);
  else errorFields.delete(field);
  showMessage();
  emit(inError ? 'errorClassAdded' : 'errorClassRemoved', field);
}

/** Rewrites a field and keeps the caret after the same number of digits. */
function reformat(element: HTMLInputElement, formatted: string): void {
  if (element.value === formatted) return;
  const caret = element.selectionStart ?? element.value.length;
  const atEnd = caret >= element.value.length;
  const before = onlyDigits(element.value.slice(0, caret)).length;
  element.value = formatted;
  if (atEnd || document.activeElement !== element) return;
  let position = 0;
  for (let seen = 0; position < formatted.length && seen < before; position++) {
    if (/\d/.test(formatted[position]!)) seen++;
  }
  element.setSelectionRange(position, position);
}

function updateBrand(): void {
  const next = detectBrand(onlyDigits(input('cardNumber').value));
  if (next === brand) return;
  brand = next;
  brandBadge.textContent = brandLabel(brand);
  container.classList.toggle('has-brand', brandBadge.textContent !== '');
  emit('cardBrandChanged', 'cardNumber');
}

function onInput(field: CardFieldNamesValues, event: Event): void {
  const element = input(field);
  const deleting =
    (event as InputEvent).inputType?.startsWith('delete') ?? false;
  const digits = onlyDigits(element.value);
  if (field === 'cardNumber') {
    reformat(
      element,
      formatNumber(digits.slice(0, maxNumberLength(detectBrand(digits))))
    );
    updateBrand();
  } else if (field === 'expirationDate') {
    reformat(element, formatExpiry(element.value, deleting));
  } else if (field === 'cvv') {
    reformat(element, digits.slice(0, cvvLength(brand)));
  } else {
    reformat(element, element.value.slice(0, 10));
    emit('postalCodeChanged', 'postalCode');
  }
  // An error goes away as soon as the field is right; a new one waits for the field to be left.
  if (errorFields.has(field) && isFieldValid(field, values(), new Date()))
    setError(field, false);
}

for (const field of FIELDS) {
  const element = input(field);
  element.addEventListener('input', (event) => onInput(field, event));
  element.addEventListener('focus', () => {
    focused = field;
    container.classList.add('is-focus');
    element.classList.add('is-focus');
    emit('focusClassAdded', field);
  });
  element.addEventListener('blur', () => {
    focused = undefined;
    container.classList.remove('is-focus');
    element.classList.remove('is-focus');
    emit('focusClassRemoved', field);
    if (element.value !== '')
      setError(field, !isFieldValid(field, values(), new Date()));
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      emit('submit', field);
    } else if (event.key === 'Escape') {
      emit('escape', field);
    }
  });
}
// A click anywhere in a field's box (its label row included) lands in its input.
for (const field of FIELDS) {
  document
    .getElementById(`${field}-field`)!
    .addEventListener('mousedown', (event) => {
      if (event.target !== input(field)) {
        event.preventDefault();
        input(field).focus();
      }
    });
}

function clear(): void {
  for (const field of FIELDS) input(field).value = '';
  errorFields.clear();
  showMessage();
  updateBrand();
}

async function tokenize(): Promise<TokenResult> {
  const invalid = FIELDS.filter(
    (field) => !isFieldValid(field, values(), new Date())
  );
  for (const field of FIELDS) setError(field, invalid.includes(field));
  if (invalid.length > 0) {
    return {
      status: 'Invalid',
      errors: invalid.map((field) => ({
        type: 'VALIDATION_ERROR',
        field,
        message: words.errors[field],
      })),
    };
  }
  const result = await requestNonce(params!, values(), words);
  if (result.status === 'Invalid') {
    for (const error of result.errors) {
      if (
        'field' in error &&
        FIELDS.includes(error.field as CardFieldNamesValues)
      )
        setError(error.field as CardFieldNamesValues, true);
    }
  }
  return result;
}

async function answer(message: PageToCardMessage): Promise<void> {
  switch (message.type) {
    case 'configure':
      if (message.style)
        document.getElementById('card-style')!.textContent = styleSheet(
          message.style
        );
      if (typeof message.postalCode === 'string')
        input('postalCode').value = message.postalCode.slice(0, 10);
      return;
    case 'locale':
      applyLocale(message.locale);
      return;
    case 'measure':
      post({type: 'resize', height: height()});
      return;
    case 'focus':
      input(message.field).focus();
      post({type: 'reply', requestId: message.requestId, ok: true});
      return;
    case 'clear':
      clear();
      post({type: 'reply', requestId: message.requestId, ok: true});
      return;
    case 'set-error':
      setError(message.field, true);
      post({type: 'reply', requestId: message.requestId, ok: true});
      return;
    case 'tokenize':
      post({
        type: 'reply',
        requestId: message.requestId,
        result: await tokenize(),
      });
  }
}

window.addEventListener('message', (event) => {
  if (
    !params ||
    event.origin !== params.origin ||
    event.source !== window.parent
  )
    return;
  if (!isEnvelope<PageToCardMessage>(event.data, params.channel)) return;
  void answer(event.data);
});

function height(): number {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

applyLocale(params?.locale);
document.getElementById('card-style')!.textContent = styleSheet(params?.style);
if (params?.postalCode)
  input('postalCode').value = params.postalCode.slice(0, 10);
new ResizeObserver(() => post({type: 'resize', height: height()})).observe(
  document.body
);
post({type: 'ready', height: height()});

/**
 * The Payment Element's frame, on the emulator's origin. The card data lives only here: the
 * parent asks for a PaymentMethod and gets back its id, never the digits (exactly the boundary
 * the real Payment Element draws, and the reason the page's own scripts are out of PCI scope).
 */
import type {StripeError} from '@stripe/stripe-js';
import {createApi} from '../api.js';
import {
  decodeFrameParams,
  envelope,
  isEnvelope,
  type FrameMessage,
  type HostMessage,
} from '../protocol.js';
import {applyAppearance} from './appearance.js';
import {
  BRAND_NAMES,
  cvcLength,
  detectBrand,
  formatExpiry,
  formatNumber,
  maxNumberLength,
  onlyDigits,
  validateCvc,
  validateExpiry,
  validateNumber,
  validatePostalCode,
  type FieldError,
  type FieldName,
} from './card.js';

const FIELDS: FieldName[] = ['number', 'expiry', 'cvc', 'postalCode'];

const params = decodeFrameParams(location.hash);
const form = document.getElementById('form') as HTMLFormElement;

function input(name: FieldName): HTMLInputElement {
  return document.getElementById(name) as HTMLInputElement;
}

if (!params) {
  form.hidden = true;
  const notice = document.createElement('p');
  notice.className = 'Notice';
  notice.textContent =
    'This page is the Stripe emulator’s Payment Element; it only works inside the frame Stripe.js mounts.';
  document.querySelector('main')?.append(notice);
} else {
  start(params.channel, params.origin, params.key);
}

function start(channel: string, parentOrigin: string, key: string): void {
  const api = createApi(location.origin, key);
  const rules = (
    document.getElementById('appearance-rules') as HTMLStyleElement
  ).sheet!;
  let us = isUnitedStates(params?.locale);

  function post(message: FrameMessage): void {
    window.parent.postMessage(envelope(channel, message), parentOrigin);
  }

  // Layout is read synchronously after each change we make: a ResizeObserver alone would stall
  // while Chromium throttles an off-screen cross-origin frame.
  let lastHeight = 0;
  function reportHeight(): void {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post({type: 'resize', height});
    }
  }
  new ResizeObserver(reportHeight).observe(document.body);

  function localize(locale: string | undefined): void {
    document.documentElement.lang = resolveLocale(locale);
    us = isUnitedStates(locale);
    const postal = input('postalCode');
    const label = document.querySelector(
      'label[for="postalCode"]'
    ) as HTMLLabelElement;
    label.textContent = us ? 'ZIP' : 'Postal code';
    postal.inputMode = us ? 'numeric' : 'text';
    postal.placeholder = us ? '12345' : '';
  }

  applyAppearance(params?.appearance, document.documentElement, rules);
  localize(params?.locale);

  const value = (name: FieldName) => input(name).value;
  const digits = (name: FieldName) => onlyDigits(value(name));

  function validate(name: FieldName): FieldError | null {
    switch (name) {
      case 'number':
        return validateNumber(digits('number'));
      case 'expiry':
        return validateExpiry(digits('expiry'), new Date());
      case 'cvc':
        return validateCvc(digits('cvc'), detectBrand(digits('number')));
      case 'postalCode':
        return validatePostalCode(value('postalCode'), us);
    }
  }

  function showError(name: FieldName, error: FieldError | null): void {
    const field = input(name);
    field.classList.toggle('Input--invalid', error !== null);
    field.setAttribute('aria-invalid', String(error !== null));
    const message = document.getElementById(`${name}-error`)!;
    if (message.textContent !== (error?.message ?? '')) {
      message.textContent = error?.message ?? '';
    }
    reportHeight();
  }

  /** Shows every field's error under it and returns the first, as `elements.submit()` does. */
  function validateAll(): StripeError | undefined {
    let first: StripeError | undefined;
    for (const name of FIELDS) {
      const error = validate(name);
      showError(name, error);
      if (error && !first)
        first = {type: 'validation_error', ...error, param: name};
    }
    return first;
  }

  function emitChange(): void {
    const empty = FIELDS.every((name) => value(name) === '');
    const complete = FIELDS.every((name) => validate(name) === null);
    post({type: 'change', empty, complete});
  }

  function onInput(name: FieldName, event: Event): void {
    const field = input(name);
    const deleting =
      (event as InputEvent).inputType?.startsWith('delete') ?? false;
    if (name === 'number') {
      const brand = detectBrand(digits('number'));
      reformat(
        field,
        formatNumber(digits('number').slice(0, maxNumberLength(brand)))
      );
      const brandName = BRAND_NAMES[detectBrand(digits('number'))];
      document.getElementById('number-brand')!.textContent = brandName;
    } else if (name === 'expiry') {
      reformat(field, formatExpiry(field.value, deleting));
    } else if (name === 'cvc') {
      reformat(
        field,
        digits('cvc').slice(0, cvcLength(detectBrand(digits('number'))))
      );
    } else if (us) {
      reformat(field, field.value.replace(/[^\d-]/g, '').slice(0, 10));
    }
    // An error goes away as soon as the field is right; a new one waits for blur.
    if (field.classList.contains('Input--invalid') && validate(name) === null) {
      showError(name, null);
    }
    emitChange();
  }

  for (const name of FIELDS) {
    const field = input(name);
    field.addEventListener('input', (event) => onInput(name, event));
    field.addEventListener('blur', () => {
      if (field.value !== '') showError(name, validate(name));
    });
  }

  form.addEventListener('focusin', (event) => {
    if (!form.contains(event.relatedTarget as Node | null))
      post({type: 'focus'});
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null))
      post({type: 'blur'});
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') post({type: 'escape'});
  });
  // Enter inside the frame must not navigate it (the form has no action).
  form.addEventListener('submit', (event) => event.preventDefault());

  async function createPaymentMethod(): Promise<
    {error: StripeError} | {paymentMethod: string}
  > {
    const error = validateAll();
    if (error) return {error};
    const expiry = digits('expiry');
    const result = await api.post<{id: string}>('/v1/payment_methods', {
      type: 'card',
      'card[number]': digits('number'),
      'card[exp_month]': String(Number(expiry.slice(0, 2))),
      'card[exp_year]': String(2000 + Number(expiry.slice(2, 4))),
      'card[cvc]': digits('cvc'),
      'billing_details[address][postal_code]': value('postalCode').trim(),
    });
    return result.error
      ? {error: result.error}
      : {paymentMethod: result.data.id};
  }

  async function handle(message: HostMessage): Promise<void> {
    switch (message.type) {
      case 'update':
        if (message.appearance) {
          applyAppearance(message.appearance, document.documentElement, rules);
        }
        if (message.locale) localize(message.locale);
        reportHeight();
        post({type: 'reply', requestId: message.requestId});
        return;
      case 'focus':
        input('number').focus();
        return;
      case 'submit':
        post({
          type: 'reply',
          requestId: message.requestId,
          error: validateAll(),
        });
        return;
      case 'create-payment-method':
        post({
          type: 'reply',
          requestId: message.requestId,
          ...(await createPaymentMethod()),
        });
        return;
    }
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    if (!isEnvelope<HostMessage>(event.data, channel)) return;
    void handle(event.data);
  });

  post({type: 'ready'});
  reportHeight();
}

/** Rewrites a field and keeps the caret after the same number of characters that count. */
function reformat(field: HTMLInputElement, formatted: string): void {
  if (field.value === formatted) return;
  const caret = field.selectionStart ?? field.value.length;
  const atEnd = caret >= field.value.length;
  const before = onlyDigits(field.value.slice(0, caret)).length;
  field.value = formatted;
  if (atEnd || document.activeElement !== field) return;
  let position = 0;
  for (let seen = 0; position < formatted.length && seen < before; position++) {
    if (/\d/.test(formatted[position]!)) seen++;
  }
  field.setSelectionRange(position, position);
}

function resolveLocale(locale: string | undefined): string {
  if (!locale || locale === 'auto') return navigator.language || 'en';
  try {
    return new Intl.Locale(locale).toString();
  } catch {
    return 'en';
  }
}

/** The ZIP/Postal code wording and rules follow the locale's region, as Stripe's do. */
function isUnitedStates(locale: string | undefined): boolean {
  try {
    return new Intl.Locale(resolveLocale(locale)).maximize().region === 'US';
  } catch {
    return true;
  }
}

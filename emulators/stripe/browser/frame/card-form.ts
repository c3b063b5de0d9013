/**
 * The four card fields (`number`, `expiry`, `cvc`, `postalCode`) as the buyer uses them:
 * formatting while typing, an error under a field on blur that goes away once it is right,
 * and every error at once on submit. Shared by the Payment Element's frame and the emulator's
 * hosted Checkout page, so both behave (and are tested) the same; the rules are in card.ts.
 */
import type {StripeError} from '@stripe/stripe-js';
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

interface CardFormOptions {
  /** The field's input (its id is its name, its error's id `${name}-error`). */
  input(name: FieldName): HTMLInputElement;
  /** ZIP rules (five digits) or any postal code; read at each check. */
  isUnitedStates(): boolean;
  /** After anything that can change the form's height. */
  onLayout?(): void;
  /** After each keystroke, with what Stripe.js reports in `change` events. */
  onChange?(state: {empty: boolean; complete: boolean}): void;
}

interface CardForm {
  validate(name: FieldName): FieldError | null;
  showError(name: FieldName, error: FieldError | null): void;
  /** Shows every field's error under it and returns the first, as `elements.submit()` does. */
  validateAll(): StripeError | undefined;
  /** `POST /v1/payment_methods` parameters for the card as typed (check it first). */
  paymentMethodParams(): Record<string, string>;
}

export function createCardForm(options: CardFormOptions): CardForm {
  const {input} = options;
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
        return validatePostalCode(
          value('postalCode'),
          options.isUnitedStates()
        );
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
    options.onLayout?.();
  }

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
    options.onChange?.({empty, complete});
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
    } else if (options.isUnitedStates()) {
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

  return {
    validate,
    showError,
    validateAll,
    paymentMethodParams() {
      const expiry = digits('expiry');
      return {
        type: 'card',
        'card[number]': digits('number'),
        'card[exp_month]': String(Number(expiry.slice(0, 2))),
        'card[exp_year]': String(2000 + Number(expiry.slice(2, 4))),
        'card[cvc]': digits('cvc'),
        'billing_details[address][postal_code]': value('postalCode').trim(),
      };
    },
  };
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

export function resolveLocale(locale: string | undefined): string {
  if (!locale || locale === 'auto') return navigator.language || 'en';
  try {
    return new Intl.Locale(locale).toString();
  } catch {
    return 'en';
  }
}

/** The ZIP/Postal code wording and rules follow the locale's region, as Stripe's do. */
export function isUnitedStates(locale: string | undefined): boolean {
  try {
    return new Intl.Locale(resolveLocale(locale)).maximize().region === 'US';
  } catch {
    return true;
  }
}

/**
 * The Address Element's frame, on the emulator's origin: a labelled address form (full name,
 * country, two lines, city, state or province where the country has them, ZIP or postal code
 * where it has them) with the `shipping …`/`billing …` autofill tokens, errors under the fields,
 * and the value sent to the parent in Stripe's shape on every change.
 */
import type {StripeError} from '@stripe/stripe-js';
import {
  decodeFrameParams,
  type AddressOptions,
  type AddressValue,
  type HostMessage,
} from '../protocol.js';
import {
  ADDRESS_FIELDS,
  hasPostalCodes,
  offeredCountries,
  statesOf,
  validateAddressField,
  type AddressFieldName,
} from './address.js';
import {addressLabels, type AddressLabels} from './address-labels.js';
import {applyAppearance} from './appearance.js';
import {resolveLocale} from './card-form.js';
import {directionOf} from './labels.js';
import {
  connectToParent,
  forwardFormEvents,
  showOutsideFrameNotice,
} from './element-frame.js';

/** Each field's autofill token, after the mode (`shipping name`, `billing postal-code`). */
const AUTOFILL: Record<AddressFieldName, string> = {
  name: 'name',
  country: 'country',
  line1: 'address-line1',
  line2: 'address-line2',
  city: 'address-level2',
  state: 'address-level1',
  postal_code: 'postal-code',
};

const params = decodeFrameParams(location.hash);
const form = document.getElementById('form') as HTMLFormElement;

if (!params) {
  showOutsideFrameNotice(form, 'Address Element');
} else {
  start(params.channel, params.origin, params.options);
}

function start(
  channel: string,
  parentOrigin: string,
  initial: AddressOptions | undefined
): void {
  const rules = (
    document.getElementById('appearance-rules') as HTMLStyleElement
  ).sheet!;
  let options: AddressOptions = initial ?? {mode: 'shipping'};
  const mode = options.mode === 'billing' ? 'billing' : 'shipping';
  let locale = resolveLocale(params?.locale);
  let words: AddressLabels = addressLabels(locale);

  const {post, reportHeight} = connectToParent(channel, parentOrigin, handle);

  const blocks = new Map<AddressFieldName, HTMLElement>();
  const control = (field: AddressFieldName) =>
    document.getElementById(field) as HTMLInputElement | HTMLSelectElement;

  /** A labelled field with its error line, named like the value's keys. */
  function block(
    field: AddressFieldName,
    label: string,
    kind: 'input' | 'select'
  ): HTMLElement {
    const wrap = document.createElement('div');
    wrap.className = 'Block';
    const labelNode = document.createElement('label');
    labelNode.className = 'Label';
    labelNode.htmlFor = field;
    labelNode.textContent = label;
    const input = document.createElement(kind);
    input.className = 'Input';
    input.id = field;
    input.name = field;
    input.autocomplete = `${mode} ${AUTOFILL[field]}` as AutoFill;
    input.setAttribute('aria-invalid', 'false');
    input.setAttribute('aria-describedby', `${field}-error`);
    if (input instanceof HTMLInputElement) {
      input.type = 'text';
      input.spellcheck = false;
    }
    const error = document.createElement('p');
    error.className = 'Error';
    error.id = `${field}-error`;
    error.setAttribute('role', 'alert');
    wrap.append(labelNode, input, error);
    blocks.set(field, wrap);
    return wrap;
  }

  function option(select: HTMLSelectElement, value: string, text: string) {
    const node = document.createElement('option');
    node.value = value;
    node.textContent = text;
    select.append(node);
  }

  // The form: name, country, the two lines, then city, state and postal code in a row.
  const row = document.createElement('div');
  row.className = 'Row Row--address';
  form.append(
    block('name', words.name, 'input'),
    block('country', words.country, 'select'),
    block('line1', words.line1, 'input'),
    block('line2', words.line2, 'input'),
    row
  );
  row.append(
    block('city', words.city, 'input'),
    block('state', words.state, 'select'),
    block('postal_code', words.zip, 'input')
  );

  /** The form's language: its labels, `lang` and direction (fitCountry names state and postal code). */
  function speak(): void {
    words = addressLabels(locale);
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
    form.setAttribute(
      'aria-label',
      mode === 'shipping' ? words.shipping : words.billing
    );
    for (const field of ['name', 'country', 'line1', 'line2', 'city'] as const)
      blocks.get(field)!.querySelector('label')!.textContent = words[field];
  }

  function fillCountries(): void {
    const select = control('country') as HTMLSelectElement;
    const current = select.value;
    const names = new Intl.DisplayNames([locale, 'en'], {type: 'region'});
    const collator = new Intl.Collator(locale);
    const countries = offeredCountries(options.allowedCountries)
      .map((code): [string, string] => [code, names.of(code) ?? code])
      .sort((a, b) => collator.compare(a[1], b[1]));
    select.replaceChildren();
    for (const [code, name] of countries) option(select, code, name);
    const preferred = [
      current,
      options.defaultValues?.address?.country?.toUpperCase(),
      new Intl.Locale(locale).maximize().region,
      'US',
    ].find((code) => code && countries.some(([c]) => c === code));
    select.value = preferred ?? countries[0]?.[0] ?? '';
  }

  /** The state and postal fields as the country has them (or hides them). */
  function fitCountry(): void {
    const country = control('country').value;
    const states = statesOf(country);
    const stateBlock = blocks.get('state')!;
    const state = control('state') as HTMLSelectElement;
    stateBlock.hidden = !states;
    stateBlock.querySelector('label')!.textContent =
      country === 'CA' ? words.province : words.state;
    const chosen = state.value;
    state.replaceChildren();
    option(state, '', words.select);
    for (const [code, name] of states ?? []) option(state, code, name);
    state.value = states?.some(([code]) => code === chosen) ? chosen : '';
    const postalBlock = blocks.get('postal_code')!;
    postalBlock.hidden = !hasPostalCodes(country);
    postalBlock.querySelector('label')!.textContent =
      country === 'US' ? words.zip : words.postalCode;
    (control('postal_code') as HTMLInputElement).inputMode =
      country === 'US' ? 'numeric' : 'text';
    for (const field of ['state', 'postal_code'] as const)
      if (blocks.get(field)!.hidden) showError(field, null);
    reportHeight();
  }

  function applyDefaults(): void {
    const defaults = options.defaultValues;
    if (!defaults) return;
    if (defaults.name) control('name').value = defaults.name;
    const address = defaults.address;
    if (!address) return;
    const country = address.country?.toUpperCase();
    const select = control('country') as HTMLSelectElement;
    if ([...select.options].some((option) => option.value === country))
      select.value = country;
    fitCountry();
    for (const field of ['line1', 'line2', 'city', 'postal_code'] as const) {
      const value = address[field];
      if (value) control(field).value = value;
    }
    if (address.state) {
      control('state').value = address.state.toUpperCase();
    }
  }

  function value(): AddressValue {
    const text = (field: AddressFieldName) =>
      blocks.get(field)!.hidden ? '' : control(field).value.trim();
    return {
      name: text('name'),
      address: {
        line1: text('line1'),
        line2: text('line2') || null,
        city: text('city'),
        state: text('state'),
        postal_code: text('postal_code'),
        country: control('country').value,
      },
    };
  }

  function showError(field: AddressFieldName, message: string | null): void {
    const input = control(field);
    input.classList.toggle('Input--invalid', message !== null);
    input.setAttribute('aria-invalid', String(message !== null));
    const error = document.getElementById(`${field}-error`)!;
    if (error.textContent !== (message ?? ''))
      error.textContent = message ?? '';
    reportHeight();
  }

  const complete = (current: AddressValue) =>
    ADDRESS_FIELDS.every(
      (field) => validateAddressField(current, field) === null
    );

  function emitChange(): void {
    const current = value();
    const {address} = current;
    const empty =
      !current.name &&
      !address.line1 &&
      !address.line2 &&
      !address.city &&
      !address.state &&
      !address.postal_code;
    post({type: 'change', empty, complete: complete(current), value: current});
  }

  function validateAll(): StripeError | undefined {
    const current = value();
    let first: StripeError | undefined;
    for (const field of ADDRESS_FIELDS) {
      const message = validateAddressField(current, field);
      showError(field, message);
      if (message && !first)
        first = {
          type: 'validation_error',
          code: 'incomplete_address',
          message: 'Your address is incomplete.',
          param: field,
        };
    }
    return first;
  }

  for (const field of ADDRESS_FIELDS) {
    const input = control(field);
    input.addEventListener('input', () => {
      if (field === 'country') fitCountry();
      // An error goes away as soon as the field is right; a new one waits for blur.
      if (
        input.classList.contains('Input--invalid') &&
        validateAddressField(value(), field) === null
      )
        showError(field, null);
      emitChange();
    });
    input.addEventListener('blur', () => {
      if (input.value !== '')
        showError(field, validateAddressField(value(), field));
    });
  }

  forwardFormEvents(form, post);

  function handle(message: HostMessage): void {
    switch (message.type) {
      case 'update':
        if (message.appearance)
          applyAppearance(message.appearance, document.documentElement, rules);
        if (message.locale) {
          locale = resolveLocale(message.locale);
          speak();
          fillCountries();
          fitCountry();
        }
        if (message.options) {
          options = {...options, ...message.options};
          fillCountries();
          applyDefaults();
          fitCountry();
          emitChange();
        }
        reportHeight();
        post({type: 'reply', requestId: message.requestId});
        return;
      case 'focus':
        control('name').focus();
        return;
      case 'submit':
        post({
          type: 'reply',
          requestId: message.requestId,
          error: validateAll(),
        });
        return;
      case 'get-value': {
        // Stripe's getValue() validates too: the buyer sees what is missing.
        const error = validateAll();
        post({
          type: 'reply',
          requestId: message.requestId,
          value: value(),
          complete: !error,
        });
        return;
      }
      case 'create-payment-method':
        return;
    }
  }

  speak();
  applyAppearance(params?.appearance, document.documentElement, rules);
  fillCountries();
  fitCountry();
  applyDefaults();
  post({type: 'ready'});
  // Prefilled (or a country chosen for the buyer): the parent learns the value at once.
  emitChange();
  reportHeight();
}

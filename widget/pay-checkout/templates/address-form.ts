/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {html, nothing} from 'lit';
import {
  countryName,
  countryOptions,
  hasPostalCodes,
  regionsOf,
} from '../../internal/countries.js';
import type {ShippingMessages} from '../../internal/shipping-messages.js';
import type {
  AddressDraft,
  AddressField,
  AddressProblem,
} from '../../internal/address.js';
import {alertIcon} from './icons.js';

interface AddressFormOptions {
  draft: AddressDraft;
  problems: Partial<Record<AddressField, AddressProblem>>;
  /** The country the server does not ship to, if it said so. */
  unavailable: string;
  locale: string;
  disabled: boolean;
  onInput: (event: Event) => void;
  onChange: (event: Event) => void;
}

/** Each field's `autocomplete` token, in the shipping section (WHATWG autofill). */
const AUTOCOMPLETE: Record<AddressField, string> = {
  name: 'shipping name',
  country: 'shipping country',
  line1: 'shipping address-line1',
  line2: 'shipping address-line2',
  city: 'shipping address-level2',
  region: 'shipping address-level1',
  postalCode: 'shipping postal-code',
};

// Sorting ~250 localised names is not free: once per locale.
let sorted: {locale: string; options: [string, string][]} | undefined;
function countries(locale: string): [string, string][] {
  if (sorted?.locale !== locale)
    sorted = {locale, options: countryOptions(locale)};
  return sorted.options;
}

function regionLabel(s: ShippingMessages, country: string): string {
  return country === 'US' ? s.state : country === 'CA' ? s.province : s.region;
}

function problemText(
  s: ShippingMessages,
  field: AddressField,
  problem: AddressProblem,
  country: string
): string {
  switch (field) {
    case 'name':
      return s.nameRequired;
    case 'country':
      return s.countryRequired;
    case 'line1':
      return s.line1Required;
    case 'city':
      return s.cityRequired;
    case 'region':
      return country === 'US'
        ? s.stateRequired
        : country === 'CA'
          ? s.provinceRequired
          : s.regionRequired;
    case 'postalCode':
      if (country !== 'US') return s.postalCodeRequired;
      return problem === 'invalid' ? s.zipInvalid : s.zipRequired;
    case 'line2':
      return '';
  }
}

/** A field's message, under it: an alert of its own, and the input's description. */
function message(field: AddressField, text: string) {
  return text
    ? html`<div
        id="shipping-${field}-error"
        class="field__error"
        part="address-error"
        role="alert"
      >
        <svg class="message__icon" viewBox="0 0 20 20" aria-hidden="true">
          ${alertIcon}
        </svg>
        <span>${text}</span>
      </div>`
    : nothing;
}

/**
 * The shipping address, for a provider that does not collect one itself: a labelled field
 * per part of the address with the `shipping …` autofill tokens, required ones marked as
 * such, each message linked to its field. Country and region are selects where the values
 * are codes (the contract's), typed text elsewhere.
 */
export function addressForm(
  s: ShippingMessages,
  {
    draft,
    problems,
    unavailable,
    locale,
    disabled,
    onInput,
    onChange,
  }: AddressFormOptions
) {
  const country = draft.country;
  const regions = regionsOf(country);
  const postal = hasPostalCodes(country) || !country;

  const say = (field: AddressField) => {
    const problem = problems[field];
    if (field === 'country' && !problem && unavailable)
      return s.notShipped(countryName(unavailable, locale));
    return problem ? problemText(s, field, problem, country) : '';
  };

  const label = (field: AddressField, text: string, optional = false) =>
    html`<label class="field__label" for="shipping-${field}"
      >${text}${
        optional
          ? html` <span class="field__optional">${s.optional}</span>`
          : nothing
      }</label
    >`;

  const attributes = (field: AddressField, required: boolean) => {
    const text = say(field);
    return {
      text,
      invalid: text ? 'true' : 'false',
      describedBy: text ? `shipping-${field}-error` : undefined,
      required,
    };
  };

  const input = (
    field: AddressField,
    text: string,
    required: boolean,
    extra: {inputmode?: string} = {}
  ) => {
    const a = attributes(field, required);
    return html`<div class="field address__${field}" part="address-field">
      ${label(field, text, !required)}
      <input
        id="shipping-${field}"
        class="field__input"
        part="address-input"
        type="text"
        name=${field}
        autocomplete=${AUTOCOMPLETE[field]}
        inputmode=${extra.inputmode ?? nothing}
        ?required=${a.required}
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy ?? nothing}
        .value=${draft[field]}
        @input=${onInput}
        @change=${onChange}
      />
      ${message(field, a.text)}
    </div>`;
  };

  const select = (
    field: 'country' | 'region',
    text: string,
    placeholder: string,
    options: [string, string][]
  ) => {
    const a = attributes(field, true);
    return html`<div class="field address__${field}" part="address-field">
      ${label(field, text)}
      <select
        id="shipping-${field}"
        class="field__input field__select"
        part="address-input"
        name=${field}
        autocomplete=${AUTOCOMPLETE[field]}
        required
        aria-invalid=${a.invalid}
        aria-describedby=${a.describedBy ?? nothing}
        @input=${onInput}
        @change=${onChange}
      >
        <option value="" ?selected=${!draft[field]}>${placeholder}</option>
        ${options.map(
          ([code, name]) =>
            html`<option value=${code} ?selected=${code === draft[field]}>
              ${name}
            </option>`
        )}
      </select>
      ${message(field, a.text)}
    </div>`;
  };

  return html`<fieldset class="address" part="address" ?disabled=${disabled}>
    <legend class="address__legend">${s.address}</legend>
    ${input('name', s.name, true)}
    ${select('country', s.country, s.chooseCountry, countries(locale))}
    ${input('line1', s.line1, true)} ${input('line2', s.line2, false)}
    <div class="address__row">
      ${input('city', s.city, true)}
      ${
        regions
          ? select(
              'region',
              regionLabel(s, country),
              s.chooseRegion,
              Object.entries(regions)
            )
          : input('region', s.region, false)
      }
      ${
        postal
          ? input(
              'postalCode',
              country === 'US' ? s.zip : s.postalCode,
              true,
              country === 'US' ? {inputmode: 'numeric'} : {}
            )
          : nothing
      }
    </div>
  </fieldset>`;
}

/**
 * Under a provider's own address form: the shop does not ship to the country it names (the
 * element's form says it at its country field instead).
 */
export function notShipped(
  s: ShippingMessages,
  country: string,
  locale: string
) {
  return country
    ? message('country', s.notShipped(countryName(country, locale)))
    : nothing;
}

/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The strings of the shipping address and the shipping rates: English here, in the shipping
 * chunk, the other languages in their locale chunk (./locales/*.ts `shipping`). Their error
 * codes, invalid_address and shipping_not_available, are in the element's tables
 * (./messages.ts). Country names are not here: Intl knows them in every language
 * (Intl.DisplayNames).
 */
import {loadedShippingTable} from './locales/shipping-tables.js';

export interface ShippingMessages {
  /** The address fieldset's legend. */
  address: string;
  name: string;
  country: string;
  /** The country select's empty first option. */
  chooseCountry: string;
  line1: string;
  line2: string;
  city: string;
  /** The region's label: US states, Canadian provinces, anything else. */
  state: string;
  province: string;
  region: string;
  /** The region select's empty first option. */
  chooseRegion: string;
  /** The postal code's label: ZIP in the US. */
  zip: string;
  postalCode: string;
  /** Shown after a label whose field may stay empty. */
  optional: string;
  nameRequired: string;
  countryRequired: string;
  line1Required: string;
  cityRequired: string;
  regionRequired: string;
  /** The region select's message (US states, Canadian provinces). */
  stateRequired: string;
  provinceRequired: string;
  zipRequired: string;
  postalCodeRequired: string;
  zipInvalid: string;
  /** The quote (or the order) refused the address: the country's name, localised. */
  notShipped: (country: string) => string;
  /** `pay-error`'s message when the address stopped Pay. */
  incomplete: string;
  /** The rates' legend. */
  method: string;
  /** Before an address is known. */
  ratesNeedAddress: string;
  free: string;
  /** A delivery estimate in business days ("3–5 business days", "1 business day"). */
  estimate: (minDays: number, maxDays: number, locale: string) => string;
}

/** "3–5" or "2", the plural form chosen by the larger number, as Intl.PluralRules says. */
function days(
  minDays: number,
  maxDays: number,
  locale: string,
  forms: {one: string; other: string}
): string {
  const number = new Intl.NumberFormat(locale);
  const span =
    minDays === maxDays
      ? number.format(maxDays)
      : `${number.format(minDays)}–${number.format(maxDays)}`;
  const form = new Intl.PluralRules(locale).select(maxDays);
  return `${span} ${form === 'one' ? forms.one : forms.other}`;
}

const en: ShippingMessages = {
  address: 'Shipping address',
  name: 'Full name',
  country: 'Country or region',
  chooseCountry: 'Select a country',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  state: 'State',
  province: 'Province',
  region: 'Region',
  chooseRegion: 'Select',
  zip: 'ZIP code',
  postalCode: 'Postal code',
  optional: '(optional)',
  nameRequired: 'Enter the recipient’s full name.',
  countryRequired: 'Select a country.',
  line1Required: 'Enter the street address.',
  cityRequired: 'Enter the city.',
  regionRequired: 'Enter the region.',
  stateRequired: 'Select a state.',
  provinceRequired: 'Select a province.',
  zipRequired: 'Enter the ZIP code.',
  postalCodeRequired: 'Enter the postal code.',
  zipInvalid: 'Enter a valid ZIP code, like 94103.',
  notShipped: (country) =>
    `We don’t ship to ${country}. Please choose another address.`,
  incomplete: 'Enter your shipping address.',
  method: 'Shipping method',
  ratesNeedAddress: 'Enter your address to see the shipping options.',
  free: 'Free',
  estimate: (minDays, maxDays, locale) =>
    days(minDays, maxDays, locale, {
      one: 'business day',
      other: 'business days',
    }),
};

/** The table for `locale` (`fr-CA` → `fr`) as ./messages.ts chooses, once its chunk has loaded; else English. */
export function shippingMessages(locale: string): ShippingMessages {
  return loadedShippingTable<ShippingMessages>(locale) ?? en;
}

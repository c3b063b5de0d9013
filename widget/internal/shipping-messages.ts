/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The strings of the shipping address and the shipping rates, one table per locale, in the
 * shipping chunk (their error codes, invalid_address and shipping_not_available, are in the
 * element's tables, ./messages.ts). Country names are not here: Intl knows them in every
 * language (Intl.DisplayNames).
 */
import {loadedShippingTable} from './locales/shipping-tables.js';
import {languageOf} from './messages.js';

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

const fr: ShippingMessages = {
  address: 'Adresse de livraison',
  name: 'Nom complet',
  country: 'Pays ou région',
  chooseCountry: 'Choisissez un pays',
  line1: 'Adresse',
  line2: 'Complément d’adresse',
  city: 'Ville',
  state: 'État',
  province: 'Province',
  region: 'Région',
  chooseRegion: 'Choisir',
  zip: 'Code ZIP',
  postalCode: 'Code postal',
  optional: '(facultatif)',
  nameRequired: 'Saisissez le nom complet du destinataire.',
  countryRequired: 'Choisissez un pays.',
  line1Required: 'Saisissez l’adresse.',
  cityRequired: 'Saisissez la ville.',
  regionRequired: 'Saisissez la région.',
  stateRequired: 'Choisissez un État.',
  provinceRequired: 'Choisissez une province.',
  zipRequired: 'Saisissez le code ZIP.',
  postalCodeRequired: 'Saisissez le code postal.',
  zipInvalid: 'Saisissez un code ZIP valide, par exemple 94103.',
  notShipped: (country) =>
    `Nous ne livrons pas dans ce pays : ${country}. Veuillez choisir une autre adresse.`,
  incomplete: 'Saisissez votre adresse de livraison.',
  method: 'Mode de livraison',
  ratesNeedAddress: 'Saisissez votre adresse pour voir les modes de livraison.',
  free: 'Gratuit',
  estimate: (minDays, maxDays, locale) =>
    days(minDays, maxDays, locale, {one: 'jour ouvré', other: 'jours ouvrés'}),
};

const de: ShippingMessages = {
  address: 'Lieferadresse',
  name: 'Vollständiger Name',
  country: 'Land oder Region',
  chooseCountry: 'Land auswählen',
  line1: 'Straße und Hausnummer',
  line2: 'Adresszusatz',
  city: 'Ort',
  state: 'Bundesstaat',
  province: 'Provinz',
  region: 'Region',
  chooseRegion: 'Auswählen',
  zip: 'ZIP-Code',
  postalCode: 'Postleitzahl',
  optional: '(optional)',
  nameRequired: 'Geben Sie den vollständigen Namen des Empfängers ein.',
  countryRequired: 'Wählen Sie ein Land aus.',
  line1Required: 'Geben Sie Straße und Hausnummer ein.',
  cityRequired: 'Geben Sie den Ort ein.',
  regionRequired: 'Geben Sie die Region ein.',
  stateRequired: 'Wählen Sie einen Bundesstaat aus.',
  provinceRequired: 'Wählen Sie eine Provinz aus.',
  zipRequired: 'Geben Sie den ZIP-Code ein.',
  postalCodeRequired: 'Geben Sie die Postleitzahl ein.',
  zipInvalid: 'Geben Sie einen gültigen ZIP-Code ein, z. B. 94103.',
  notShipped: (country) =>
    `Wir liefern nicht in dieses Land: ${country}. Bitte wählen Sie eine andere Adresse.`,
  incomplete: 'Geben Sie Ihre Lieferadresse ein.',
  method: 'Versandart',
  ratesNeedAddress: 'Geben Sie Ihre Adresse ein, um die Versandarten zu sehen.',
  free: 'Kostenlos',
  estimate: (minDays, maxDays, locale) =>
    days(minDays, maxDays, locale, {one: 'Werktag', other: 'Werktage'}),
};

const tables: Record<string, ShippingMessages> = {en, fr, de};

/**
 * The table for `locale` (`fr-CA` → `fr`), as ./messages.ts chooses: one of these, else the
 * one its locale chunk brought (./locales/), else English.
 */
export function shippingMessages(locale: string): ShippingMessages {
  const language = languageOf(locale, Object.keys(tables));
  return language
    ? tables[language]!
    : (loadedShippingTable<ShippingMessages>(locale) ?? tables.en!);
}

/**
 * Where the end-to-end buyers ship to. The demo catalog ships its goods, so every order of a
 * shippable product needs an address (name, line 1, city, postal code, country).
 */
import type {Address} from '../../widget/contract.js';

/** For requests made without the element: in the US zone, in a state without a tax rule. */
export const SPRINGFIELD: Address = {
  name: 'Ada Lovelace',
  line1: '1 Main Street',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};

/** An address as a buyer types it into a form: the country (and region) by its shown name. */
export interface TypedAddress extends Address {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  /** The country select's label ("Germany"). */
  countryName: string;
  /** The region select's label ("New York"), when the country has regions. */
  regionName?: string;
}

/** Germany: EU zone, VAT 19 % / 7 % included. */
export const BERLIN: TypedAddress = {
  name: 'Erika Mustermann',
  line1: 'Heidestraße 17',
  city: 'Berlin',
  postalCode: '10557',
  country: 'DE',
  countryName: 'Germany',
};

/** New York: US zone, 4 % state sales tax added, shipping taxed. */
export const NEW_YORK: TypedAddress = {
  name: 'Ada Lovelace',
  line1: '285 Fulton Street',
  city: 'New York',
  region: 'NY',
  postalCode: '10007',
  country: 'US',
  countryName: 'United States',
  regionName: 'New York',
};

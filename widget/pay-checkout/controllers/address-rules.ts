/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * What the element's address form requires, field by field: the server's rules for an order
 * that ships (name, line 1, city, country, a postal code where the country has them) and a
 * state or province code where the country's addresses name one. Part of the shipping chunk
 * (../shipping-form.ts), with the country lists it needs.
 */
import {
  hasPostalCodes,
  isCountry,
  regionsOf,
} from '../../internal/countries.js';
import type {
  AddressDraft,
  AddressField,
  AddressProblem,
} from '../../internal/address.js';

/** What is wrong with one field of `draft`, if anything. */
export function fieldProblem(
  draft: AddressDraft,
  field: AddressField
): AddressProblem | undefined {
  const value = draft[field].trim();
  const country = draft.country;
  switch (field) {
    case 'country':
      return !value ? 'required' : isCountry(value) ? undefined : 'invalid';
    case 'region': {
      const regions = regionsOf(country);
      if (!regions) return undefined;
      return !value ? 'required' : regions[value] ? undefined : 'invalid';
    }
    case 'postalCode':
      if (!hasPostalCodes(country)) return undefined;
      if (!value) return 'required';
      return country === 'US' && !/^\d{5}(-\d{4})?$/.test(value)
        ? 'invalid'
        : undefined;
    case 'line2':
      return undefined;
    default:
      return value ? undefined : 'required';
  }
}

/** Whether a new country clears the region (a state of the old one means nothing in the new one, and a typed region is no state). */
export function clearsRegion(from: string, to: string): boolean {
  return from !== to && !!(regionsOf(from) || regionsOf(to));
}

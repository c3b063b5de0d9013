/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The element's shipping address as the buyer types it: its fields and what can be wrong with
 * one. Shared by the shipping controller, its rules and its form (the shipping chunk).
 */

/** The form's fields, in the order they are shown (and checked). */
export const ADDRESS_FIELDS = [
  'name',
  'country',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
] as const;

export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The address as typed: every field a string, '' when empty. */
export type AddressDraft = Record<AddressField, string>;

/** What is wrong with a field, once the buyer has been told. */
export type AddressProblem = 'required' | 'invalid';

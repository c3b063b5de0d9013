/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * What the element sends about the buyer with an order, for the confirmation email: their
 * address, checked the way the server checks it, and their language as a BCP 47 tag.
 */

/**
 * What the server accepts as an email (a dot and a top-level domain after the `@`), checked
 * before paying so the buyer fixes a typo here rather than reading a refusal.
 */
export {resolveLocale} from './language.js';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.]{2,}$/;

/** The contract's BCP 47 pattern for `locale`. */
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What is wrong with an email the buyer typed, if anything. */
export function emailProblem(value: string): '' | 'required' | 'invalid' {
  const email = value.trim();
  if (!email) return 'required';
  return email.length <= 254 && EMAIL.test(email) ? '' : 'invalid';
}

/** `locale` if the server takes it as the buyer's language (the contract's pattern). */
export function languageTag(locale: string): string | undefined {
  return locale.length <= 35 && LOCALE.test(locale) ? locale : undefined;
}

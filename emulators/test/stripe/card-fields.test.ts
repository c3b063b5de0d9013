/**
 * The Payment Element frame's card logic, without a browser: brand detection, formatting and
 * validation with Stripe.js's codes and wording.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  detectBrand,
  formatExpiry,
  formatNumber,
  luhn,
  validateCvc,
  validateExpiry,
  validateNumber,
  validatePostalCode,
} from '../../stripe/browser/frame/card.js';

const JUNE_2030 = new Date(2030, 5, 15);

describe('the fake Payment Element’s card fields', () => {
  it('detects the brands of Stripe’s test cards', () => {
    assert.equal(detectBrand('4242424242424242'), 'visa');
    assert.equal(detectBrand('5555555555554444'), 'mastercard');
    assert.equal(detectBrand('2223003122003222'), 'mastercard');
    assert.equal(detectBrand('378282246310005'), 'amex');
    assert.equal(detectBrand('6011111111111117'), 'discover');
    assert.equal(detectBrand('3056930009020004'), 'diners');
    assert.equal(detectBrand('3566002020360505'), 'jcb');
    assert.equal(detectBrand('6200000000000005'), 'unionpay');
    assert.equal(detectBrand('1234'), 'unknown');
  });

  it('groups numbers by four, American Express by 4-6-5', () => {
    assert.equal(formatNumber('4242424242424242'), '4242 4242 4242 4242');
    assert.equal(formatNumber('42424'), '4242 4');
    assert.equal(formatNumber('378282246310005'), '3782 822463 10005');
  });

  it('formats the expiry as MM / YY, and lets Backspace remove the separator', () => {
    assert.equal(formatExpiry('1', false), '1');
    assert.equal(formatExpiry('12', false), '12 / ');
    assert.equal(formatExpiry('12', true), '12');
    assert.equal(formatExpiry('4', false), '04 / ');
    assert.equal(formatExpiry('12 / 345', false), '12 / 34');
  });

  it('checks numbers with Luhn and their brand’s length', () => {
    assert.equal(luhn('4242424242424242'), true);
    assert.equal(luhn('4242424242424241'), false);
    assert.equal(validateNumber('4242424242424242'), null);
    assert.equal(
      validateNumber('424242')?.message,
      'Your card number is incomplete.'
    );
    assert.equal(validateNumber('')?.code, 'incomplete_number');
    assert.deepEqual(validateNumber('4242424242424241'), {
      code: 'invalid_number',
      message: 'Your card number is invalid.',
    });
  });

  it('refuses incomplete and past expiry dates', () => {
    assert.equal(validateExpiry('1234', JUNE_2030), null);
    assert.equal(validateExpiry('0630', JUNE_2030), null);
    assert.equal(
      validateExpiry('12', JUNE_2030)?.message,
      "Your card's expiration date is incomplete."
    );
    assert.equal(
      validateExpiry('0530', JUNE_2030)?.code,
      'invalid_expiry_month_past'
    );
    assert.equal(
      validateExpiry('1229', JUNE_2030)?.code,
      'invalid_expiry_year_past'
    );
    assert.equal(
      validateExpiry('1330', JUNE_2030)?.code,
      'invalid_expiry_month'
    );
  });

  it('wants four CVC digits for American Express, three otherwise', () => {
    assert.equal(validateCvc('123', 'visa'), null);
    assert.equal(
      validateCvc('123', 'amex')?.message,
      "Your card's security code is incomplete."
    );
    assert.equal(validateCvc('1234', 'amex'), null);
  });

  it('wants a five-digit ZIP in the US, any short code elsewhere', () => {
    assert.equal(validatePostalCode('12345', true), null);
    assert.equal(
      validatePostalCode('1234', true)?.message,
      'Your postal code is incomplete.'
    );
    assert.equal(validatePostalCode('SW1A 1AA', false), null);
    assert.equal(validatePostalCode('', false)?.code, 'incomplete_zip');
  });
});

/** The Web Payments SDK fake's pure parts: the card form's rules, the style option, the words. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  detectBrand,
  formatExpiry,
  formatNumber,
  invalidFields,
  luhn,
} from '../../square/browser/card-rules.js';
import {styleProblems, styleSheet} from '../../square/browser/card-style.js';
import {
  pageLanguage,
  squareWords,
  supportedLanguage,
} from '../../square/browser/words.js';

const NOW = new Date(2026, 11, 2);
const card = (
  cardNumber: string,
  expirationDate = '12/34',
  cvv = '123',
  postalCode = 'SW1A 2AA'
) => ({
  cardNumber,
  expirationDate,
  cvv,
  postalCode,
});

describe('the card form’s rules', () => {
  it('detects the sandbox cards’ brands with Square’s CardBrand values', () => {
    assert.deepEqual(
      [
        '4111111111111111',
        '5105105105105100',
        '6011000000000004',
        '30000000000004',
        '3569990010095841',
        '340000000000009',
        '6222988812340000',
        '9999',
      ].map(detectBrand),
      [
        'VISA',
        'MASTERCARD',
        'DISCOVER',
        'DISCOVER_DINERS',
        'JCB',
        'AMERICAN_EXPRESS',
        'CHINA_UNIONPAY',
        'OTHER_BRAND',
      ]
    );
  });

  it('formats numbers by brand and the expiry as MM/YY', () => {
    assert.equal(formatNumber('4111111111111111'), '4111 1111 1111 1111');
    assert.equal(formatNumber('340000000000009'), '3400 000000 00009');
    assert.equal(formatExpiry('1234', false), '12/34');
    assert.equal(formatExpiry('4', false), '04/');
    assert.equal(formatExpiry('04/', true), '04');
  });

  it('checks Luhn, length, a future expiry, the brand’s CVV length and a postal code', () => {
    assert.equal(luhn('4111111111111111'), true);
    assert.equal(luhn('4111111111111112'), false);
    assert.deepEqual(invalidFields(card('4111 1111 1111 1111'), NOW), []);
    assert.deepEqual(invalidFields(card('4111 1111 1111 111'), NOW), [
      'cardNumber',
    ]);
    assert.deepEqual(invalidFields(card('4111111111111111', '11/26'), NOW), [
      'expirationDate',
    ]);
    assert.deepEqual(invalidFields(card('4111111111111111', '12/26'), NOW), []);
    assert.deepEqual(invalidFields(card('4111111111111111', '13/30'), NOW), [
      'expirationDate',
    ]);
    assert.deepEqual(
      invalidFields(card('340000000000009', '12/34', '123'), NOW),
      ['cvv']
    );
    assert.deepEqual(
      invalidFields(card('340000000000009', '12/34', '1234'), NOW),
      []
    );
    assert.deepEqual(
      invalidFields(card('4111111111111111', '12/34', '123', ' '), NOW),
      ['postalCode']
    );
  });
});

describe('the style option', () => {
  it('takes Square’s selectors with their properties, @media included', () => {
    assert.deepEqual(
      styleProblems({
        input: {color: '#111', fontFamily: '"Segoe UI", sans-serif'},
        '.input-container.is-error': {
          borderColor: 'red',
          borderWidth: '0 0 2px 0',
        },
        '@media screen and (max-width: 600px)': {input: {fontSize: '12px'}},
      }),
      []
    );
  });

  it('names each wrong selector, property and value, and builds no sheet from them', () => {
    const style = {
      button: {color: 'red'},
      '.input-container.is-focus': {borderRadius: '4px'},
      input: {color: 'red} body {display:none'},
      '.message-text': {color: 'url(https://example.com/x)'},
    };
    assert.deepEqual(styleProblems(style), [
      {kind: 'selector', selector: 'button'},
      {kind: 'property', property: 'borderRadius'},
      {kind: 'value', property: 'color', value: 'red} body {display:none'},
      {kind: 'value', property: 'color', value: 'url(https://example.com/x)'},
    ]);
    assert.equal(styleSheet(style as never), '');
  });

  it('caps the font size at 16px and paints the frame with the input’s colours', () => {
    const css = styleSheet({
      input: {fontSize: '20px', backgroundColor: '#000', color: '#fff'},
    });
    assert.match(
      css,
      /\.input\{font-size:16px;background-color:#000;color:#fff\}/
    );
    assert.match(css, /body,\.input-container\{background-color:#000\}/);
    assert.match(css, /\.label,\.brand\{color:#fff\}/);
  });
});

describe('the words', () => {
  it('speaks the ten languages by their tags, and no Traditional Chinese', () => {
    assert.deepEqual(
      [
        'en-GB',
        'de',
        'fr-CA',
        'es-MX',
        'it',
        'nl-BE',
        'pt-PT',
        'ja-JP',
        'zh-Hans',
        'zh-CN',
        'ar-EG',
        'zh-TW',
        'ko',
        'xx-invalid-',
      ].map(supportedLanguage),
      [
        'en',
        'de',
        'fr',
        'es',
        'it',
        'nl',
        'pt',
        'ja',
        'zh',
        'zh',
        'ar',
        undefined,
        undefined,
        undefined,
      ]
    );
    assert.equal(squareWords('ko').labels.cardNumber, 'Card number');
    assert.deepEqual(pageLanguage('pt-PT'), {lang: 'pt-BR', dir: 'ltr'});
    assert.deepEqual(pageLanguage('ar'), {lang: 'ar', dir: 'rtl'});
  });
});

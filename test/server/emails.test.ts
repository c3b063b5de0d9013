/**
 * The buyer's emails for a priced order: the lines, the discount with its code, shipping with
 * the rate's name, tax (included or added), the total and the shipping address — the order's
 * own numbers, in the buyer's language, escaped in HTML.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {addressLines} from '../../server/notify/address.js';
import {composeOrderEmail} from '../../server/notify/email.js';
import type {Order} from '../../server/orders/order.js';

const HOSTILE_NAME = '<img src=x onerror=alert(1)> & "Kim" O\'Brien';

/** Two tees and a mug to Berlin with WELCOME10 and Express: EU VAT included in the prices. */
const germanOrder = (fields: Partial<Order> = {}): Order => ({
  id: 'ord_DE',
  status: 'paid',
  provider: 'stripe',
  currency: 'eur',
  lines: [
    {
      sku: 'tee-black-m',
      name: 'Black tee, size M',
      unitAmount: 2500,
      quantity: 2,
      amount: 5000,
      discount: 500,
      tax: 718,
      shippable: true,
    },
    {
      sku: 'mug-enamel',
      name: 'Enamel camp mug',
      unitAmount: 1450,
      quantity: 1,
      amount: 1450,
      discount: 145,
      tax: 208,
      shippable: true,
    },
  ],
  subtotal: 6450,
  discount: 645,
  shipping: 1490,
  tax: 1164,
  taxInclusive: true,
  total: 7295,
  discountCode: 'WELCOME10',
  shippingRate: {id: 'express', name: 'Express', amount: 1490},
  shippingAddress: {
    name: HOSTILE_NAME,
    line1: 'Hauptstraße 5',
    line2: 'Hinterhaus',
    postalCode: '10115',
    city: 'Berlin',
    country: 'de',
  },
  billingAddress: {country: 'DE', name: 'Billing Person', line1: 'Secret 1'},
  email: 'buyer@example.com',
  locale: 'de-DE',
  amountRefunded: 0,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...fields,
});

/** The same cart to Los Angeles in dollars, sales tax added on top, no code. */
const californianOrder = (fields: Partial<Order> = {}): Order =>
  germanOrder({
    id: 'ord_US',
    currency: 'usd',
    discount: 0,
    discountCode: undefined,
    lines: germanOrder().lines.map((line) => ({
      ...line,
      discount: 0,
      tax: Math.round(line.amount * 0.0725),
    })),
    shipping: 800,
    shippingRate: {id: 'standard', name: 'Standard', amount: 800},
    tax: 468,
    taxInclusive: false,
    total: 7718,
    shippingAddress: {
      name: 'Ann Lee',
      line1: '200 N Spring St',
      city: 'Los Angeles',
      region: 'CA',
      postalCode: '90012',
      country: 'US',
    },
    locale: 'en-US',
    ...fields,
  });

const compose = (
  order: Order,
  locale?: string,
  event: 'order.paid' | 'order.refunded' = 'order.paid'
) =>
  composeOrderEmail(event, order, {
    shopName: 'Field & Co.',
    messageId: '<m@x>',
    ...(locale && {locale}),
  })!;

/** The text part's summary: label → amount, spaces normalised (Intl uses narrow ones). */
function summary(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.replace(/[\u00a0\u202f]/g, ' ').split('\n')) {
    const match = /^(\S[^:]*?) ?: (.+)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  return rows;
}

const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ');

describe('the confirmation email of a priced order', () => {
  it('shows the discount, Express shipping and the VAT included, in German', () => {
    const email = compose(germanOrder());
    assert.deepEqual(
      [...summary(email.text)],
      [
        ['Zwischensumme', '64,50 €'],
        ['Rabatt (WELCOME10)', '-6,45 €'],
        ['Versand (Express)', '14,90 €'],
        ['Summe', '72,95 €'],
        ['inkl. MwSt.', '11,64 €'],
      ]
    );
    assert.match(email.text, /Black tee, size M × 2 {2}50,00\s€/);
    assert.doesNotMatch(
      email.text,
      /Steuer/,
      'no tax added to an inclusive total'
    );
    const html = plain(email.html);
    for (const cell of [
      'Rabatt (WELCOME10)',
      '-6,45 €',
      'Versand (Express)',
      '<strong>72,95 €</strong>',
      'inkl. MwSt.',
      '11,64 €',
    ])
      assert.ok(html.includes(cell), cell);
  });

  it('shows the same numbers in English, with the words of English', () => {
    const rows = summary(compose(germanOrder(), 'en').text);
    assert.deepEqual(
      [...rows],
      [
        ['Subtotal', '€64.50'],
        ['Discount (WELCOME10)', '-€6.45'],
        ['Shipping (Express)', '€14.90'],
        ['Total', '€72.95'],
        ['incl. VAT', '€11.64'],
      ]
    );
  });

  it('adds sales tax on top for an exclusive total, in English and French', () => {
    const en = compose(californianOrder());
    assert.deepEqual(
      [...summary(en.text)],
      [
        ['Subtotal', '$64.50'],
        ['Shipping (Standard)', '$8.00'],
        ['Tax', '$4.68'],
        ['Total', '$77.18'],
      ]
    );
    assert.doesNotMatch(en.text, /VAT|Discount/);
    const fr = compose(californianOrder(), 'fr');
    assert.deepEqual(
      [...summary(fr.text)],
      [
        ['Sous-total', '64,50 $US'],
        ['Livraison (Standard)', '8,00 $US'],
        ['Taxes', '4,68 $US'],
        ['Total', '77,18 $US'],
      ]
    );
    assert.match(
      fr.text,
      /^Total\u00a0: /m,
      'French sets a space before the colon'
    );
  });

  it('shows where the order ships, the way the country writes it, with the country in the buyer’s language', () => {
    const de = compose(germanOrder());
    assert.ok(
      de.text.includes(
        `Lieferadresse:\n${HOSTILE_NAME}\nHauptstraße 5\nHinterhaus\n10115 Berlin\nDeutschland\n`
      ),
      de.text
    );
    assert.match(
      compose(germanOrder(), 'fr').text,
      /\n10115 Berlin\nAllemagne\n/
    );
    const us = compose(californianOrder());
    assert.ok(
      us.text.includes(
        'Shipping to:\nAnn Lee\n200 N Spring St\nLos Angeles, CA 90012\nUnited States\n'
      ),
      us.text
    );
    assert.ok(
      us.html.includes(
        '<p>Ann Lee<br>200 N Spring St<br>Los Angeles, CA 90012<br>United States</p>'
      )
    );
  });

  it('escapes a hostile name in the HTML part, and never shows the billing address', () => {
    const email = compose(germanOrder());
    assert.ok(!email.html.includes('<img'), 'no markup from the address');
    assert.ok(
      email.html.includes(
        '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Kim&quot; O&#39;Brien<br>Hauptstraße 5'
      )
    );
    assert.ok(email.html.includes('Field &amp; Co.'));
    for (const part of [email.text, email.html])
      assert.doesNotMatch(part, /Secret 1|Billing Person/);
  });

  it('leaves out the rows an order does not have', () => {
    const email = compose(
      germanOrder({
        lines: [germanOrder().lines[1]],
        subtotal: 1450,
        discount: 0,
        discountCode: undefined,
        shipping: 0,
        shippingRate: undefined,
        shippingAddress: undefined,
        tax: 0,
        total: 1450,
      }),
      'en'
    );
    assert.deepEqual([...summary(email.text)], [['Total', '€14.50']]);
    assert.doesNotMatch(email.text, /Shipping to/);
  });
});

describe('the refund email of a priced order', () => {
  it('shows the order’s sums and what was refunded, without the address', () => {
    const email = compose(
      germanOrder({status: 'partially_refunded', amountRefunded: 1490}),
      'de',
      'order.refunded'
    );
    assert.match(
      plain(email.text),
      /Wir haben 14,90 € auf Ihr Zahlungsmittel erstattet/
    );
    assert.deepEqual(
      [...summary(email.text)],
      [
        ['Zwischensumme', '64,50 €'],
        ['Rabatt (WELCOME10)', '-6,45 €'],
        ['Versand (Express)', '14,90 €'],
        ['Summe', '72,95 €'],
        ['inkl. MwSt.', '11,64 €'],
        ['Bisher erstattet', '14,90 €'],
      ]
    );
    assert.doesNotMatch(email.text, /Lieferadresse|Berlin/);
  });
});

describe('addressLines', () => {
  it('writes the postal code under the city in Britain, and skips what is missing', () => {
    assert.deepEqual(
      addressLines(
        {
          name: ' Sam ',
          line1: '10 Downing St',
          line2: '  ',
          city: 'London',
          postalCode: 'SW1A 2AA',
          country: 'gb',
        },
        'en'
      ),
      ['Sam', '10 Downing St', 'London', 'SW1A 2AA', 'United Kingdom']
    );
    assert.deepEqual(addressLines({country: 'FR', city: 'Lyon'}, 'de'), [
      'Lyon',
      'Frankreich',
    ]);
  });

  it('names a country Intl cannot name by its code', () => {
    assert.deepEqual(addressLines({country: 'zz1'}, 'en'), ['ZZ1']);
  });
});

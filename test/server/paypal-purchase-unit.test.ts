/**
 * The purchase unit and the reprice PATCH as pure functions: every breakdown sums by PayPal's
 * rules (value = item_total + tax_total + shipping − discount, item_total = Σ unit × quantity),
 * inclusive VAT is never added again, and currencies PayPal takes whole are written whole.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {QuoteLine, ShippingRate} from '../../server/contract.js';
import {
  type PricedOrder,
  paypalOrderRequest,
  paypalPurchaseUnit,
  paypalRepricePatch,
} from '../../server/providers/paypal/purchase-unit.js';
import type {PaypalPurchaseUnit} from '../../server/providers/paypal/types.js';

const line = (
  sku: string,
  unitAmount: number,
  quantity: number,
  extra: Partial<QuoteLine> = {}
): QuoteLine => ({
  sku,
  name: sku.toUpperCase(),
  unitAmount,
  quantity,
  amount: unitAmount * quantity,
  discount: 0,
  tax: 0,
  shippable: true,
  ...extra,
});

const rates: ShippingRate[] = [
  {id: 'standard', name: 'Standard', amount: 490},
  {id: 'express', name: 'Express', amount: 1490},
];

const address = {
  name: 'Erika Mustermann',
  line1: 'Unter den Linden 1',
  line2: 'Hinterhaus',
  city: 'Berlin',
  postalCode: '10117',
  country: 'DE',
};

/** An order priced as the engine would: total = subtotal − discount + shipping (+ tax). */
function order(parts: {
  currency?: string;
  lines: QuoteLine[];
  shipping?: number;
  taxInclusive?: boolean;
  rate?: ShippingRate;
}): PricedOrder {
  const subtotal = parts.lines.reduce((sum, l) => sum + l.amount, 0);
  const discount = parts.lines.reduce((sum, l) => sum + l.discount, 0);
  const tax = parts.lines.reduce((sum, l) => sum + l.tax, 0);
  const shipping = parts.shipping ?? 0;
  const taxInclusive = parts.taxInclusive ?? false;
  return {
    id: 'ord_test',
    currency: parts.currency ?? 'eur',
    lines: parts.lines,
    subtotal,
    discount,
    shipping,
    tax,
    taxInclusive,
    total: subtotal - discount + shipping + (taxInclusive ? 0 : tax),
    ...(parts.rate && {
      shippingRate: {
        id: parts.rate.id,
        name: parts.rate.name,
        amount: parts.rate.amount,
      },
      shippingAddress: address,
    }),
  };
}

/** PayPal's two checks, over the strings, in exact integers of the smallest written unit. */
function assertSumsLikePaypal(unit: PaypalPurchaseUnit) {
  const units = (value: string) => BigInt(value.replace('.', ''));
  const {breakdown} = unit.amount;
  const items = unit.items.reduce(
    (sum, item) => sum + units(item.unit_amount.value) * BigInt(item.quantity),
    0n
  );
  assert.equal(items, units(breakdown.item_total.value), 'item_total');
  const part = (money?: {value: string}) => (money ? units(money.value) : 0n);
  assert.equal(
    units(unit.amount.value),
    part(breakdown.item_total) +
      part(breakdown.tax_total) +
      part(breakdown.shipping) -
      part(breakdown.discount),
    'value'
  );
}

describe('paypalPurchaseUnit', () => {
  it('adds exclusive tax as tax_total, with shipping and the discount in the breakdown', () => {
    const unit = paypalPurchaseUnit(
      order({
        currency: 'usd',
        lines: [
          line('a', 1299, 3, {discount: 390, tax: 254}),
          line('b', 499, 1, {discount: 50, tax: 25}),
        ],
        shipping: 599,
        rate: {id: 'standard', name: 'Standard', amount: 599},
      })
    );
    const usd = (value: string) => ({currency_code: 'USD', value});
    assert.deepEqual(unit.amount, {
      ...usd('48.34'),
      breakdown: {
        item_total: usd('43.96'),
        tax_total: usd('2.79'),
        shipping: usd('5.99'),
        discount: usd('4.40'),
      },
    });
    assert.ok(unit.items.every((item) => !('tax' in item)));
    assertSumsLikePaypal(unit);
  });

  it('never adds inclusive VAT again: the gross prices, no tax_total', () => {
    const unit = paypalPurchaseUnit(
      order({
        lines: [
          line('tee', 2300, 2, {tax: 734}),
          line('ebook', 1100, 1, {tax: 72, shippable: false}),
        ],
        shipping: 490,
        taxInclusive: true,
        rate: rates[0],
      }),
      rates
    );
    assert.equal(unit.amount.value, '61.90');
    assert.equal(unit.amount.breakdown.tax_total, undefined);
    assert.deepEqual(
      unit.items.map((item) => [item.unit_amount.value, item.category]),
      [
        ['23.00', 'PHYSICAL_GOODS'],
        ['11.00', 'DIGITAL_GOODS'],
      ]
    );
    assertSumsLikePaypal(unit);
  });

  it('writes JPY and whole HUF without decimals, and refuses forints with fillér', () => {
    const jpy = paypalPurchaseUnit(
      order({
        currency: 'jpy',
        lines: [line('mug', 2200, 3, {discount: 660, tax: 400})],
        shipping: 2400,
        rate: {id: 'express', name: 'Express', amount: 2400},
      })
    );
    assert.equal(jpy.amount.value, '8740');
    assert.equal(jpy.amount.breakdown.discount?.value, '660');
    assertSumsLikePaypal(jpy);

    const huf = paypalPurchaseUnit(
      order({
        currency: 'huf',
        lines: [line('paprika', 105000, 2, {tax: 56700})],
      })
    );
    assert.equal(huf.amount.value, '2667');
    assertSumsLikePaypal(huf);

    assert.throws(
      () =>
        paypalPurchaseUnit(
          order({
            currency: 'huf',
            lines: [line('paprika', 105000, 1, {tax: 28351})],
          })
        ),
      {code: 'currency_not_supported'}
    );
  });

  it('refuses a total of nothing, which PayPal cannot take', () => {
    assert.throws(
      () =>
        paypalPurchaseUnit(
          order({
            lines: [line('ebook', 1100, 1, {discount: 1100, shippable: false})],
          })
        ),
      {code: 'invalid_request'}
    );
  });

  it('sums exactly over many carts, cents included', () => {
    // A deterministic spread of prices, quantities, discounts, taxes and shipping.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let cart = 0; cart < 200; cart++) {
      const lines = Array.from({length: 1 + next(5)}, (_, i) => {
        const unitAmount = 1 + next(20000);
        const quantity = 1 + next(9);
        const amount = unitAmount * quantity;
        const discount = next(2) ? next(amount) : 0;
        return line(`sku${i}`, unitAmount, quantity, {
          discount,
          tax: Math.round(((amount - discount) * next(25)) / 100),
        });
      });
      const unit = paypalPurchaseUnit(
        order({
          currency: ['usd', 'eur', 'jpy'][next(3)],
          lines,
          shipping: next(3000),
          taxInclusive: next(2) === 1,
        })
      );
      assertSumsLikePaypal(unit);
    }
  });

  it('ships to the address with the quote’s rates as options, the charged one selected', () => {
    const unit = paypalPurchaseUnit(
      order({lines: [line('tee', 2300, 1)], shipping: 1490, rate: rates[1]}),
      rates
    );
    assert.deepEqual(unit.shipping, {
      name: {full_name: 'Erika Mustermann'},
      address: {
        country_code: 'DE',
        address_line_1: 'Unter den Linden 1',
        address_line_2: 'Hinterhaus',
        admin_area_2: 'Berlin',
        postal_code: '10117',
      },
      options: [
        {
          id: 'standard',
          label: 'Standard',
          type: 'SHIPPING',
          amount: {currency_code: 'EUR', value: '4.90'},
          selected: false,
        },
        {
          id: 'express',
          label: 'Express',
          type: 'SHIPPING',
          amount: {currency_code: 'EUR', value: '14.90'},
          selected: true,
        },
      ],
    });
    assert.equal(unit.amount.breakdown.shipping?.value, '14.90');
  });

  it('offers at most ten options, never without the charged one', () => {
    const many = Array.from({length: 14}, (_, i) => ({
      id: `r${i}`,
      name: `Rate ${i}`,
      amount: 100 * i,
    }));
    const unit = paypalPurchaseUnit(
      order({lines: [line('tee', 2300, 1)], shipping: 1300, rate: many[13]}),
      many
    );
    const options = unit.shipping!.options!;
    assert.equal(options.length, 10);
    assert.deepEqual(
      options.filter((o) => o.selected).map((o) => o.id),
      ['r13']
    );
  });

  it('asks for an address only when something ships', () => {
    const digital = paypalOrderRequest(
      order({lines: [line('ebook', 1100, 1, {shippable: false})]})
    );
    assert.equal(
      digital.payment_source?.paypal.experience_context.shipping_preference,
      'NO_SHIPPING'
    );
    assert.equal(digital.purchase_units[0].shipping, undefined);
    assert.equal(
      digital.purchase_units[0].amount.breakdown.shipping,
      undefined
    );
    const shipped = paypalOrderRequest(
      order({lines: [line('tee', 2300, 1)], shipping: 490, rate: rates[0]})
    );
    assert.equal(
      shipped.payment_source?.paypal.experience_context.shipping_preference,
      'GET_FROM_FILE'
    );
  });
});

describe('paypalRepricePatch', () => {
  it('replaces the amount and the options of the default purchase unit', () => {
    const before = order({
      lines: [line('tee', 2300, 1)],
      shipping: 490,
      rate: rates[0],
    });
    const after = order({
      lines: [line('tee', 2300, 1)],
      shipping: 1490,
      rate: rates[1],
    });
    const patch = paypalRepricePatch(before, after, rates);
    assert.deepEqual(
      patch.map(({op, path}) => [op, path]),
      [
        ['replace', "/purchase_units/@reference_id=='default'/amount"],
        [
          'replace',
          "/purchase_units/@reference_id=='default'/shipping/options",
        ],
      ]
    );
    assert.equal((patch[0].value as {value: string}).value, '37.90');
    assert.deepEqual(
      (patch[1].value as {id: string; selected: boolean}[]).map((o) => [
        o.id,
        o.selected,
      ]),
      [
        ['standard', false],
        ['express', true],
      ]
    );
  });
});

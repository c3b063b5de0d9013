import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {PayChangeEvent, PayCheckout} from '../../widget/index.js';
import {money, part, payButton, ready, text} from './helpers.js';
import {pay, server, useFakes} from './pay-checkout.helpers.js';

useFakes();

const withCodes = () =>
  html`<pay-checkout discount-codes email="ada@example.com"
    ><pay-item sku="tee" quantity="2"></pay-item
  ></pay-checkout>`;

const input = (el: PayCheckout) =>
  part(el, 'discount-input') as HTMLInputElement;

/** Opens the field, types the code and presses Apply; resolves with the quote's pay-change. */
async function apply(el: PayCheckout, code: string) {
  if (part(el, 'discount-toggle')!.getAttribute('aria-expanded') !== 'true')
    part(el, 'discount-toggle')!.click();
  await el.updateComplete;
  input(el).value = code;
  input(el).dispatchEvent(new InputEvent('input', {bubbles: true}));
  const changed = oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;
  part(el, 'discount-apply')!.click();
  const event = await changed;
  await el.updateComplete;
  return event.detail;
}

describe('<pay-checkout discount-codes>', () => {
  beforeEach(() => {
    server.rules = {
      codes: {
        WELCOME10: 10,
        OLD: 'expired',
        BIG: 'minimum_not_met',
        ONCE: 'used_up',
        MUGS5: 'not_applicable',
      },
    };
  });

  it('has no field without the attribute', async () => {
    const {el} = await ready(
      html`<pay-checkout><pay-item sku="tee"></pay-item></pay-checkout>`
    );
    expect(part(el, 'discount-code')).to.equal(null);
  });

  it('is a disclosure that opens onto a labelled field and puts the focus in it', async () => {
    const {el} = await ready(withCodes());
    const toggle = part(el, 'discount-toggle')!;
    expect(text(toggle)).to.equal('Have a discount code?');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).closest('form')!.hidden).to.equal(true);

    toggle.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(input(el).closest('form')!.hidden).to.equal(false);
    expect(input(el).labels![0]!.textContent!.trim()).to.equal('Discount code');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('applies a code: the quote is asked with it, the chip says so, the summary shows the discount', async () => {
    const {el} = await ready(withCodes());
    const {quote} = await apply(el, 'welcome10');

    expect(server.requestsTo('/api/quote').at(-1)!.body).to.deep.include({
      discountCode: 'welcome10',
    });
    expect(quote.discountCode).to.deep.equal({
      code: 'WELCOME10',
      status: 'applied',
    });
    expect(text(part(el, 'discount-chip'))).to.equal('WELCOME10 applied');
    expect(part(el, 'discount-input')).to.equal(null);
    expect(text(part(el, 'discount'))).to.equal(
      `Discount WELCOME10 ${money(-3)}`
    );
    expect(text(part(el, 'total'))).to.equal(`Total ${money(27)}`);
    expect(text(payButton(el))).to.equal(`Pay ${money(27)}`);
    // The field gave way to the chip: the focus is on its remove button.
    await waitUntil(
      () => el.shadowRoot!.activeElement === part(el, 'discount-remove')
    );
    expect(part(el, 'discount-remove')!.getAttribute('aria-label')).to.equal(
      'Remove discount code WELCOME10'
    );
  });

  it('sends an applied code with the payment', async () => {
    const {el} = await ready(withCodes());
    await apply(el, 'WELCOME10');
    await pay(el, 'pay-success');
    const [create] = server.requestsTo('/api/stripe/payment-intents');
    expect(create!.body).to.deep.include({
      discountCode: 'WELCOME10',
      expectedTotal: 2700,
    });
  });

  for (const [code, status, message] of [
    ['NOPE', 'unknown', 'This code is not valid.'],
    ['OLD', 'expired', 'This code has expired or is not active yet.'],
    [
      'BIG',
      'minimum_not_met',
      'Your order does not reach the minimum for this code yet.',
    ],
    ['ONCE', 'used_up', 'This code has already been used.'],
    [
      'MUGS5',
      'not_applicable',
      'This code does not apply to the items in your cart.',
    ],
  ] as const) {
    it(`says why a code did not apply (${status})`, async () => {
      const {el} = await ready(withCodes());
      const {quote} = await apply(el, code);
      expect(quote.discountCode!.status).to.equal(status);

      const error = part(el, 'discount-error')!;
      expect(text(error)).to.equal(message);
      expect(error.getAttribute('role')).to.equal('alert');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el).getAttribute('aria-describedby')).to.equal(error.id);
      expect(part(el, 'discount')).to.equal(null);
      expect(text(part(el, 'total'))).to.equal(`Total ${money(30)}`);
    });
  }

  it('forgets the message once the buyer edits the code', async () => {
    const {el} = await ready(withCodes());
    await apply(el, 'NOPE');
    input(el).value = 'NOP';
    input(el).dispatchEvent(new InputEvent('input', {bubbles: true}));
    await el.updateComplete;
    expect(part(el, 'discount-error')).to.equal(null);
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('does not send a code that did not apply with the payment', async () => {
    const {el} = await ready(withCodes());
    await apply(el, 'OLD');
    // The fake server answers price_changed for a refused code, as the real one does.
    await pay(el, 'pay-success');
    const [create] = server.requestsTo('/api/stripe/payment-intents');
    expect(create!.body).to.not.have.property('discountCode');
    expect(create!.body).to.deep.include({expectedTotal: 3000});
  });

  it('shows a code used up by someone else at payment, and pays without it next time', async () => {
    const {el} = await ready(withCodes());
    await apply(el, 'WELCOME10');
    // Another buyer took the last use between the quote and Pay: the server answers
    // price_changed with a quote that says so.
    server.rules = {codes: {WELCOME10: 'used_up'}};
    const failed = await pay(el, 'pay-error');
    expect(failed.detail.code).to.equal('price_changed');
    await el.updateComplete;
    expect(text(part(el, 'discount-error'))).to.equal(
      'This code has already been used.'
    );
    expect(part(el, 'discount-chip')).to.equal(null);
    expect(text(payButton(el))).to.equal(`Pay ${money(30)}`);

    await pay(el, 'pay-success');
    const creates = server.requestsTo('/api/stripe/payment-intents');
    expect(creates[0]!.body).to.deep.include({discountCode: 'WELCOME10'});
    expect(creates[1]!.body).to.not.have.property('discountCode');
    expect(creates[1]!.body).to.deep.include({expectedTotal: 3000});
  });

  it('removing the code re-quotes without it and gives the focus to the empty field', async () => {
    const {el} = await ready(withCodes());
    await apply(el, 'WELCOME10');
    const changed = oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;
    part(el, 'discount-remove')!.click();
    const {detail} = await changed;
    await el.updateComplete;

    expect(detail.quote).to.not.have.property('discountCode');
    expect(server.requestsTo('/api/quote').at(-1)!.body).to.not.have.property(
      'discountCode'
    );
    expect(part(el, 'discount-chip')).to.equal(null);
    expect(part(el, 'discount')).to.equal(null);
    expect(text(part(el, 'total'))).to.equal(`Total ${money(30)}`);
    expect(input(el).value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('cannot be changed while paying', async () => {
    const {el} = await ready(withCodes());
    await apply(el, 'WELCOME10');
    server.hold('/api/stripe/payment-intents');
    payButton(el).click();
    await waitUntil(() => payButton(el).getAttribute('aria-busy') === 'true');
    expect(
      (part(el, 'discount-remove') as HTMLButtonElement).disabled
    ).to.equal(true);
  });

  it('passes axe: closed, open with a message, and applied', async () => {
    const {el} = await ready(withCodes());
    await expect(el).to.be.accessible();
    await apply(el, 'OLD');
    await expect(el).to.be.accessible();
    await apply(el, 'WELCOME10');
    await expect(el).to.be.accessible();
  });
});

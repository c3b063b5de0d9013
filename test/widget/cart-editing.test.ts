import {expect, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {CartItem} from '../../widget/contract.js';
import type {PayChangeEvent, PayCheckout, PayItem} from '../../widget/index.js';
import {
  alertRegion,
  money,
  part,
  parts,
  payButton,
  ready,
  text,
} from './helpers.js';
import {server, useFakes} from './pay-checkout.helpers.js';

useFakes();

/** A line's controls, found as a buyer finds them: by their accessible names. */
const control = (el: PayCheckout, label: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement & HTMLInputElement>(
    `[aria-label="${label}"]:not([role])`
  )!;
const quantityOf = (el: PayCheckout, name: string) =>
  control(el, `Quantity of ${name}`);

/** The next pay-change, started before the edit. */
const nextChange = (el: PayCheckout) =>
  oneEvent(el, 'pay-change') as Promise<PayChangeEvent>;

const editableChildren = () =>
  html`<pay-checkout editable email="ada@example.com">
    <pay-item sku="tee" quantity="2"></pay-item>
    <pay-item sku="mug" quantity="1"></pay-item>
  </pay-checkout>`;

describe('<pay-checkout editable>', () => {
  it('is not editable by default: no steppers, no remove buttons', async () => {
    const {el} = await ready(
      html`<pay-checkout
        ><pay-item sku="tee" quantity="2"></pay-item
      ></pay-checkout>`
    );
    expect(parts(el, 'stepper')).to.have.length(0);
    expect(parts(el, 'remove-button')).to.have.length(0);
    expect(text(part(el, 'line'))).to.equal(`Black tee× 2 ${money(30)}`);
  });

  it('gives each line a labelled stepper and a remove button named after the product', async () => {
    const {el} = await ready(editableChildren());
    const steppers = parts(el, 'stepper');
    expect(
      steppers.map((group) => group.getAttribute('aria-label'))
    ).to.deep.equal(['Quantity of Black tee', 'Quantity of Mug']);
    expect(steppers[0]!.getAttribute('role')).to.equal('group');
    expect(quantityOf(el, 'Black tee').value).to.equal('2');
    expect(quantityOf(el, 'Black tee').min).to.equal('1');
    expect(control(el, 'Remove Black tee').localName).to.equal('button');
    // The − of a line at 1 cannot go below it.
    expect(control(el, 'Decrease quantity of Mug').disabled).to.equal(true);
    expect(control(el, 'Decrease quantity of Black tee').disabled).to.equal(
      false
    );
    // At least 24 × 24 CSS pixels each (WCAG 2.5.8).
    for (const button of [
      ...parts(el, 'stepper-button'),
      ...parts(el, 'remove-button'),
    ]) {
      const box = button.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
  });

  describe('with <pay-item> children', () => {
    it('+ raises the child’s quantity, re-quotes and says what changed in pay-change', async () => {
      const {el} = await ready(editableChildren());
      const changed = nextChange(el);
      control(el, 'Increase quantity of Black tee').click();
      const {detail} = await changed;

      const tee = el.querySelector<PayItem>('pay-item[sku="tee"]')!;
      expect(tee.getAttribute('quantity')).to.equal('3');
      expect(tee.quantity).to.equal(3);
      expect(detail.change).to.deep.equal({sku: 'tee', quantity: 3});
      expect(detail.items).to.deep.equal([
        {sku: 'tee', quantity: 3},
        {sku: 'mug', quantity: 1},
      ]);
      expect(detail.quote.total).to.equal(4500 + 1234);
      await el.updateComplete;
      expect(text(part(el, 'total'))).to.equal(`Total ${money(57.34)}`);
      expect(server.requestsTo('/api/quote').at(-1)!.body).to.deep.include({
        items: detail.items,
      });
    });

    it('− lowers it', async () => {
      const {el} = await ready(editableChildren());
      const changed = nextChange(el);
      control(el, 'Decrease quantity of Black tee').click();
      const {detail} = await changed;
      expect(detail.change).to.deep.equal({sku: 'tee', quantity: 1});
      expect(
        el.querySelector('pay-item[sku="tee"]')!.getAttribute('quantity')
      ).to.equal('1');
    });

    it('takes a typed quantity when the field is committed, and ignores one that is not a whole number', async () => {
      const {el} = await ready(editableChildren());
      const input = quantityOf(el, 'Mug');
      const changed = nextChange(el);
      input.value = '4';
      input.dispatchEvent(new Event('change', {bubbles: true}));
      const {detail} = await changed;
      expect(detail.change).to.deep.equal({sku: 'mug', quantity: 4});
      expect(detail.quote.lines[1]!.amount).to.equal(4 * 1234);

      const quotes = server.requestsTo('/api/quote').length;
      for (const typed of ['0', '', '1.5', '-2']) {
        input.value = typed;
        input.dispatchEvent(new Event('change', {bubbles: true}));
        expect(input.value).to.equal('4');
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(server.requestsTo('/api/quote')).to.have.length(quotes);
    });

    it('remove takes the child out, and pay-change says quantity 0', async () => {
      const {el} = await ready(editableChildren());
      const changed = nextChange(el);
      control(el, 'Remove Black tee').click();
      // The line goes at once; its amounts follow with the quote.
      await el.updateComplete;
      expect(parts(el, 'line')).to.have.length(1);
      const {detail} = await changed;
      expect(el.querySelectorAll('pay-item')).to.have.length(1);
      expect(detail.change).to.deep.equal({sku: 'tee', quantity: 0});
      expect(detail.items).to.deep.equal([{sku: 'mug', quantity: 1}]);
      expect(detail.quote.lines.map((line) => line.sku)).to.deep.equal(['mug']);
    });

    it('moves the focus to the next line after a removal, then to the summary', async () => {
      const {el} = await ready(editableChildren());
      control(el, 'Remove Black tee').focus();
      control(el, 'Remove Black tee').click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(quantityOf(el, 'Mug'));
      await oneEvent(el, 'pay-change');

      control(el, 'Remove Mug').click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'summary'));
    });

    it('fires pay-change with an empty quote when the buyer removes the last line', async () => {
      const {el} = await ready(
        html`<pay-checkout editable
          ><pay-item sku="tee"></pay-item
        ></pay-checkout>`
      );
      const changed = nextChange(el);
      control(el, 'Remove Black tee').click();
      const {detail} = await changed;
      expect(detail.items).to.deep.equal([]);
      expect(detail.change).to.deep.equal({sku: 'tee', quantity: 0});
      expect(detail.quote).to.deep.include({lines: [], total: 0});
      await el.updateComplete;
      const empty = el.shadowRoot!.querySelector('.empty');
      expect(text(empty)).to.equal('Your cart is empty.');
      // The focus followed the cart: from the summary to the sentence that replaced it.
      expect(el.shadowRoot!.activeElement).to.equal(empty);
    });
  });

  describe('with the items property', () => {
    it('sets items to the edited array (a new one) and removes lines from it', async () => {
      const items: CartItem[] = [
        {sku: 'tee', quantity: 1},
        {sku: 'mug', quantity: 2},
      ];
      const {el} = await ready(
        html`<pay-checkout editable .items=${items}></pay-checkout>`
      );
      let changed = nextChange(el);
      control(el, 'Increase quantity of Black tee').click();
      let {detail} = await changed;
      expect(el.items).to.not.equal(items);
      expect(el.items).to.deep.equal([
        {sku: 'tee', quantity: 2},
        {sku: 'mug', quantity: 2},
      ]);
      expect(items[0]!.quantity).to.equal(1);
      expect(detail.change).to.deep.equal({sku: 'tee', quantity: 2});

      changed = nextChange(el);
      control(el, 'Remove Mug').click();
      ({detail} = await changed);
      expect(el.items).to.deep.equal([{sku: 'tee', quantity: 2}]);
      expect(detail.items).to.deep.equal(el.items);
      expect(detail.change).to.deep.equal({sku: 'mug', quantity: 0});
    });

    it('fires pay-change without change when the page changes the cart', async () => {
      const {el} = await ready(
        html`<pay-checkout
          editable
          .items=${[{sku: 'tee', quantity: 1}]}
        ></pay-checkout>`
      );
      const changed = nextChange(el);
      el.items = [{sku: 'tee', quantity: 5}];
      const {detail} = await changed;
      expect(detail).to.not.have.property('change');
      expect(detail.items).to.deep.equal([{sku: 'tee', quantity: 5}]);
    });
  });

  it('puts a line back and says so under it when the server refuses the quantity', async () => {
    server.rules = {maxQuantity: {tee: 2}};
    const {el} = await ready(editableChildren());
    const pay = new Promise((resolve) =>
      el.addEventListener('pay-change', resolve)
    );
    control(el, 'Increase quantity of Black tee').click();
    await waitUntil(() => part(el, 'line-error'));
    const problem = part(el, 'line-error')!;

    expect(text(problem)).to.equal('A quantity of 3 is not available.');
    expect(problem.getAttribute('role')).to.equal('alert');
    const input = quantityOf(el, 'Black tee');
    expect(input.value).to.equal('2');
    expect(input.getAttribute('aria-describedby')).to.equal(problem.id);
    expect(
      el.querySelector('pay-item[sku="tee"]')!.getAttribute('quantity')
    ).to.equal('2');
    // The stepper stops below the refused quantity; the cart is the one priced, still payable.
    expect(control(el, 'Increase quantity of Black tee').disabled).to.equal(
      true
    );
    expect(input.max).to.equal('2');
    expect(text(alertRegion(el))).to.equal('');
    expect(payButton(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();

    // The next edit clears the message.
    control(el, 'Decrease quantity of Black tee').click();
    await pay;
    await el.updateComplete;
    expect(part(el, 'line-error')).to.equal(null);
  });

  it('cannot be edited while paying', async () => {
    const {el} = await ready(editableChildren());
    server.hold('/api/stripe/payment-intents');
    payButton(el).click();
    await waitUntil(() => payButton(el).getAttribute('aria-busy') === 'true');
    for (const button of [
      ...parts(el, 'stepper-button'),
      ...parts(el, 'remove-button'),
    ])
      expect((button as HTMLButtonElement).disabled).to.equal(true);
    expect(quantityOf(el, 'Black tee').disabled).to.equal(true);
  });

  it('passes axe', async () => {
    const {el} = await ready(editableChildren());
    await expect(el).to.be.accessible();
  });
});

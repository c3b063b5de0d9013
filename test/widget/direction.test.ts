import {expect, html} from '@open-wc/testing';
import type {PayCheckout} from '../../widget/index.js';
import {part, ready} from './helpers.js';
import {useFakes} from './pay-checkout.helpers.js';

useFakes();

const base = (el: PayCheckout) => part(el, 'base')!;
const direction = (el: Element) => getComputedStyle(el).direction;

describe('<pay-checkout> direction and language', () => {
  it('reads right to left in Arabic on a page that sets no direction, and says its language', async () => {
    const {el} = await ready(
      html`<pay-checkout locale="ar"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    expect(base(el).getAttribute('lang')).to.equal('ar');
    expect(base(el).getAttribute('dir')).to.equal('rtl');
    expect(direction(part(el, 'summary')!)).to.equal('rtl');
  });

  it('keeps the direction the page gives it, whatever its language', async () => {
    const {el: wrapper} = await ready(
      html`<div dir="ltr">
        <pay-checkout locale="ar"><pay-item sku="tee"></pay-item></pay-checkout>
      </div>`
    );
    const el = wrapper.querySelector('pay-checkout')!;
    expect(base(el).hasAttribute('dir')).to.equal(false);
    expect(direction(part(el, 'summary')!)).to.equal('ltr');
  });

  it('follows dir="rtl" on the element or the page in any language', async () => {
    const {el} = await ready(
      html`<pay-checkout dir="rtl" locale="en"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    expect(base(el).hasAttribute('dir')).to.equal(false);
    expect(direction(part(el, 'summary')!)).to.equal('rtl');
    expect(base(el).getAttribute('lang')).to.equal('en');
  });

  it('isolates a product name from the quantity after it', async () => {
    const {el} = await ready(
      html`<pay-checkout locale="ar"
        ><pay-item sku="tee"></pay-item
      ></pay-checkout>`
    );
    const name = part(el, 'line')!.querySelector('bdi');
    expect(name?.textContent).to.not.equal('');
    expect(getComputedStyle(name!).unicodeBidi).to.equal('isolate');
  });
});

/**
 * <pay-checkout> in the languages added for issue 14: the page's tag picks the table (loaded
 * on demand), money is Intl's for that tag, and a language without a table reads English.
 */
import {expect, html} from '@open-wc/testing';
import {resolveLocale} from '../../widget/internal/buyer.js';
import {money, part, payButton, ready, text} from './helpers.js';
import {useFakes} from './pay-checkout.helpers.js';

useFakes();

const caption = (el: Element) => text(el.shadowRoot!.querySelector('caption'));

describe('<pay-checkout> languages', () => {
  const cases: [string, {caption: string; pay: (amount: string) => string}][] =
    [
      ['es-MX', {caption: 'Resumen del pedido', pay: (a) => `Pagar ${a}`}],
      ['it', {caption: 'Riepilogo dell’ordine', pay: (a) => `Paga ${a}`}],
      ['nl-BE', {caption: 'Besteloverzicht', pay: (a) => `Betaal ${a}`}],
      ['pt', {caption: 'Resumo do pedido', pay: (a) => `Pagar ${a}`}],
      ['ja', {caption: 'ご注文内容', pay: (a) => `${a} を支払う`}],
      ['zh-CN', {caption: '订单摘要', pay: (a) => `支付 ${a}`}],
      ['ar', {caption: 'ملخص الطلب', pay: (a) => `ادفع \u2068${a}\u2069`}],
      ['zh-TW', {caption: 'Order summary', pay: (a) => `Pay ${a}`}],
    ];
  for (const [locale, expected] of cases)
    it(`locale="${locale}" speaks its table, with money as Intl writes it there`, async () => {
      const {el} = await ready(
        html`<pay-checkout locale=${locale} currency="eur">
          <pay-item sku="tee" quantity="3"></pay-item>
        </pay-checkout>`
      );
      expect(caption(el)).to.equal(expected.caption);
      const total = money(42, 'EUR', locale);
      expect(text(payButton(el))).to.equal(expected.pay(total));
      expect(text(part(el, 'total'))).to.contain(total);
    });
});

describe('resolveLocale', () => {
  it('writes the new languages canonically, for languageOf to match', () => {
    expect(resolveLocale(['pt-br'])).to.equal('pt-BR');
    expect(resolveLocale(['zh-hans-sg'])).to.equal('zh-Hans-SG');
    expect(resolveLocale(['zh-tw'])).to.equal('zh-TW');
    expect(resolveLocale(['ar-eg'])).to.equal('ar-EG');
    expect(resolveLocale(['JA-jp'])).to.equal('ja-JP');
  });

  it('skips what is not a tag for the next candidate', () => {
    expect(resolveLocale(['pt_BR', 'ar'])).to.equal('ar');
    expect(resolveLocale(['', undefined, 'nl'])).to.equal('nl');
  });
});

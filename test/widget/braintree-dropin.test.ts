import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import type {PayCheckout, PayErrorEvent} from '../../widget/index.js';
import {
  decimalAmount,
  dropinLocale,
} from '../../widget/internal/providers/braintree-controller.js';
import {clientToken} from './fake-braintree.js';
import {alertRegion, mountNode, part, parts, ready, text} from './helpers.js';
import {
  braintree,
  braintreeConfig,
  server,
  twoTees,
  useBraintreeFakes,
} from './braintree.helpers.js';

useBraintreeFakes();

describe('<pay-checkout provider="braintree">', () => {
  describe('loading Drop-in', () => {
    it('creates Drop-in in a light-DOM child projected through its slot, with a client token for the cart currency', async () => {
      const {el, event} = await ready(twoTees());

      expect(event.detail.provider).to.equal('braintree');
      const node = mountNode(el, 'braintree-dropin')!;
      const dropin = braintree.current;
      expect(node.parentElement).to.equal(el);
      expect(node.contains(dropin.container)).to.equal(true);
      expect(node.assignedSlot).to.equal(
        el.shadowRoot!.querySelector('slot[name="braintree-dropin"]')
      );
      expect(server.requestsTo('/api/braintree/client-token')).to.have.length(
        1
      );
      expect(
        server.requestsTo('/api/braintree/client-token')[0]!.body
      ).to.deep.equal({
        currency: 'USD',
      });
      expect(dropin.options.authorization).to.equal(clientToken());
      expect(dropin.options.threeDSecure).to.equal(true);
      expect(dropin.options.dataCollector).to.equal(true);
      expect(dropin.options.locale).to.equal('en_US');
      // The element's Pay button pays (Drop-in has none of its own).
      expect(part(el, 'submit-button')).not.to.equal(null);
    });

    it('styles the card fields from the resolved --pay-* tokens, with only the properties Hosted Fields takes', async () => {
      await ready(twoTees());
      const card = braintree.current.options.card as {
        overrides: {styles: Record<string, Record<string, string>>};
      };
      const input = card.overrides.styles.input!;
      expect(input.color).to.match(/^rgb/);
      expect(input['font-family']).to.be.a('string').and.not.equal('');
      expect(Object.keys(input)).to.have.members([
        'color',
        'font-family',
        'font-size',
        'transition',
      ]);
      expect(card.overrides.styles['.invalid']!.color).to.match(/^rgb/);
      // The .braintree-* rules read the tokens from the container.
      const container = braintree.current.container;
      expect(container.style.getPropertyValue('--pay-bt-primary')).to.match(
        /^rgb/
      );
      // A constructed sheet (no <style> for a Content Security Policy to refuse).
      expect(
        document.adoptedStyleSheets.some((sheet) =>
          [...sheet.cssRules].some((rule) =>
            rule.cssText.startsWith('.pay-braintree .braintree-sheet')
          )
        )
      ).to.equal(true);
      expect(
        [...document.querySelectorAll('style')].some((style) =>
          style.textContent?.includes('.pay-braintree')
        )
      ).to.equal(false);
    });

    it('creates Drop-in again with the new colours when the tokens change (dark mode)', async () => {
      const {el} = await ready(twoTees());
      const before = braintree.current;
      el.style.setProperty('--pay-color-text', '#ececf1');
      el.style.setProperty('--pay-color-background', '#1c1d26');
      await waitUntil(
        () => braintree.created.length === 2,
        'not created again'
      );
      await waitUntil(() => before.tornDown, 'the old one stays');
      const styles = (
        braintree.current.options.card as {
          overrides: {styles: {input: {color: string}}};
        }
      ).overrides.styles;
      expect(styles.input.color).to.equal('rgb(236, 236, 241)');
      expect(
        braintree.current.container.style.getPropertyValue(
          '--pay-bt-background'
        )
      ).to.equal('rgb(28, 29, 38)');
      expect(braintree.current.container.dataset.scheme).to.equal('dark');
    });

    it('asks for no 3-D Secure when the client token says the merchant has none', async () => {
      server.braintreeToken = () => ({
        status: 200,
        body: {clientToken: clientToken(false)},
      });
      await ready(twoTees());
      expect(braintree.current.options.threeDSecure).to.equal(undefined);
    });

    it('passes the element’s language as Drop-in’s locale', async () => {
      await ready(twoTees('braintree', 'de-AT'));
      expect(braintree.current.options.locale).to.equal('de_DE');
      expect(dropinLocale('ar')).to.equal('ar_EG');
      expect(dropinLocale('zh-Hans')).to.equal('zh_CN');
      expect(dropinLocale('zh-TW')).to.equal('zh_TW');
      expect(dropinLocale('pt')).to.equal('pt_BR');
      expect(dropinLocale('pt-PT')).to.equal('pt_PT');
      expect(dropinLocale('en-GB')).to.equal('en_GB');
      expect(dropinLocale('ko')).to.equal(undefined);
    });

    it('creates Drop-in again in the new language when the element’s changes', async () => {
      const {el} = await ready(twoTees());
      el.locale = 'fr';
      await waitUntil(
        () => braintree.created.length === 2,
        'no second Drop-in'
      );
      await waitUntil(() => braintree.created[0]!.tornDown, 'old one stays');
      expect(braintree.current.options.locale).to.equal('fr_FR');
      expect(
        mountNode(el, 'braintree-dropin')!.querySelectorAll('.braintree-dropin')
      ).to.have.length(1);
    });

    it('tears Drop-in down when the element leaves the page', async () => {
      const {el} = await ready(twoTees());
      el.remove();
      await waitUntil(() => braintree.created[0]!.tornDown, 'not torn down');
    });

    it('writes amounts as the decimal strings Braintree takes', () => {
      expect(decimalAmount(3000, 'usd')).to.equal('30.00');
      expect(decimalAmount(2000, 'JPY')).to.equal('2000');
      expect(decimalAmount(1234, 'KWD')).to.equal('1.234');
    });
  });

  describe('inside a component’s shadow root', () => {
    it('creates Drop-in in a node of the document laid over the element’s placeholder', async () => {
      const shop = document.createElement('div');
      document.body.append(shop);
      const root = shop.attachShadow({mode: 'open'});
      const ready = oneEvent(document, 'pay-ready');
      root.innerHTML =
        '<pay-checkout provider="braintree" email="ada@example.com"><pay-item sku="tee" quantity="2"></pay-item></pay-checkout>';
      try {
        await ready;
        const el = root.querySelector('pay-checkout')!;
        const container = braintree.current.container;
        expect(container.getRootNode()).to.equal(document);
        expect(el.contains(container)).to.equal(false);
        expect(mountNode(el, 'braintree-dropin')).not.to.equal(undefined);
      } finally {
        shop.remove();
      }
    });
  });

  describe('currencies', () => {
    it('is not offered for a currency without a merchant account', async () => {
      server.config = braintreeConfig(['EUR'], {
        stripe: {
          publishableKey: 'pk_test_fake',
          jsUrl: 'data:text/javascript,',
        },
      });
      const {el, event} = await ready(twoTees('stripe braintree'));
      expect(event.detail.provider).to.equal('stripe');
      expect(part(el, 'provider-tabs')).to.equal(null);
      expect(braintree.created).to.have.length(0);
      expect(server.requestsTo('/api/braintree/client-token')).to.have.length(
        0
      );
    });

    it('says payments are unavailable when it is the only provider asked for', async () => {
      server.config = braintreeConfig(['EUR']);
      const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
      const el = await fixture<PayCheckout>(twoTees());
      expect((await failed).detail.code).to.equal('provider_not_configured');
      expect(text(alertRegion(el))).to.equal(
        'Payments are not available right now.'
      );
    });

    it('offers the choice with Stripe and PayPal, each labelled', async () => {
      server.config = braintreeConfig(['USD'], {
        stripe: {
          publishableKey: 'pk_test_fake',
          jsUrl: 'data:text/javascript,',
        },
      });
      const {el} = await ready(twoTees('braintree stripe'));
      const labels = parts(el, 'provider-tab').map((tab) => text(tab));
      expect(labels).to.deep.equal(['Card (Braintree)', 'Card']);
    });
  });

  describe('failing to load', () => {
    it('reports a client token the server refuses, and mounts nothing', async () => {
      server.braintreeToken = () => ({
        status: 503,
        body: {error: {code: 'provider_unavailable', message: 'down'}},
      });
      const failed = oneEvent(document, 'pay-error') as Promise<PayErrorEvent>;
      const el = await fixture<PayCheckout>(twoTees());
      expect((await failed).detail.code).to.equal('provider_unavailable');
      expect(braintree.created).to.have.length(0);
      expect(text(alertRegion(el))).to.contain('not available');
    });
  });
});

import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../widget/index.js';
import type {PayCheckout} from '../../widget/index.js';
import {FAKE_PAYPAL_SDK, FAKE_STRIPE_JS, paypalConfig} from './fake-server.js';
import {server, useFakes} from './pay-checkout.helpers.js';

useFakes();

afterEach(() => {
  for (const meta of document.querySelectorAll('meta[property="csp-nonce"]'))
    meta.remove();
});

const paypalScript = () =>
  document.querySelector<HTMLScriptElement>(
    `script[src^="${FAKE_PAYPAL_SDK}?"]`
  );

describe('<pay-checkout> on a page with a Content Security Policy', () => {
  it('passes its nonce to the PayPal SDK: on the script, and as data-csp-nonce for the SDK’s styles', async () => {
    server.config = paypalConfig();
    const ready = oneEvent(document, 'pay-ready');
    await fixture<PayCheckout>(
      html`<pay-checkout provider="paypal" nonce="bm9uY2UtZWxlbWVudA=="
        ><pay-item sku="tee" quantity="1"></pay-item
      ></pay-checkout>`
    );
    await ready;
    const script = paypalScript()!;
    expect(script.nonce).to.equal('bm9uY2UtZWxlbWVudA==');
    expect(script.dataset.cspNonce).to.equal('bm9uY2UtZWxlbWVudA==');
  });

  it('falls back to the page’s <meta property="csp-nonce">', async () => {
    server.config = paypalConfig();
    const meta = document.createElement('meta');
    meta.setAttribute('property', 'csp-nonce');
    meta.content = 'bWV0YS1ub25jZQ==';
    document.head.append(meta);
    const ready = oneEvent(document, 'pay-ready');
    await fixture<PayCheckout>(
      html`<pay-checkout provider="paypal"
        ><pay-item sku="tee" quantity="1"></pay-item
      ></pay-checkout>`
    );
    await ready;
    expect(paypalScript()!.dataset.cspNonce).to.equal('bWV0YS1ub25jZQ==');
  });

  it('adds no nonce when the page has none', async () => {
    server.config = paypalConfig();
    const ready = oneEvent(document, 'pay-ready');
    await fixture<PayCheckout>(
      html`<pay-checkout provider="paypal"
        ><pay-item sku="tee" quantity="1"></pay-item
      ></pay-checkout>`
    );
    await ready;
    const script = paypalScript()!;
    expect(script.hasAttribute('data-csp-nonce')).to.equal(false);
    expect(script.nonce).to.equal('');
  });

  it('puts the nonce on the emulator’s Stripe.js it injects', async () => {
    const ready = oneEvent(document, 'pay-ready');
    await fixture<PayCheckout>(
      html`<pay-checkout provider="stripe" nonce="c3RyaXBlLW5vbmNl"
        ><pay-item sku="tee" quantity="1"></pay-item
      ></pay-checkout>`
    );
    await ready;
    const script = document.querySelector<HTMLScriptElement>(
      `script[src="${FAKE_STRIPE_JS}"]`
    )!;
    expect(script.nonce).to.equal('c3RyaXBlLW5vbmNl');
  });
});

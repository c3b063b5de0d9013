/**
 * A shop configured with BRAINTREE_ keys and a BRAINTREE_API_BASE that only an emulator can be
 * (plain http on loopback): the browser gets that emulator's Drop-in fake as `sdkUrl`, and the
 * page's policy allows its origin instead of Braintree's CDN (whose Drop-in could not talk to it).
 * An https API base keeps Braintree's Drop-in and its documented origins.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseConfig} from '../../server/config.js';
import {checkoutPagePolicyFor} from '../../server/csp-cli.js';
import {startProviders} from '../../server/node-providers.js';
import {makeServer} from './helpers.js';

const credentials = {
  BRAINTREE_MERCHANT_ID: 'mymerchant',
  BRAINTREE_PUBLIC_KEY: 'mypublickey',
  BRAINTREE_PRIVATE_KEY: 'myprivatekey-do-not-print',
  BRAINTREE_MERCHANT_ACCOUNT_IDS: 'USD:shop_usd',
};

const directives = (policy: string): Record<string, string[]> =>
  Object.fromEntries(
    policy.split('; ').map((part) => {
      const [name, ...sources] = part.split(' ');
      return [name!, sources];
    })
  );

describe('Braintree with an emulator as BRAINTREE_API_BASE', () => {
  it("allows the emulator's origin for Drop-in's script, frame, styles and client API", () => {
    const {policy, notes} = checkoutPagePolicyFor(
      parseConfig({
        PORT: '5000',
        ...credentials,
        BRAINTREE_API_BASE: 'http://127.0.0.1:7777/',
      })
    );
    const d = directives(policy);
    for (const directive of [
      'script-src',
      'frame-src',
      'connect-src',
      'style-src',
    ])
      assert.ok(
        d[directive]!.includes('http://127.0.0.1:7777'),
        `${directive}: ${d[directive]!.join(' ')}`
      );
    // Not the CDN's Drop-in: it could not talk to the emulator's client API anyway.
    assert.ok(!d['script-src']!.includes('https://js.braintreegateway.com'));
    assert.match(
      notes.join('\n'),
      /Braintree emulator at http:\/\/127\.0\.0\.1:7777/
    );
  });

  it("keeps Braintree's Drop-in and origins for an https API base", () => {
    const {policy} = checkoutPagePolicyFor(
      parseConfig({
        PORT: '5000',
        ...credentials,
        BRAINTREE_API_BASE: 'https://braintree-proxy.example',
      })
    );
    const d = directives(policy);
    assert.ok(d['script-src']!.includes('https://js.braintreegateway.com'));
    assert.doesNotMatch(policy, /braintree-proxy\.example/);
  });

  it("gives the element the emulator's Drop-in fake as sdkUrl, and the page policy its origin", async () => {
    const providers = await startProviders(
      parseConfig({
        PORT: '0',
        ...credentials,
        BRAINTREE_API_BASE: 'http://localhost:7777',
      }),
      4242
    );
    try {
      assert.equal(
        providers.gateways.braintree?.sdkUrl,
        'http://localhost:7777/web/dropin/fake/dropin.js'
      );
      assert.ok(
        providers.browser.some((sources) =>
          sources.sources['script-src']?.includes('http://localhost:7777')
        )
      );
      const server = await makeServer({
        braintree: providers.gateways.braintree,
      });
      try {
        const body = await (await server.app.request('/api/config')).json();
        assert.equal(
          body.providers.braintree.sdkUrl,
          'http://localhost:7777/web/dropin/fake/dropin.js'
        );
        assert.doesNotMatch(JSON.stringify(body), /do-not-print|mypublickey/);
      } finally {
        await server.close();
      }
    } finally {
      await providers.close();
    }
  });

  it('names no sdkUrl for Braintree itself (sandbox or production)', async () => {
    const providers = await startProviders(
      parseConfig({
        PORT: '0',
        ...credentials,
        BRAINTREE_API_BASE: 'https://braintree-proxy.example',
      }),
      4242
    );
    try {
      assert.equal(providers.gateways.braintree?.sdkUrl, undefined);
    } finally {
      await providers.close();
    }
  });
});

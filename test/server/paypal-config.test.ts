import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseConfig} from '../../server/config.js';
import {createPaypalProvider} from '../../server/providers/paypal/client.js';
import {configProblems, makeServer} from './helpers.js';
import {makePaypalServer} from './paypal-fixtures.js';
import {
  PAYPAL_CLIENT_ID,
  PAYPAL_CLIENT_SECRET,
} from './paypal-webhook-fixtures.js';

const credentials = {
  PAYPAL_CLIENT_ID: 'AZclientid123',
  PAYPAL_CLIENT_SECRET: 'EKsecret456',
  PAYPAL_WEBHOOK_ID: '8PT597110X687430LKGECATA',
};

describe('PayPal configuration', () => {
  it('is absent without credentials: the emulator stands in', () => {
    assert.equal(parseConfig({}).paypal, undefined);
  });

  it('makes PAYPAL_ENVIRONMENT=live production, where missing credentials stop the server', () => {
    assert.throws(
      () => parseConfig({PAYPAL_ENVIRONMENT: 'live'}),
      /PUBLIC_URL is required in production \(PAYPAL_ENVIRONMENT=live\)[\s\S]*No payment provider is configured/
    );
  });

  it('takes a complete set, sandbox and offline verification by default', () => {
    assert.deepEqual(parseConfig(credentials).paypal, {
      clientId: 'AZclientid123',
      clientSecret: 'EKsecret456',
      webhookId: '8PT597110X687430LKGECATA',
      environment: 'sandbox',
      apiBase: undefined,
      webhookVerification: 'offline',
    });
    const live = parseConfig({
      ...credentials,
      PUBLIC_URL: 'https://shop.example',
      CATALOG: 'catalog.json',
      PAYPAL_ENVIRONMENT: 'live',
      PAYPAL_WEBHOOK_VERIFICATION: 'postback',
    });
    assert.deepEqual(
      [live.paypal?.environment, live.paypal?.webhookVerification],
      ['live', 'postback']
    );
  });

  it('refuses to start with credentials but no webhook id, naming the variable and not the secret', () => {
    const message = configProblems({
      PAYPAL_CLIENT_ID: 'AZclientid123',
      PAYPAL_CLIENT_SECRET: 'EKsecret456',
    });
    assert.match(message, /PAYPAL_WEBHOOK_ID is required/);
    assert.doesNotMatch(message, /EKsecret456/);
  });

  it('refuses half a set of credentials', () => {
    assert.match(
      configProblems({PAYPAL_CLIENT_ID: 'AZclientid123'}),
      /PAYPAL_CLIENT_SECRET is required/
    );
    assert.match(
      configProblems({PAYPAL_CLIENT_SECRET: 'EKsecret456'}),
      /PAYPAL_CLIENT_ID is required/
    );
    assert.match(
      configProblems({PAYPAL_WEBHOOK_ID: 'WH1'}),
      /PAYPAL_CLIENT_ID is required/
    );
  });

  it('refuses whitespace (a pasted newline) in any credential', () => {
    for (const name of Object.keys(credentials)) {
      const value = credentials[name as keyof typeof credentials];
      assert.match(
        configProblems({...credentials, [name]: `${value}\n`}),
        new RegExp(`${name} contains whitespace`)
      );
    }
  });

  it('refuses an unknown environment or verification mode', () => {
    assert.match(
      configProblems({...credentials, PAYPAL_ENVIRONMENT: 'production'}),
      /PAYPAL_ENVIRONMENT/
    );
    assert.match(
      configProblems({...credentials, PAYPAL_WEBHOOK_VERIFICATION: 'none'}),
      /PAYPAL_WEBHOOK_VERIFICATION/
    );
  });

  it('allows plain http for a PayPal-compatible API only on loopback', () => {
    assert.equal(
      parseConfig({...credentials, PAYPAL_API_BASE: 'http://127.0.0.1:8123'})
        .paypal?.apiBase,
      'http://127.0.0.1:8123'
    );
    assert.ok(
      parseConfig({
        ...credentials,
        PAYPAL_API_BASE: 'https://paypal-proxy.example',
      })
    );
    assert.match(
      configProblems({
        ...credentials,
        PAYPAL_API_BASE: 'http://paypal-proxy.example',
      }),
      /PAYPAL_API_BASE must use https/
    );
    assert.match(
      configProblems({...credentials, PAYPAL_API_BASE: 'not a url'}),
      /PAYPAL_API_BASE must be a URL/
    );
    assert.throws(() =>
      createPaypalProvider({
        clientId: 'a',
        clientSecret: 'b',
        webhookId: 'c',
        apiBase: 'http://192.168.1.2:8080',
      })
    );
  });
});

describe('GET /api/config with PayPal', () => {
  it('tells the browser the client id and environment, never the secret', async () => {
    const server = await makePaypalServer();
    const res = await server.app.request('/api/config');
    const text = await res.text();
    assert.deepEqual(JSON.parse(text).providers.paypal, {
      clientId: PAYPAL_CLIENT_ID,
      environment: 'sandbox',
    });
    assert.ok(!text.includes(PAYPAL_CLIENT_SECRET));
    await server.close();
  });

  it('calls live "production", as the JS SDK does, and names the SDK only in emulator mode', async () => {
    const live = await makePaypalServer({settings: {environment: 'live'}});
    assert.deepEqual(
      (await (await live.app.request('/api/config')).json()).providers.paypal,
      {
        clientId: PAYPAL_CLIENT_ID,
        environment: 'production',
      }
    );
    const emulated = await makePaypalServer({
      settings: {
        apiBase: 'http://127.0.0.1:8123',
        sdkBaseUrl: 'http://127.0.0.1:8123/sdk/js',
      },
    });
    assert.equal(
      (await (await emulated.app.request('/api/config')).json()).providers
        .paypal.sdkBaseUrl,
      'http://127.0.0.1:8123/sdk/js'
    );
    const none = await makeServer();
    assert.equal(
      (await (await none.app.request('/api/config')).json()).providers.paypal,
      undefined
    );
    await Promise.all([live.close(), emulated.close(), none.close()]);
  });
});

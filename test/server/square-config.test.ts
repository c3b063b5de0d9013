/**
 * Square's variables (SQUARE_…): a complete set configures it, a partial one names what is
 * missing, a production application id or SQUARE_ENVIRONMENT=production makes the server
 * production; development without them starts the emulator, production never does; the
 * page's CSP names Square's origins.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseConfig} from '../../server/config.js';
import {checkoutPagePolicyFor} from '../../server/csp-cli.js';
import {startProviders} from '../../server/node-providers.js';
import {createSquareProvider} from '../../server/providers/square/client.js';
import {parseLocationIds} from '../../server/providers/square/command-line.js';
import {configProblems} from './helpers.js';

const sandbox = {
  SQUARE_ACCESS_TOKEN: 'EAAAsandboxtoken',
  SQUARE_APPLICATION_ID: 'sandbox-sq0idb-abc123',
  SQUARE_LOCATION_ID: 'LMAIN123',
  SQUARE_WEBHOOK_SIGNATURE_KEY: 'sig-key-456',
  SQUARE_WEBHOOK_URL: 'https://shop.example/api/webhooks/square',
};
const production = {
  ...sandbox,
  SQUARE_APPLICATION_ID: 'sq0idp-abc123',
  PUBLIC_URL: 'https://shop.example',
  CATALOG: 'catalog.json',
};

describe('Square configuration', () => {
  it('is absent without its variables: the emulator stands in', () => {
    assert.equal(parseConfig({}).square, undefined);
  });

  it('takes a complete set; the environment follows the application id', () => {
    assert.deepEqual(parseConfig(sandbox).square, {
      accessToken: 'EAAAsandboxtoken',
      applicationId: 'sandbox-sq0idb-abc123',
      locations: {},
      locationId: 'LMAIN123',
      webhookSignatureKey: 'sig-key-456',
      webhookUrl: 'https://shop.example/api/webhooks/square',
      environment: 'sandbox',
      apiBase: undefined,
    });
    assert.equal(parseConfig(sandbox).mode, 'development');
  });

  it('takes one location per currency from SQUARE_LOCATION_IDS', () => {
    const {SQUARE_LOCATION_ID: _, ...rest} = sandbox;
    const config = parseConfig({
      ...rest,
      SQUARE_LOCATION_IDS: 'usd:L1, EUR:L2',
    });
    assert.deepEqual(config.square?.locations, {USD: 'L1', EUR: 'L2'});
    assert.equal(config.square?.locationId, undefined);
    assert.deepEqual(
      parseLocationIds('USD:L1,USD:L2'),
      'SQUARE_LOCATION_IDS names USD twice'
    );
    assert.match(
      String(parseLocationIds('USD=L1')),
      /CURRENCY:LOCATION_ID pairs/
    );
    assert.match(
      configProblems({...rest, SQUARE_LOCATION_IDS: 'dollars:L1'}),
      /SQUARE_LOCATION_IDS must be/
    );
  });

  it('names each missing variable, and no secret', () => {
    const message = configProblems({
      SQUARE_ACCESS_TOKEN: 'EAAAsandboxtoken',
    });
    for (const name of [
      'SQUARE_APPLICATION_ID',
      'SQUARE_LOCATION_ID',
      'SQUARE_WEBHOOK_SIGNATURE_KEY',
      'SQUARE_WEBHOOK_URL',
    ])
      assert.match(message, new RegExp(`${name} .*required`), name);
    assert.doesNotMatch(message, /EAAAsandboxtoken/);
  });

  it('never fails open: no signature key, no Square', () => {
    const {SQUARE_WEBHOOK_SIGNATURE_KEY: _, ...rest} = sandbox;
    assert.match(
      configProblems(rest),
      /SQUARE_WEBHOOK_SIGNATURE_KEY is required/
    );
  });

  it('signs for PUBLIC_URL + /api/webhooks/square unless SQUARE_WEBHOOK_URL says otherwise', () => {
    const {SQUARE_WEBHOOK_URL: _, ...rest} = sandbox;
    assert.equal(
      parseConfig({...rest, PUBLIC_URL: 'https://pay.shop.example/'}).square
        ?.webhookUrl,
      'https://pay.shop.example/api/webhooks/square'
    );
    assert.match(
      configProblems({
        ...sandbox,
        SQUARE_WEBHOOK_URL: 'http://shop.example/hook',
      }),
      /SQUARE_WEBHOOK_URL must be https/
    );
    assert.match(
      configProblems({...sandbox, SQUARE_WEBHOOK_URL: 'not a url'}),
      /SQUARE_WEBHOOK_URL/
    );
  });

  it('refuses an application id that is not one, and whitespace in a secret', () => {
    assert.match(
      configProblems({...sandbox, SQUARE_APPLICATION_ID: 'abc'}),
      /SQUARE_APPLICATION_ID must be a Square application id/
    );
    assert.match(
      configProblems({...sandbox, SQUARE_WEBHOOK_SIGNATURE_KEY: 'key\n'}),
      /SQUARE_WEBHOOK_SIGNATURE_KEY contains whitespace/
    );
  });

  it('is production with a production application id or SQUARE_ENVIRONMENT=production', () => {
    const live = parseConfig(production);
    assert.equal(live.mode, 'production');
    assert.match(live.modeReason, /production Square application id/);
    assert.equal(live.square?.environment, 'production');
    assert.match(
      configProblems({...sandbox, SQUARE_ENVIRONMENT: 'production'}),
      /PUBLIC_URL is required in production \(SQUARE_ENVIRONMENT=production\)/
    );
    assert.match(
      configProblems({
        ...production,
        SQUARE_ENVIRONMENT: 'sandbox',
      }),
      /does not match SQUARE_APPLICATION_ID/
    );
  });

  it('allows SQUARE_API_BASE over https anywhere, plain http only on loopback', () => {
    assert.equal(
      parseConfig({...sandbox, SQUARE_API_BASE: 'http://127.0.0.1:9999'}).square
        ?.apiBase,
      'http://127.0.0.1:9999'
    );
    assert.match(
      configProblems({...sandbox, SQUARE_API_BASE: 'http://square.example'}),
      /SQUARE_API_BASE must use https/
    );
  });

  it('the page’s CSP names Square’s origins in production', () => {
    const {policy} = checkoutPagePolicyFor(parseConfig(production));
    assert.match(policy, /script-src[^;]*https:\/\/web\.squarecdn\.com/);
    assert.match(policy, /frame-src[^;]*https:\/\/web\.squarecdn\.com/);
    assert.match(
      policy,
      /connect-src[^;]*https:\/\/pci-connect\.squareup\.com/
    );
    assert.doesNotMatch(policy, /unsafe-/);
  });

  it('development without the variables starts the emulator; its settings reach the element', async () => {
    const providers = await startProviders(parseConfig({PORT: '0'}), 4242);
    try {
      const square = providers.gateways.square!;
      assert.match(
        square.sdkUrl!,
        /^http:\/\/127\.0\.0\.1:\d+\/v1\/square\.js$/
      );
      assert.equal(
        square.webhookUrl,
        'http://127.0.0.1:4242/api/webhooks/square'
      );
      assert.ok(Object.keys(square.locations).includes('USD'));
      assert.ok(
        providers.lines.some((line) => /Square emulator runs at/.test(line))
      );
      const js = await fetch(square.sdkUrl!);
      assert.equal(js.status, 200);
      await js.body?.cancel();
    } finally {
      await providers.close();
    }
  });

  it('production with Square configured starts no emulator and offers only what is configured', async () => {
    const providers = await startProviders(parseConfig(production), 0);
    try {
      assert.ok(providers.gateways.square);
      assert.equal(providers.gateways.square.sdkUrl, undefined);
      assert.equal(providers.gateways.stripe, undefined);
      assert.ok(
        providers.lines.some((line) => /Stripe: not configured/.test(line))
      );
    } finally {
      await providers.close();
    }
  });
});

describe('createSquareProvider', () => {
  const settings = {
    accessToken: 'EAAA-test',
    applicationId: 'sandbox-sq0idb-test',
    locations: {USD: 'L1'},
    webhookSignatureKey: 'key',
    webhookUrl: 'https://shop.example/api/webhooks/square',
  };

  it('refuses to be built without a signature key, a notification URL or a location', () => {
    assert.throws(
      () => createSquareProvider({...settings, webhookSignatureKey: ''}),
      /signature key/
    );
    assert.throws(
      () => createSquareProvider({...settings, webhookUrl: 'shop.example'}),
      /notification URL/
    );
    assert.throws(
      () => createSquareProvider({...settings, locations: {}}),
      /needs a location/
    );
    assert.throws(
      () =>
        createSquareProvider({
          ...settings,
          apiBase: 'http://square.example',
        }),
      /SQUARE_API_BASE must use https/
    );
  });
});

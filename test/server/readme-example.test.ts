/**
 * The README's library example, run as written: the code block is read from README.md and
 * server/README.md (they must be the same), its import pointed at this repository's package
 * entry, and it runs in a folder with a catalog.json against the Stripe emulator. A buyer then
 * pays through app.request(), and the example's hook ships the order once.
 */
import assert from 'node:assert/strict';
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, it} from 'node:test';
import {serve} from '@hono/node-server';
import {startStripeEmulator} from '../../emulators/stripe/index.js';
import type {createCheckoutServer} from '../../server/app.js';
import type {Order} from '../../server/orders/order.js';
import {emulatorClient} from './harness.js';
import {intentIdOf} from './helpers.js';

const ENTRY = pathToFileURL(resolve('server/index.ts')).href;

function libraryExample(readme: string, heading: string): string {
  const section = readme.slice(readme.indexOf(heading));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, `${heading} has a ts code block`);
  return block;
}

describe('the README example', () => {
  it('is the same in README.md and server/README.md', () => {
    assert.equal(
      libraryExample(
        readFileSync('README.md', 'utf8'),
        '## The companion server'
      ),
      libraryExample(
        readFileSync('server/README.md', 'utf8'),
        '## As a library'
      )
    );
  });

  it('runs as written: a buyer pays through app.request() and the order ships once', async () => {
    const example = libraryExample(
      readFileSync('server/README.md', 'utf8'),
      '## As a library'
    );
    assert.match(example, /from '@pay-checkout\/server'/);
    const emulator = await startStripeEmulator({retryDelaysMs: [20, 50, 100]});
    const folder = mkdtempSync(join(tmpdir(), 'pay-checkout-readme-'));
    const cwd = process.cwd();
    copyFileSync('demo/catalog.json', join(folder, 'catalog.json'));
    const shipped: Order[] = [];
    // What the example leaves to the reader: the keys, and what shipping means.
    Object.assign(globalThis, {
      readmeExample: {
        secretKey: emulator.secretKey,
        publishableKey: emulator.publishableKey,
        webhookSecret: emulator.webhookSecret,
        ship: (order: Order) => shipped.push(order),
      },
    });
    process.env.STRIPE_API_BASE = emulator.url;
    const module = join(folder, 'example.mts');
    writeFileSync(
      module,
      'const {secretKey, publishableKey, webhookSecret, ship} = (globalThis as any).readmeExample;\n' +
        example.replace("'@pay-checkout/server'", JSON.stringify(ENTRY)) +
        '\nexport {app, stop};\n'
    );
    process.chdir(folder);
    let listener: ReturnType<typeof serve> | undefined;
    let server: ReturnType<typeof createCheckoutServer> | undefined;
    try {
      server = (await import(pathToFileURL(module).href)) as ReturnType<
        typeof createCheckoutServer
      >;
      const {app} = server;
      // The emulator delivers its webhooks over HTTP; everything the buyer does is app.request().
      listener = serve({fetch: app.fetch, hostname: '127.0.0.1', port: 0});
      await new Promise((done) => listener!.once('listening', done));
      emulator.setWebhookUrl(
        `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/webhooks/stripe`
      );

      const config = await (await app.request('/api/config')).json();
      assert.equal(
        config.providers.stripe.publishableKey,
        emulator.publishableKey
      );
      const created = await app.request('/api/stripe/payment-intents', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        // The demo catalog ships tees: the order needs where to (a US address, no sales tax rule).
        body: JSON.stringify({
          items: [{sku: 'tee-black-m', quantity: 2}],
          shippingAddress: {
            name: 'Ada Lovelace',
            line1: '1 Main Street',
            city: 'Springfield',
            region: 'IL',
            postalCode: '62701',
            country: 'US',
          },
        }),
      });
      assert.equal(created.status, 201);
      const {orderId, orderToken, clientSecret} = await created.json();
      // The buyer's browser confirms with Stripe.js; here the SDK plays it.
      const stripe = emulatorClient(emulator);
      await stripe.paymentIntents.confirm(intentIdOf(clientSecret), {
        payment_method: 'pm_card_visa',
        return_url: 'https://shop.example/thanks',
      });
      await emulator.flush();

      const read = await app.request(`/api/orders/${orderId}`, {
        headers: {authorization: `Bearer ${orderToken}`},
      });
      assert.equal((await read.json()).status, 'paid');
      // The hook runs from the outbox that start() runs; stop() waits for it.
      await server.stop();
      assert.deepEqual(
        shipped.map((order) => [order.id, order.status]),
        [[orderId, 'paid']]
      );
    } finally {
      process.chdir(cwd);
      delete process.env.STRIPE_API_BASE;
      await server?.stop();
      if (listener) await new Promise((done) => listener!.close(done));
      await emulator.close();
      rmSync(folder, {recursive: true, force: true});
    }
  });
});

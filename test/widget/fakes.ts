/**
 * The widget tests' doubles, installed together: a fake companion server (fake-server.ts,
 * answers `fetch`), a fake Stripe.js (fake-stripe.ts, answers `window.Stripe`) and a fake PayPal
 * JS SDK (fake-paypal.ts). Nothing here touches the network.
 */
import {FakePaypal} from './fake-paypal.js';
import {FakeServer} from './fake-server.js';
import {FakeStripe} from './fake-stripe.js';

export interface Fakes {
  server: FakeServer;
  stripe: FakeStripe;
  paypal: FakePaypal;
}

let current: Fakes | undefined;

/**
 * Installs a fresh fake server, Stripe.js and PayPal SDK (in `beforeEach`); `restoreFakes()`
 * (in `afterEach`) puts the real ones back and forgets what the test stored.
 */
export function installFakes(): Fakes {
  current = {
    server: new FakeServer().install(),
    stripe: new FakeStripe().install(),
    paypal: new FakePaypal().install(),
  };
  return current;
}

export function restoreFakes(): void {
  current?.server.restore();
  current?.stripe.restore();
  current?.paypal.restore();
  current = undefined;
  sessionStorage.clear();
}

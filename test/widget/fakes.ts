/**
 * The widget tests' doubles, installed together: a fake companion server (fake-server.ts,
 * answers `fetch`), a fake Stripe.js (fake-stripe.ts, answers `window.Stripe`), a fake PayPal
 * JS SDK (fake-paypal.ts) and a fake Web Payments SDK (fake-square.ts, answers `window.Square`).
 * Nothing here touches the network.
 */
import {FakePaypal} from './fake-paypal.js';
import {FakeServer} from './fake-server.js';
import {FakeSquare} from './fake-square.js';
import {FakeStripe} from './fake-stripe.js';

export interface Fakes {
  server: FakeServer;
  stripe: FakeStripe;
  paypal: FakePaypal;
  square: FakeSquare;
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
    square: new FakeSquare().install(),
  };
  return current;
}

export function restoreFakes(): void {
  current?.server.restore();
  current?.stripe.restore();
  current?.paypal.restore();
  current?.square.restore();
  current = undefined;
  sessionStorage.clear();
}

/**
 * A fake Stripe.js for the widget tests (answers `window.Stripe`). The seam is the real one the
 * element uses in emulator mode: the fake server's config names `providers.stripe.jsUrl` (an
 * empty `data:` script), the element injects it and then calls `window.Stripe(publishableKey)`,
 * which the test has set to this fake.
 */

/** What a fake Stripe.js call returns; `error` fields follow Stripe's StripeError. */
export interface FakeStripeError {
  type: string;
  code?: string;
  decline_code?: string;
  message?: string;
}

interface FakePaymentIntent {
  id: string;
  status: string;
  last_payment_error?: {message?: string} | null;
}

/**
 * The subset of Stripe.js the element uses, recording every call. The Payment Element is a
 * plain labelled input mounted into the node it is given (the real one is an iframe).
 */
export class FakeStripe {
  publishableKeys: string[] = [];
  elementsOptions: Record<string, unknown>[] = [];
  updates: Record<string, unknown>[] = [];
  mountedInto: HTMLElement[] = [];
  submits = 0;
  confirms: Record<string, unknown>[] = [];
  retrieved: string[] = [];

  submitResult: {error?: FakeStripeError} = {};
  /** Called inside confirmPayment, e.g. to look at sessionStorage at that moment. */
  onConfirm?: () => void;
  confirmResult: {error?: FakeStripeError; paymentIntent?: FakePaymentIntent} =
    {
      paymentIntent: {id: 'pi_1', status: 'succeeded'},
    };
  retrieveResult: {paymentIntent?: FakePaymentIntent; error?: FakeStripeError} =
    {
      paymentIntent: {id: 'pi_1', status: 'succeeded'},
    };
  /** Resolves confirmPayment only when released (to observe the in-flight state). */
  confirmGate?: Promise<void>;

  install(): this {
    installed.fake = this;
    window.Stripe = stableStripe as unknown as typeof window.Stripe;
    return this;
  }

  restore(): void {
    installed.fake = undefined;
    delete window.Stripe;
  }

  create(publishableKey: string) {
    this.publishableKeys.push(publishableKey);
    return {
      elements: (options: Record<string, unknown>) => {
        this.elementsOptions.push(options);
        return {
          create: (type: string) => {
            if (type !== 'payment')
              throw new Error(`unexpected element ${type}`);
            let node: HTMLElement | undefined;
            return {
              mount: (target: HTMLElement) => {
                this.mountedInto.push(target);
                node = document.createElement('div');
                node.className = 'fake-payment-element';
                node.innerHTML =
                  '<label>Card number <input name="number" autocomplete="cc-number"></label>';
                target.append(node);
              },
              on: () => {},
              destroy: () => node?.remove(),
            };
          },
          update: async (update: Record<string, unknown>) => {
            this.updates.push(update);
          },
          submit: async () => {
            this.submits++;
            return this.submitResult;
          },
        };
      },
      confirmPayment: async (options: Record<string, unknown>) => {
        this.confirms.push(options);
        this.onConfirm?.();
        await this.confirmGate;
        return this.confirmResult;
      },
      retrievePaymentIntent: async (clientSecret: string) => {
        this.retrieved.push(clientSecret);
        return this.retrieveResult;
      },
    };
  }
}

const installed: {fake?: FakeStripe} = {};

// One stable constructor for the whole run: @stripe/stripe-js caches the first
// window.Stripe it sees, so per-test fakes are reached through `installed`.
function stableStripe(publishableKey: string) {
  if (!installed.fake) throw new Error('No FakeStripe installed');
  return installed.fake.create(publishableKey);
}
// The release train @stripe/stripe-js 10 expects (it warns about any other).
stableStripe.version = 'endive';

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

/** What the Address Element reports: its `change` event's and `getValue()`'s `value`. */
export interface FakeAddressValue {
  name: string;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    state: string;
    postal_code: string;
    country: string;
  };
}

/**
 * The subset of Stripe.js the element uses, recording every call. The Payment Element and the
 * Address Element are plain labelled inputs mounted into the node they are given (the real
 * ones are iframes); `addressChange()` plays the buyer typing in the Address Element.
 */
export class FakeStripe {
  publishableKeys: string[] = [];
  elementsOptions: Record<string, unknown>[] = [];
  updates: Record<string, unknown>[] = [];
  mountedInto: HTMLElement[] = [];
  /** Every `elements.create(type, options)`, in order. */
  created: {type: string; options: Record<string, unknown> | undefined}[] = [];
  /** Where the Address Element is mounted, while it is. */
  addressMountedInto?: HTMLElement;
  /** What the Address Element's `getValue()` answers. */
  addressValue: {complete: boolean; value: FakeAddressValue} | undefined;
  private _addressHandlers = new Map<string, ((event: unknown) => void)[]>();
  submits = 0;
  confirms: Record<string, unknown>[] = [];
  retrieved: string[] = [];

  /** The Payment Element's `ready` waits for this (after mount()). */
  readyGate: Promise<unknown> = Promise.resolve();
  /** Set: the Payment Element fires `loaderror` with it instead of `ready`. */
  loadError?: FakeStripeError;
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

  /** The buyer changed the Address Element: its `change` event, as Stripe.js fires it. */
  addressChange(value: FakeAddressValue, complete = true): void {
    this.addressValue = {complete, value};
    for (const handler of this._addressHandlers.get('change') ?? [])
      handler({
        elementType: 'address',
        elementMode: 'shipping',
        empty: false,
        complete,
        isNewAddress: true,
        value,
      });
  }

  private _addressElement() {
    let node: HTMLElement | undefined;
    return {
      mount: (target: HTMLElement) => {
        this.addressMountedInto = target;
        node = document.createElement('div');
        node.className = 'fake-address-element';
        node.innerHTML =
          '<label>Address <input name="line1" autocomplete="shipping address-line1"></label>';
        target.append(node);
      },
      on: (type: string, handler: (event: unknown) => void) => {
        this._addressHandlers.set(type, [
          ...(this._addressHandlers.get(type) ?? []),
          handler,
        ]);
      },
      getValue: async () =>
        this.addressValue ?? {
          complete: false,
          isNewAddress: true,
          value: {
            name: '',
            address: {
              line1: '',
              line2: null,
              city: '',
              state: '',
              postal_code: '',
              country: '',
            },
          },
        },
      destroy: () => {
        node?.remove();
        this.addressMountedInto = undefined;
        this._addressHandlers.clear();
      },
    };
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
          create: (type: string, options?: Record<string, unknown>) => {
            this.created.push({type, options});
            if (type === 'address') return this._addressElement();
            if (type !== 'payment')
              throw new Error(`unexpected element ${type}`);
            let node: HTMLElement | undefined;
            const handlers = new Map<string, ((event: unknown) => void)[]>();
            const fire = (type: string, event: unknown) => {
              for (const handler of handlers.get(type) ?? []) handler(event);
            };
            return {
              mount: (target: HTMLElement) => {
                this.mountedInto.push(target);
                node = document.createElement('div');
                node.className = 'fake-payment-element';
                node.innerHTML =
                  '<label>Card number <input name="number" autocomplete="cc-number"></label>';
                target.append(node);
                // Like Stripe's: `ready` once the mounted form takes input, after mount().
                void this.readyGate.then(() =>
                  setTimeout(() =>
                    this.loadError
                      ? fire('loaderror', {
                          elementType: 'payment',
                          error: this.loadError,
                        })
                      : fire('ready', {elementType: 'payment'})
                  )
                );
              },
              on: (type: string, handler: (event: unknown) => void) => {
                handlers.set(type, [...(handlers.get(type) ?? []), handler]);
              },
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

/**
 * A fake Drop-in for the widget tests (answers `window.braintree.dropin`). The seam is the real
 * one: the fake server's config names `providers.braintree.sdkUrl` (an empty `data:` script),
 * the element injects it and then calls `braintree.dropin.create(options)`, which the test has
 * set to this fake. The buyer's card is played by the test: `nextPayment` is what the next
 * `requestPaymentMethod` resolves with (or `nextError`, what it rejects with).
 */
import type {
  Dropin,
  Options,
  PaymentMethodOptions,
  cardPaymentMethodPayload,
} from 'braintree-web-drop-in';

/** An empty classic script: the fake Drop-in is installed by the test, not by this URL. */
export const FAKE_DROPIN_JS = 'data:text/javascript,/*fake%20Drop-in*/';

/** A client token as Braintree's are: base64 of JSON. */
export function clientToken(threeDSecureEnabled = true): string {
  return btoa(
    JSON.stringify({
      version: 2,
      authorizationFingerprint: 'fingerprint-fake',
      clientApiUrl: 'https://braintree.test/merchants/m/client_api',
      environment: 'sandbox',
      threeDSecureEnabled,
    })
  );
}

/** A card payload as Drop-in resolves it after 3-D Secure. */
export function cardPayment(
  nonce: string,
  threeDSecure: {shifted: boolean; possible: boolean} = {
    shifted: true,
    possible: true,
  }
): cardPaymentMethodPayload {
  return {
    nonce,
    details: {
      bin: '411111',
      cardType: 'Visa',
      expirationMonth: '12',
      expirationYear: '2030',
      cardholderName: '',
      lastFour: '1111',
      lastTwo: '11',
    },
    type: 'CreditCard',
    binData: {} as cardPaymentMethodPayload['binData'],
    deviceData: '{"device_session_id":"fake"}',
    liabilityShifted: threeDSecure.shifted,
    liabilityShiftPossible: threeDSecure.possible,
  };
}

export interface FakeDropinInstance {
  options: Options;
  container: HTMLElement;
  requests: (PaymentMethodOptions | undefined)[];
  clears: number;
  tornDown: boolean;
}

export class FakeBraintree {
  /** Every `dropin.create`, in order. */
  created: FakeDropinInstance[] = [];
  nextPayment: cardPaymentMethodPayload = cardPayment('tokencc_fake_1');
  nextError?: object;
  /** Set: `create` rejects with it (Drop-in could not start). */
  createError?: object;

  install(): this {
    const create = (options: Options): Promise<Dropin> => this._create(options);
    (window as unknown as {braintree?: object}).braintree = {
      dropin: {create, VERSION: '1.48.0-fake'},
    };
    return this;
  }

  restore(): void {
    delete (window as unknown as {braintree?: object}).braintree;
  }

  /** The Drop-in on screen (the last created, not torn down). */
  get current(): FakeDropinInstance {
    const live = this.created.filter((made) => !made.tornDown);
    if (!live.length) throw new Error('No Drop-in on screen');
    return live.at(-1)!;
  }

  private async _create(options: Options): Promise<Dropin> {
    if (this.createError) throw this.createError;
    const container = options.container as HTMLElement;
    if (container.innerHTML.trim())
      throw new Error(
        'options.selector or options.container must reference an empty DOM node.'
      );
    const made: FakeDropinInstance = {
      options,
      container,
      requests: [],
      clears: 0,
      tornDown: false,
    };
    this.created.push(made);
    const form = document.createElement('div');
    form.className = 'braintree-dropin';
    form.innerHTML =
      '<label>Card Number <input name="number" autocomplete="cc-number"></label>';
    container.append(form);
    const instance = {
      requestPaymentMethod: (request?: PaymentMethodOptions) => {
        made.requests.push(request);
        const error = this.nextError;
        this.nextError = undefined;
        return error
          ? Promise.reject(error)
          : Promise.resolve(this.nextPayment);
      },
      isPaymentMethodRequestable: () => true,
      clearSelectedPaymentMethod: () => {
        made.clears++;
      },
      on: () => {},
      off: () => {},
      updateConfiguration: () => {},
      teardown: () => {
        made.tornDown = true;
        form.remove();
        return Promise.resolve();
      },
    };
    return instance as unknown as Dropin;
  }
}

/**
 * A fake PayPal JS SDK for the widget tests. The seam is the real one: the config's
 * `providers.paypal.sdkBaseUrl` is FAKE_PAYPAL_SDK, a `data:` script. `@paypal/paypal-js`
 * appends its query to it (`?client-id=…&currency=USD…`, which lands after the script's trailing
 * `//`, in a comment) and inserts it with `data-namespace="paypal_usd"`; the script hands itself
 * (`document.currentScript`) to the installed FakePaypal, which defines that namespace the way
 * the real SDK does.
 */
import type {
  OnApproveActions,
  PayPalButtonsComponentOptions,
} from '@paypal/paypal-js';
import {FAKE_PAYPAL_SDK} from './fake-server.js';

/** One `paypal.Buttons(options)` call of the fake SDK. */
export interface FakeButtons {
  /** The namespace (`paypal_usd`) of the SDK load that made them. */
  namespace: string;
  /** The SDK's query: `client-id`, `currency`, `intent`, `components`. */
  params: URLSearchParams;
  options: PayPalButtonsComponentOptions;
  container?: HTMLElement;
  closed: boolean;
}

type CreateResult =
  | {orderID: string}
  | {error: unknown}
  /** `onClick` called `actions.reject()`: PayPal's window never opened. */
  | {rejected: true};

/**
 * The subset of PayPal's JS SDK the element uses. `Buttons().render(el)` puts a plain
 * "PayPal" button into `el` (the real one is an iframe); clicking it runs `onClick` (which
 * may reject the click) and then `createOrder` as PayPal does (a rejection goes to `onError`),
 * and "opens the window": the test then plays the buyer with approve(), cancel() or fail().
 */
export class FakePaypal {
  loads: {namespace: string; params: URLSearchParams}[] = [];
  buttons: FakeButtons[] = [];
  restarts = 0;
  /** Currencies the fake SDK refuses to load for (it defines no namespace, like a 400). */
  refuseCurrencies = new Set<string>();
  /** What the last click's createOrder gave (an order id, or the rejection). */
  created?: Promise<CreateResult>;
  private _openOrder?: string;
  private _namespaces = new Set<string>();

  install(): this {
    globals().__payFakePaypal = (script: HTMLScriptElement) =>
      this._load(script);
    return this;
  }

  restore(): void {
    // A script a finished test left loading still runs: give it nothing to call into.
    globals().__payFakePaypal = () => {};
    for (const namespace of this._namespaces) delete globals()[namespace];
    for (const script of document.querySelectorAll(
      `script[src^="${FAKE_PAYPAL_SDK}"]`
    ))
      script.remove();
  }

  /** The buttons on screen (the last rendered, not closed). */
  get current(): FakeButtons {
    const live = this.buttons.filter((b) => b.container && !b.closed);
    if (!live.length) throw new Error('No PayPal buttons rendered');
    return live.at(-1)!;
  }

  /** The buyer clicks the PayPal button; resolves with what createOrder gave. */
  click(): Promise<CreateResult> {
    this.current.container!.querySelector('button')!.click();
    return this.created!;
  }

  /** The buyer approves in PayPal's window. */
  async approve(): Promise<void> {
    const orderID = this._takeOpenOrder();
    const actions = {
      restart: () => {
        this.restarts++;
        // PayPal shows its window again, for the same order.
        this._openOrder = orderID;
      },
    } as unknown as OnApproveActions;
    await this.current.options.onApprove!(
      {orderID, payerID: 'PAYER-1'},
      actions
    );
  }

  /**
   * The buyer chooses another address in PayPal's window, which tells the page only these four
   * (and PayPal's sentences in `data.errors`). Resolves with the sentence the merchant rejected
   * the change with (`actions.reject(…)`), or null when it accepted it.
   */
  changeAddress(shippingAddress: {
    city: string;
    state: string;
    countryCode: string;
    postalCode: string;
  }): Promise<string | null> {
    return this._shippingChange((actions) =>
      this.current.options.onShippingAddressChange!(
        {
          orderID: this._openOrderId(),
          amount: {currencyCode: 'USD', value: '0.00'},
          shippingAddress,
          errors: SHIPPING_ERRORS,
        } as never,
        actions
      )
    );
  }

  /** The buyer picks another shipping option in PayPal's window; as changeAddress(). */
  changeOption(id: string, label = id): Promise<string | null> {
    return this._shippingChange((actions) =>
      this.current.options.onShippingOptionsChange!(
        {
          orderID: this._openOrderId(),
          selectedShippingOption: {
            id,
            label,
            type: 'SHIPPING',
            selected: true,
            amount: {currencyCode: 'USD', value: '0.00'},
          },
          errors: SHIPPING_ERRORS,
        } as never,
        actions
      )
    );
  }

  private async _shippingChange(
    run: (actions: never) => Promise<void>
  ): Promise<string | null> {
    let rejected: string | null = null;
    await run({
      reject: async (message?: string) => {
        rejected = message ?? 'rejected';
      },
      buildOrderPatchPayload: () => {
        throw new Error('not faked');
      },
    } as never);
    return rejected;
  }

  private _openOrderId(): string {
    if (!this._openOrder) throw new Error("PayPal's window is not open");
    return this._openOrder;
  }

  /** The buyer closes PayPal's window. */
  cancel(): void {
    const orderID = this._takeOpenOrder();
    this.current.options.onCancel!({orderID}, {redirect: () => {}});
  }

  /** PayPal fails while its window is open. */
  fail(message = 'Something broke in PayPal'): void {
    this._takeOpenOrder();
    this.current.options.onError!({message});
  }

  private _takeOpenOrder(): string {
    const orderID = this._openOrder;
    if (!orderID) throw new Error("PayPal's window is not open");
    this._openOrder = undefined;
    return orderID;
  }

  private _load(script: HTMLScriptElement): void {
    const namespace = script.dataset.namespace ?? 'paypal';
    const params = new URL(script.src).searchParams;
    if (this.refuseCurrencies.has(params.get('currency') ?? '')) return;
    this.loads.push({namespace, params});
    this._namespaces.add(namespace);
    globals()[namespace] = {
      version: 'fake',
      Buttons: (options: PayPalButtonsComponentOptions) =>
        this._buttons(namespace, params, options),
    };
  }

  private _buttons(
    namespace: string,
    params: URLSearchParams,
    options: PayPalButtonsComponentOptions
  ) {
    const record: FakeButtons = {namespace, params, options, closed: false};
    this.buttons.push(record);
    return {
      isEligible: () => true,
      render: async (container: HTMLElement) => {
        record.container = container;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'fake-paypal-button';
        button.textContent = 'PayPal';
        button.addEventListener('click', () => {
          this.created = this._click(options);
        });
        container.append(button);
      },
      close: async () => {
        record.closed = true;
        record.container?.replaceChildren();
      },
    };
  }

  private async _click(
    options: PayPalButtonsComponentOptions
  ): Promise<CreateResult> {
    if (options.onClick) {
      let rejected = false;
      const actions = {
        resolve: async () => {},
        reject: async () => {
          rejected = true;
        },
      };
      const result: unknown = await options.onClick(
        {fundingSource: 'paypal'},
        actions
      );
      if (rejected || result === false) return {rejected: true};
    }
    return this._createOrder(options);
  }

  private async _createOrder(
    options: PayPalButtonsComponentOptions
  ): Promise<CreateResult> {
    try {
      const orderID = await options.createOrder!(
        {paymentSource: 'paypal'},
        {order: {create: () => Promise.reject(new Error('client-side'))}}
      );
      this._openOrder = orderID;
      return {orderID};
    } catch (error) {
      // As PayPal does: a rejected createOrder closes the window and reports to onError.
      options.onError?.({message: String(error)});
      return {error};
    }
  }
}

/** `data.errors` of PayPal's shipping callbacks: the sentences it shows for a rejection. */
export const SHIPPING_ERRORS = {
  ADDRESS_ERROR: 'Your order can’t be shipped to this address.',
  COUNTRY_ERROR: 'Your order can’t be shipped to this country.',
  STATE_ERROR: 'Your order can’t be shipped to this state.',
  ZIP_ERROR: 'Your order can’t be shipped to this zip.',
  METHOD_UNAVAILABLE: 'The shipping method you chose is unavailable.',
  STORE_UNAVAILABLE: 'Part of your order isn’t available at this store.',
};

function globals(): Record<string, unknown> {
  return window as unknown as Record<string, unknown>;
}

/**
 * `paypal.Buttons(options)`: the PayPal button, typed against @paypal/paypal-js's own
 * `PayPalButtonsComponent`, so the widget cannot lean on anything the real SDK lacks. It renders
 * an iframe on the emulator's origin and runs one checkout per click (see checkout-session.ts).
 * Only the PayPal funding source and one-time payments (`createOrder`) are emulated.
 */
import type {
  OnInitActions,
  PayPalButtonsComponent,
  PayPalButtonsComponentOptions,
} from '@paypal/paypal-js';
import {normalizeStyle, type ButtonStyle} from '../style.js';
import type {Api} from './api.js';
import {mountButtonFrame, type ButtonFrame} from './button-frame-host.js';
import {startCheckout, type CheckoutSession} from './checkout-session.js';
import type {ScriptParams} from './script-params.js';

/** Channel ids only need to be unguessable by other frames. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const NOT_EMULATED = [
  'createSubscription',
  'createBillingAgreement',
  'createVaultSetupToken',
  // The deprecated callback; its successors (onShippingAddressChange/OptionsChange) are emulated.
  'onShippingChange',
] as const;

function checkOptions(options: PayPalButtonsComponentOptions): ButtonStyle {
  for (const name of NOT_EMULATED) {
    if (options[name])
      throw new Error(`${name} is not emulated by the PayPal emulator.`);
  }
  return normalizeStyle(options.style);
}

function resolveContainer(container: HTMLElement | string): HTMLElement {
  const element =
    typeof container === 'string'
      ? document.querySelector<HTMLElement>(container)
      : container;
  if (!element || !element.isConnected) {
    throw new Error(
      `Document is ready and element ${String(container)} does not exist`
    );
  }
  return element;
}

export function createButtons(
  params: ScriptParams,
  api: Api,
  initial: PayPalButtonsComponentOptions = {}
): PayPalButtonsComponent {
  let options = {...initial};
  let style = checkOptions(options);
  let frame: ButtonFrame | undefined;
  let session: CheckoutSession | undefined;
  let enabled = true;
  let destroyed = false;
  const channel = randomId();

  const isEligible = () => (options.fundingSource ?? 'paypal') === 'paypal';

  function click(): void {
    if (session) return session.focus();
    if (!enabled) {
      // PayPal still tells the merchant about the click, so it can say what is missing.
      void Promise.resolve(
        options.onClick?.(
          {fundingSource: 'paypal'},
          {resolve: async () => {}, reject: async () => {}}
        )
      ).catch(() => undefined);
      return;
    }
    const current = startCheckout({
      params,
      api,
      channel,
      options: () => options,
    });
    session = current;
    void current.done.finally(() => {
      if (session === current) session = undefined;
    });
  }

  const onInitActions: OnInitActions = {
    enable: async () => {
      enabled = true;
      frame?.post({type: 'enabled', enabled: true});
    },
    disable: async () => {
      enabled = false;
      frame?.post({type: 'enabled', enabled: false});
    },
  };

  return {
    isEligible,
    async render(container) {
      if (destroyed)
        throw new Error('Buttons were closed and cannot be rendered again');
      if (frame) throw new Error('Buttons can only be rendered once');
      if (!isEligible()) throw new Error('Instance not eligible');
      frame = mountButtonFrame({
        origin: params.origin,
        container: resolveContainer(container),
        channel,
        style,
        query: {
          'client-id': params.clientId,
          currency: params.currency,
          // PayPal's frames carry the SDK's locale as `locale.x`.
          ...(params.locale && {'locale.x': params.locale}),
        },
        cspNonce: params.cspNonce,
        onClick: click,
      });
      await frame.ready;
      options.onInit?.({}, onInitActions);
    },
    async updateProps(props) {
      const next = {...options, ...props};
      style = checkOptions(next);
      options = next;
      frame?.post({type: 'style', style});
    },
    async close() {
      destroyed = true;
      session?.close();
      frame?.destroy();
      frame = undefined;
    },
    // App-switch (returning from the PayPal app) is not part of the emulator.
    resume: () => undefined,
    hasReturned: () => false,
  };
}

/**
 * The Payment Element's frame, on the emulator's origin. The card data lives only here: the
 * parent asks for a PaymentMethod and gets back its id, never the digits (exactly the boundary
 * the real Payment Element draws, and the reason the page's own scripts are out of PCI scope).
 */
import type {StripeError} from '@stripe/stripe-js';
import {createApi} from '../api.js';
import {
  decodeFrameParams,
  envelope,
  isEnvelope,
  type FrameMessage,
  type HostMessage,
} from '../protocol.js';
import {applyAppearance} from './appearance.js';
import type {FieldName} from './card.js';
import {createCardForm, isUnitedStates, resolveLocale} from './card-form.js';

const params = decodeFrameParams(location.hash);
const form = document.getElementById('form') as HTMLFormElement;

function input(name: FieldName): HTMLInputElement {
  return document.getElementById(name) as HTMLInputElement;
}

if (!params) {
  form.hidden = true;
  const notice = document.createElement('p');
  notice.className = 'Notice';
  notice.textContent =
    'This page is the Stripe emulator’s Payment Element; it only works inside the frame Stripe.js mounts.';
  document.querySelector('main')?.append(notice);
} else {
  start(params.channel, params.origin, params.key);
}

function start(channel: string, parentOrigin: string, key: string): void {
  const api = createApi(location.origin, key);
  const rules = (
    document.getElementById('appearance-rules') as HTMLStyleElement
  ).sheet!;
  let us = isUnitedStates(params?.locale);

  function post(message: FrameMessage): void {
    window.parent.postMessage(envelope(channel, message), parentOrigin);
  }

  // Layout is read synchronously after each change we make: a ResizeObserver alone would stall
  // while Chromium throttles an off-screen cross-origin frame.
  let lastHeight = 0;
  function reportHeight(): void {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post({type: 'resize', height});
    }
  }
  new ResizeObserver(reportHeight).observe(document.body);

  function localize(locale: string | undefined): void {
    document.documentElement.lang = resolveLocale(locale);
    us = isUnitedStates(locale);
    const postal = input('postalCode');
    const label = document.querySelector(
      'label[for="postalCode"]'
    ) as HTMLLabelElement;
    label.textContent = us ? 'ZIP' : 'Postal code';
    postal.inputMode = us ? 'numeric' : 'text';
    postal.placeholder = us ? '12345' : '';
  }

  applyAppearance(params?.appearance, document.documentElement, rules);
  localize(params?.locale);

  const card = createCardForm({
    input,
    isUnitedStates: () => us,
    onLayout: reportHeight,
    onChange: ({empty, complete}) => post({type: 'change', empty, complete}),
  });

  form.addEventListener('focusin', (event) => {
    if (!form.contains(event.relatedTarget as Node | null))
      post({type: 'focus'});
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null))
      post({type: 'blur'});
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') post({type: 'escape'});
  });
  // Enter inside the frame must not navigate it (the form has no action).
  form.addEventListener('submit', (event) => event.preventDefault());

  async function createPaymentMethod(): Promise<
    {error: StripeError} | {paymentMethod: string}
  > {
    const error = card.validateAll();
    if (error) return {error};
    const result = await api.post<{id: string}>(
      '/v1/payment_methods',
      card.paymentMethodParams()
    );
    return result.error
      ? {error: result.error}
      : {paymentMethod: result.data.id};
  }

  async function handle(message: HostMessage): Promise<void> {
    switch (message.type) {
      case 'update':
        if (message.appearance) {
          applyAppearance(message.appearance, document.documentElement, rules);
        }
        if (message.locale) localize(message.locale);
        reportHeight();
        post({type: 'reply', requestId: message.requestId});
        return;
      case 'focus':
        input('number').focus();
        return;
      case 'submit':
        post({
          type: 'reply',
          requestId: message.requestId,
          error: card.validateAll(),
        });
        return;
      case 'create-payment-method':
        post({
          type: 'reply',
          requestId: message.requestId,
          ...(await createPaymentMethod()),
        });
        return;
    }
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    if (!isEnvelope<HostMessage>(event.data, channel)) return;
    void handle(event.data);
  });

  post({type: 'ready'});
  reportHeight();
}

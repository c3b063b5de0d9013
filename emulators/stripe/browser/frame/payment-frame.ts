/**
 * The Payment Element's frame, on the emulator's origin. The card data lives only here: the
 * parent asks for a PaymentMethod and gets back its id, never the digits (exactly the boundary
 * the real Payment Element draws, and the reason the page's own scripts are out of PCI scope).
 */
import type {StripeError} from '@stripe/stripe-js';
import {createApi} from '../api.js';
import {decodeFrameParams, type HostMessage} from '../protocol.js';
import {applyAppearance} from './appearance.js';
import type {FieldName} from './card.js';
import {createCardForm, isUnitedStates, resolveLocale} from './card-form.js';
import {cardLabels, directionOf} from './labels.js';
import {
  connectToParent,
  forwardFormEvents,
  showOutsideFrameNotice,
} from './element-frame.js';

const params = decodeFrameParams(location.hash);
const form = document.getElementById('form') as HTMLFormElement;

function input(name: FieldName): HTMLInputElement {
  return document.getElementById(name) as HTMLInputElement;
}

if (!params) {
  showOutsideFrameNotice(form, 'Payment Element');
} else {
  start(params.channel, params.origin, params.key);
}

function start(channel: string, parentOrigin: string, key: string): void {
  const api = createApi(location.origin, key);
  const rules = (
    document.getElementById('appearance-rules') as HTMLStyleElement
  ).sheet!;
  let us = isUnitedStates(params?.locale);

  // Layout is read synchronously after each change we make (reportHeight): a ResizeObserver
  // alone would stall while Chromium throttles an off-screen cross-origin frame.
  const {post, reportHeight} = connectToParent(
    channel,
    parentOrigin,
    (message) => void handle(message)
  );

  function localize(locale: string | undefined): void {
    const resolved = resolveLocale(locale);
    document.documentElement.lang = resolved;
    document.documentElement.dir = directionOf(resolved);
    us = isUnitedStates(locale);
    const labels = cardLabels(resolved);
    const postal = input('postalCode');
    const labelOf = (name: FieldName) =>
      document.querySelector(`label[for="${name}"]`) as HTMLLabelElement;
    labelOf('number').textContent = labels.number;
    labelOf('expiry').textContent = labels.expiry;
    labelOf('cvc').textContent = labels.cvc;
    labelOf('postalCode').textContent = us ? labels.zip : labels.postalCode;
    form.setAttribute('aria-label', labels.form);
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

  forwardFormEvents(form, post);

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

  post({type: 'ready'});
  reportHeight();
}

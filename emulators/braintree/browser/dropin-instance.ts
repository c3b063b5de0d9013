/**
 * One Drop-in, as `braintree.dropin.create` makes it: the `.braintree-*` markup in the
 * merchant's container, the card frame on the emulator's origin, PayPal's sheet when the
 * merchant asks for it (`paypal`) and has it linked, and the instance's API
 * (`requestPaymentMethod`, `isPaymentMethodRequestable`, `clearSelectedPaymentMethod`,
 * `teardown`, `on`/`off`, `updateConfiguration`) typed against `@types/braintree-web-drop-in`.
 * Runs in the browser.
 */
import type {
  Dropin,
  Options,
  PaymentMethodOptions,
  PaymentMethodPayload,
  cardPaymentMethodPayload,
} from 'braintree-web-drop-in';
import {openPopup} from '../../shared/browser/popup.js';
import {
  BraintreeError,
  DropinError,
  readAuthorization,
} from './client-token.js';
import {createMainView, type SheetId} from './main-view.js';
import {
  approveWithPaypal,
  checkPaypalOptions,
  type PaypalOptions,
} from './paypal.js';
import {
  encodeFrameParams,
  envelope,
  isEnvelope,
  type FrameMessage,
  type HostMessage,
  type PaypalAccount,
  type TokenizedCard,
} from './protocol.js';
import {verifyCard, type VerifiedCard} from './three-d-secure.js';
import {directionOf, tableFor, wordsFor} from './translations.js';

type Handler = (payload?: unknown) => void;
type Reply = Extract<FrameMessage, {type: 'reply'}>;

/** Hosted Fields' style allow-list (`hosted-fields/shared/constants.js`): the rest is dropped. */
const ALLOWED_STYLE =
  /^(-(moz|webkit|ms|o)-)?(appearance|box-shadow|color|direction|font(-\w+)*|letter-spacing|line-height|margin(-\w+)*|opacity|outline(-\w+)*|padding(-\w+)*|text-align|text-shadow|transition(-\w+)*)$/;

function allowedStyles(
  styles: unknown
): Record<string, Record<string, string>> | undefined {
  if (typeof styles !== 'object' || !styles) return undefined;
  const out: Record<string, Record<string, string>> = {};
  for (const [selector, rules] of Object.entries(styles)) {
    if (typeof rules !== 'object' || !rules) continue;
    const kept: Record<string, string> = {};
    for (const [property, value] of Object.entries(rules as object))
      if (ALLOWED_STYLE.test(property) && typeof value === 'string')
        kept[property] = value;
    out[selector] = kept;
  }
  return out;
}

function resolveContainer(options: Options): HTMLElement {
  const raw = (options as {selector?: unknown}).selector;
  const given = options.container ?? raw;
  if (!given) throw new DropinError('options.container is required.');
  if (options.container && raw)
    throw new DropinError(
      'Must only have one options.selector or options.container.'
    );
  const container =
    typeof given === 'string' ? document.querySelector(given) : given;
  if (!(container instanceof HTMLElement))
    throw new DropinError(
      'options.selector or options.container must reference a valid DOM node.'
    );
  if (container.innerHTML.trim())
    throw new DropinError(
      'options.selector or options.container must reference an empty DOM node.'
    );
  return container;
}

const STYLESHEET_ID = 'braintree-dropin-stylesheet';

/**
 * Drop-in's stylesheet, once per root: `<head>`, or the shadow root the container is in (Drop-in
 * looks for one, `isInShadowDom`). A `<link>`, as the real one adds, so a page's CSP names the
 * emulator's origin in `style-src` as it would Braintree's assets host.
 */
function addStylesheet(container: HTMLElement, emulatorOrigin: string): void {
  const root = container.getRootNode();
  const parent = root instanceof ShadowRoot ? root : document.head;
  if (parent.querySelector(`#${STYLESHEET_ID}`)) return;
  const link = document.createElement('link');
  link.id = STYLESHEET_ID;
  link.rel = 'stylesheet';
  link.href = `${emulatorOrigin}/web/dropin/fake/dropin.css`;
  // First in <head>, so the page's own rules on .braintree-* come later and win.
  parent.prepend(link);
}

/** The first opaque background at or above `node` (the page's white when there is none). */
function backgroundBehind(node: Element): string {
  for (let at: Element | null = node; at;) {
    const color = getComputedStyle(at).backgroundColor;
    if (color && !/^(transparent|rgba\(.*,\s*0\))$/.test(color)) return color;
    const root = at.getRootNode();
    at = at.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return 'rgb(255, 255, 255)';
}

/** A device-data string like braintree-web's data collector (JSON with a session id). */
function deviceData(): string {
  const id = crypto.randomUUID().replace(/-/g, '');
  return JSON.stringify({
    device_session_id: id,
    correlation_id: id.slice(0, 32),
  });
}

export async function createDropin(
  options: Options,
  scriptOrigin: string
): Promise<Dropin> {
  let emulatorOrigin = scriptOrigin;
  const container = resolveContainer(options);
  const authorization = readAuthorization(options.authorization);
  // Drop-in's frames come from the gateway's assets host, not from where its script was loaded.
  emulatorOrigin = authorization.assetsUrl ?? emulatorOrigin;
  if (options.threeDSecure && !authorization.threeDSecureEnabled)
    throw new DropinError('3D Secure is not enabled in the control panel.');
  const {code} = tableFor(options.locale);
  const translations = (options.translations ?? undefined) as
    Record<string, string> | undefined;
  const words = wordsFor(options.locale, translations);
  const cardOptions = typeof options.card === 'object' ? options.card : {};
  const threeDSecure = !!options.threeDSecure;
  const collectDevice = !!options.dataCollector;
  // PayPal's sheet needs the merchant's `paypal` and PayPal linked on the gateway
  // (`BasePayPalView.isEnabled`); without both, Drop-in leaves it out.
  const paypal: PaypalOptions | undefined =
    options.paypal && authorization.paypalEnabled
      ? {...(options.paypal as PaypalOptions)}
      : undefined;
  // `paymentOptionPriority`'s default order: the card first.
  const sheets: SheetId[] = paypal ? ['card', 'paypal'] : ['card'];

  const listeners = new Map<string, Set<Handler>>();
  const emit = (event: string, payload?: object) => {
    for (const handler of [...(listeners.get(event) ?? [])]) handler(payload);
  };

  let selected: (TokenizedCard | VerifiedCard | PaypalAccount) | undefined;
  let requestable = false;
  /** The card fields are all valid (the card frame's last `card:validityChange`). */
  let cardComplete = false;
  let torn = false;
  let requesting: Promise<PaymentMethodPayload> | undefined;

  addStylesheet(container, emulatorOrigin);
  const view = createMainView(words, directionOf(code), sheets, {
    onOption(id) {
      view.showSheetError('');
      view.showSheet(id);
      emit('paymentOptionSelected', {paymentOption: id});
      setRequestable(id === 'card' && cardComplete, false);
    },
    onToggle() {
      if (view.active === 'methods') clear();
      else {
        view.showDefault();
        setRequestable(false, false);
      }
    },
  });
  view.paypalButton.addEventListener('click', () => startPaypal());
  container.append(view.root);

  // The card frame: Hosted Fields' iframes, as one document on the emulator's origin.
  const channel = crypto.randomUUID();
  const iframe = document.createElement('iframe');
  iframe.title = words.payWithCard;
  iframe.name = `braintree-hosted-field-${channel}`;
  iframe.setAttribute('frameborder', '0');
  iframe.setAttribute('scrolling', 'no');
  iframe.allow = 'payment';
  iframe.style.cssText =
    'border: 0; display: block; width: 100%; min-width: 100%; height: 260px; overflow: hidden; background: transparent; color-scheme: normal;';
  iframe.src = `${emulatorOrigin}/web/dropin/fake/card-frame.html#${encodeFrameParams(
    {
      channel,
      origin: location.origin,
      clientApiUrl: authorization.clientApiUrl,
      authorizationFingerprint: authorization.authorizationFingerprint,
      locale: options.locale,
      translations,
      styles: allowedStyles(cardOptions.overrides?.styles),
      background: backgroundBehind(view.frameSlot),
    }
  )}`;

  let nextId = 1;
  const pending = new Map<number, (reply: Reply) => void>();
  const send = (message: HostMessage) =>
    iframe.contentWindow?.postMessage(
      envelope(channel, message),
      emulatorOrigin
    );

  let listener: (event: MessageEvent) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DropinError('All payment options failed to load.')),
      10_000
    );
    listener = (event: MessageEvent) => {
      if (
        event.origin !== emulatorOrigin ||
        event.source !== iframe.contentWindow
      )
        return;
      if (!isEnvelope<FrameMessage>(event.data, channel)) return;
      const message = event.data;
      switch (message.type) {
        case 'ready':
          clearTimeout(timer);
          resolve();
          return;
        case 'resize':
          iframe.style.height = `${message.height}px`;
          return;
        case 'reply':
          pending.get(message.requestId)?.(message);
          pending.delete(message.requestId);
          return;
        case 'card': {
          const {fields} = message.state;
          const complete = Object.values(fields).every(
            (field) => field.isValid
          );
          if (message.event === 'card:validityChange') {
            cardComplete = complete;
            if (!selected && view.active === 'card')
              setRequestable(complete, false);
          }
          emit(message.event, message.state);
          return;
        }
      }
    };
    window.addEventListener('message', listener);
  });
  view.frameSlot.append(iframe);

  function setRequestable(now: boolean, isSelected: boolean): void {
    if (now === requestable && !isSelected) return;
    requestable = now;
    if (now)
      emit('paymentMethodRequestable', {
        type: selected?.type ?? 'CreditCard',
        paymentMethodIsSelected: isSelected,
      });
    else emit('noPaymentMethodRequestable');
  }

  /** The PayPal button: the approval window opens now, on the click, before anything else. */
  function startPaypal(): void {
    if (!paypal || torn) return;
    view.showSheetError('');
    try {
      checkPaypalOptions(paypal);
    } catch {
      view.showSheetError(words.paypalFlowFailedError);
      return;
    }
    const popup = openPopup('braintree-paypal');
    if (!popup) {
      view.showSheetError(words.paypalFlowFailedError);
      return;
    }
    view.setLoading(true);
    approveWithPaypal({
      popup,
      authorization,
      paypal,
      emulatorOrigin,
      locale: options.locale,
      translations,
    }).then(
      (account) => {
        view.setLoading(false);
        if (torn) return;
        if (!account) {
          // The buyer cancelled: back on PayPal's sheet, as before the click.
          view.paypalButton.focus();
          return;
        }
        selected = account;
        view.showMethod(account);
        // The button the focus was on is gone: the chosen account is where the buyer is now.
        view.root.querySelector<HTMLElement>('.braintree-method')?.focus();
        setRequestable(true, true);
      },
      (error: unknown) => {
        view.setLoading(false);
        if (torn) return;
        view.showSheetError(
          error instanceof BraintreeError &&
            error.code === 'PAYPAL_ACCOUNT_TOKENIZATION_FAILED'
            ? words.paypalAccountTokenizationFailedError
            : words.paypalFlowFailedError
        );
        view.paypalButton.focus();
      }
    );
  }

  function tokenize(): Promise<Reply> {
    const requestId = nextId++;
    return new Promise((resolve) => {
      pending.set(requestId, resolve);
      send({type: 'tokenize', requestId});
    });
  }

  function clear(): void {
    selected = undefined;
    view.showDefault();
    view.showSheetError('');
    send({type: 'clear'});
    setRequestable(false, false);
  }

  function payloadOf(
    chosen: TokenizedCard | VerifiedCard | PaypalAccount
  ): PaymentMethodPayload {
    if (chosen.type === 'PayPalAccount') {
      // The account is not vaulted: a one-time checkout.
      const payload = {...chosen, vaulted: false} as PaymentMethodPayload;
      if (collectDevice) payload.deviceData = deviceData();
      return payload;
    }
    const card = chosen;
    const payload: cardPaymentMethodPayload & {description: string} = {
      nonce: card.nonce,
      details: card.details,
      description: card.description,
      type: 'CreditCard',
      binData: card.binData as never,
      vaulted: false,
    };
    if ('liabilityShifted' in card) {
      payload.liabilityShifted = card.liabilityShifted;
      payload.liabilityShiftPossible = card.liabilityShiftPossible;
      payload.threeDSecureInfo = card.threeDSecureInfo as never;
    }
    if (collectDevice) payload.deviceData = deviceData();
    return payload;
  }

  async function request(
    requestOptions?: PaymentMethodOptions
  ): Promise<PaymentMethodPayload> {
    if (torn) throw new DropinError('Drop-in has been torn down.');
    await ready;
    if (!selected && view.active !== 'card') {
      // Nothing chosen yet (the list), or PayPal's sheet without its button pressed.
      if (view.active === 'paypal')
        view.showSheetError(words.paypalButtonMustBeUsed);
      throw new DropinError('No payment method is available.');
    }
    if (!selected) {
      view.showSheetError('');
      view.setLoading(true);
      let reply: Reply;
      try {
        reply = await tokenize();
      } finally {
        view.setLoading(false);
      }
      if (!reply.card) {
        view.showSheetError(reply.error?.message ?? words.genericError);
        throw new DropinError('No payment method is available.');
      }
      selected = reply.card;
      // Drop-in clears the fields once it has the nonce (clearFieldsAfterTokenization).
      if (cardOptions.clearFieldsAfterTokenization !== false)
        send({type: 'clear'});
      view.showMethod(reply.card);
      setRequestable(true, true);
    }
    const card = selected;
    // 3-D Secure is for cards: a PayPal account is PayPal's to check.
    if (
      threeDSecure &&
      card.type === 'CreditCard' &&
      !('liabilityShifted' in card)
    ) {
      view.setLoading(true);
      try {
        selected = await verifyCard({
          card,
          authorization,
          verify: {
            ...(typeof options.threeDSecure === 'object' &&
              options.threeDSecure),
            ...requestOptions?.threeDSecure,
          } as never,
          emulatorOrigin,
          locale: options.locale,
          translations,
          words,
          emit,
        });
        view.showMethod(selected);
      } catch (error) {
        clear();
        throw new DropinError(
          'Something went wrong during 3D Secure authentication. Please try again.',
          error as never
        );
      } finally {
        view.setLoading(false);
      }
    }
    return payloadOf(selected!);
  }

  await ready.catch((error: unknown) => {
    window.removeEventListener('message', listener);
    view.root.remove();
    throw error;
  });

  const instance = {
    requestPaymentMethod(
      optionsOrCallback?: PaymentMethodOptions | ((...args: unknown[]) => void),
      callback?: (...args: unknown[]) => void
    ) {
      const done =
        typeof optionsOrCallback === 'function' ? optionsOrCallback : callback;
      const given =
        typeof optionsOrCallback === 'function' ? undefined : optionsOrCallback;
      // One request at a time, as Drop-in's 3-D Secure needs: a second call gets the first's.
      requesting ??= request(given).finally(() => (requesting = undefined));
      const result = requesting;
      if (!done) return result;
      result.then(
        (payload) => done(null, payload),
        (error: unknown) => done(error)
      );
      return undefined;
    },
    isPaymentMethodRequestable: () => !torn && requestable,
    clearSelectedPaymentMethod: () => {
      if (!torn) clear();
    },
    on(event: string, handler: Handler) {
      const set = listeners.get(event) ?? new Set();
      set.add(handler);
      listeners.set(event, set);
    },
    off(event: string, handler: Handler) {
      listeners.get(event)?.delete(handler);
    },
    updateConfiguration(property: string, key: string, value: unknown) {
      // PayPal's options but `offerCredit` and `locale` (BasePayPalView's read-only ones); the
      // fake has no Apple Pay or Google Pay to update.
      if (
        property === 'paypal' &&
        paypal &&
        !['offerCredit', 'locale'].includes(key)
      )
        (paypal as Record<string, unknown>)[key] = value;
    },
    teardown(callback?: (error: object | null | undefined) => void) {
      if (!torn) {
        torn = true;
        window.removeEventListener('message', listener);
        pending.clear();
        listeners.clear();
        view.root.remove();
      }
      if (callback) {
        callback(null);
        return undefined;
      }
      return Promise.resolve();
    },
  };
  return instance as unknown as Dropin;
}

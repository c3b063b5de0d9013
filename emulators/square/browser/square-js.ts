/**
 * The emulator's Web Payments SDK, served at `GET /v1/square.js` (S2's routes bundle it). It
 * defines `window.Square` as `@square/web-payments-sdk-types`' `Square`, so that the widget
 * cannot call anything the real SDK lacks: a synchronous `payments(applicationId, locationId)`
 * that checks the application id as Square does, and a `Payments` with `card()`,
 * `verifyBuyer()` and `setLocale()`. The other payment methods (Google Pay, Apple Pay, ACH,
 * gift cards, Afterpay, Cash App Pay) reject with `PaymentMethodUnsupportedError`. Its frames
 * and calls go to the origin it was loaded from; `@square/web-sdk`'s loader
 * (`payments(appId, locationId, {scriptSrc})`) finds `window.Square` once the script has run.
 */
import type {
  Payments,
  SetLocaleResult,
  Square,
} from '@square/web-payments-sdk-types';
import {checkStyle, createCard, type EmulatedCard} from './card.js';
import {
  ApplicationIdEnvironmentMismatchError,
  InvalidApplicationIdError,
  InvalidOptionError,
  PaymentMethodUnsupportedError,
  WebSdkEmbedError,
  publicErrors,
} from './errors.js';
import {verifyBuyer, type SdkContext} from './verify-buyer.js';
import {supportedLanguage} from './words.js';

/** The origin square.js was served from: the emulator's (its frames and API live there). */
function scriptOrigin(): string {
  const script = document.currentScript as HTMLScriptElement | null;
  try {
    if (script?.src) return new URL(script.src).origin;
  } catch {
    // Fall through.
  }
  return location.origin;
}

const origin = scriptOrigin();

/** The SDK's start locale: the browser's language when it is spoken, else en-US. */
function startLocale(): string {
  const browser = navigator.language;
  return supportedLanguage(browser) ? browser : 'en-US';
}

function unsupported(method: string): Promise<never> {
  return Promise.reject(
    new PaymentMethodUnsupportedError(
      {type: 'UNSUPPORTED', message: `${method} is not emulated.`},
      method
    )
  );
}

function payments(applicationId: string, locationId?: string): Payments {
  // Sandbox ids begin `sandbox-sq0idb-`, production ones `sq0idp-` (square/web-sdk); the
  // emulator is a sandbox, so a production id is the environment mismatch Square reports.
  if (
    typeof applicationId !== 'string' ||
    !/^(sandbox-sq0idb-|sq0idp-)[A-Za-z0-9_-]+$/.test(applicationId)
  )
    throw new InvalidApplicationIdError();
  if (applicationId.startsWith('sq0idp-'))
    throw new ApplicationIdEnvironmentMismatchError();
  if (
    locationId !== undefined &&
    (typeof locationId !== 'string' || locationId === '')
  )
    throw new InvalidOptionError('locationId');

  let locale = startLocale();
  const cards = new Set<EmulatedCard>();
  const sdk: SdkContext = {
    origin,
    applicationId,
    locationId,
    locale: () => locale,
  };

  return {
    async card(options = {}) {
      if (!window.isSecureContext) throw new WebSdkEmbedError();
      if (typeof options !== 'object' || options === null)
        throw new InvalidOptionError('options');
      checkStyle(options.style);
      if (
        options.postalCode !== undefined &&
        typeof options.postalCode !== 'string'
      )
        throw new InvalidOptionError('postalCode');
      const card = createCard(sdk, options);
      cards.add(card);
      const destroy = card.destroy.bind(card);
      card.destroy = async () => {
        cards.delete(card);
        return destroy();
      };
      return card;
    },
    verifyBuyer(source, details) {
      return verifyBuyer(sdk, source, details);
    },
    async setLocale(next): Promise<SetLocaleResult> {
      const previousLocale = locale;
      // Square: a language it does not speak is a no-op.
      if (!supportedLanguage(next)) {
        return {
          previousLocale,
          newLocale: previousLocale,
          message: `The locale '${String(next)}' is not supported; the locale is unchanged.`,
        };
      }
      locale = next;
      for (const card of cards) card.setLocale(locale);
      return {previousLocale, newLocale: locale};
    },
    paymentRequest() {
      throw new PaymentMethodUnsupportedError(
        {type: 'UNSUPPORTED', message: 'Payment requests are not emulated.'},
        'paymentRequest'
      );
    },
    googlePay: () => unsupported('Google Pay'),
    applePay: () => unsupported('Apple Pay'),
    ach: () => unsupported('ACH'),
    giftCard: () => unsupported('Gift Card'),
    afterpayClearpay: () => unsupported('Afterpay/Clearpay'),
    cashAppPay: () => unsupported('Cash App Pay'),
  };
}

const square: Square = {errors: publicErrors, payments};

window.Square = square;

/**
 * `payments.card()`'s `Card`, seen from the shop's page: the card frame (an iframe on the
 * emulator's origin, in Square's `.sq-card-wrapper`) and a channel to it. Every method follows
 * `@square/web-payments-sdk-types`' `Card`, with the errors its JSDoc names: not attached,
 * already attached, destroyed, a bad element, field or style. Input events from the frame are
 * re-dispatched as `SqEvent`s to the listeners added here.
 */
import type {
  Card,
  CardFieldNamesValues,
  CardInputEvent,
  CardInputEventTypesValues,
  CardOptions,
  ChargeCardVerificationDetails,
  SqEvent,
  StoreCardVerificationDetails,
  TokenResult,
} from '@square/web-payments-sdk-types';
import {openFrame, type FrameLink} from './card-frame-host.js';
import {FIELDS} from './card-rules.js';
import {styleProblems} from './card-style.js';
import {
  ElementNotFoundError,
  InvalidElementTypeError,
  InvalidEventListenerCallbackError,
  InvalidFieldNameError,
  InvalidInputStylePropertyError,
  InvalidInputStyleSelectorError,
  InvalidInputStyleValueError,
  InvalidOptionError,
  InvalidStylesError,
  PaymentMethodAlreadyAttachedError,
  PaymentMethodAlreadyDestroyedError,
  PaymentMethodNotAttachedError,
} from './errors.js';
import type {SdkContext} from './verify-buyer.js';
import {verifyForToken} from './verify-buyer.js';
import {squareWords} from './words.js';

type Listener = (event: SqEvent<CardInputEvent>) => void;

const ALLOWED_ELEMENTS = new Set(['div', 'span']);
const EVENT_TYPES = new Set<string>([
  'focusClassAdded',
  'focusClassRemoved',
  'errorClassAdded',
  'errorClassRemoved',
  'cardBrandChanged',
  'postalCodeChanged',
  'escape',
  'submit',
]);

/** `SqEvent` is a declared class in the types: this is its runtime shape. */
class CardEvent {
  constructor(
    readonly type: string,
    readonly detail: CardInputEvent
  ) {}
}

/** The style option's problems as Square's errors (`attach`'s InvalidInputStyle…Error). */
export function checkStyle(style: unknown): void {
  const problems = styleProblems(style);
  if (problems.length === 0) return;
  throw new InvalidStylesError(
    problems.map((problem) =>
      problem.kind === 'selector'
        ? new InvalidInputStyleSelectorError(problem.selector)
        : problem.kind === 'property'
          ? new InvalidInputStylePropertyError(problem.property)
          : new InvalidInputStyleValueError(problem.property, problem.value)
    )
  );
}

export interface EmulatedCard extends Card {
  /** `payments.setLocale()` reaches every card of its Payments. */
  setLocale(locale: string): void;
}

export function createCard(
  sdk: SdkContext,
  initial: CardOptions
): EmulatedCard {
  let options: CardOptions = {...initial};
  let destroyed = false;
  let frame: FrameLink | undefined;
  const listeners = new Map<string, Set<Listener>>();

  function dispatch(event: CardInputEvent): void {
    const sqEvent = new CardEvent(
      event.eventType,
      event
    ) as unknown as SqEvent<CardInputEvent>;
    for (const listener of listeners.get(event.eventType) ?? []) {
      try {
        listener(sqEvent);
      } catch (error) {
        console.error(error);
      }
    }
  }

  function live(): FrameLink {
    if (destroyed) throw new PaymentMethodAlreadyDestroyedError('Card');
    if (!frame) throw new PaymentMethodNotAttachedError('Card');
    return frame;
  }

  function checkField(field: unknown): asserts field is CardFieldNamesValues {
    if (!FIELDS.includes(field as CardFieldNamesValues))
      throw new InvalidFieldNameError(String(field));
  }

  const card: EmulatedCard = {
    async attach(selectorOrElement) {
      if (destroyed) throw new PaymentMethodAlreadyDestroyedError('Card');
      if (frame) throw new PaymentMethodAlreadyAttachedError('Card');
      const element = findElement(selectorOrElement);
      checkStyle(options.style);
      frame = openFrame(sdk, element, options, dispatch);
      try {
        await frame.ready;
      } catch (error) {
        frame.close();
        frame = undefined;
        throw error;
      }
    },
    async configure(next) {
      const link = live();
      if (typeof next !== 'object' || next === null)
        throw new InvalidOptionError('options');
      try {
        checkStyle(next.style);
      } catch {
        throw new InvalidOptionError('style');
      }
      options = {...options, ...next};
      link.post({
        type: 'configure',
        style: next.style,
        postalCode: next.postalCode,
      });
    },
    async destroy() {
      if (destroyed) return false;
      destroyed = true;
      frame?.close();
      frame = undefined;
      listeners.clear();
      return true;
    },
    async detach() {
      if (destroyed) throw new PaymentMethodAlreadyDestroyedError('Card');
      if (!frame) return false;
      frame.close();
      frame = undefined;
      return true;
    },
    recalculateSize() {
      live().post({type: 'measure'});
    },
    async focus(field) {
      checkField(field);
      const link = live();
      link.iframe.focus();
      await link.request({type: 'focus', field});
      return true;
    },
    async clear() {
      await live().request({type: 'clear'});
      return true;
    },
    async setError(field) {
      checkField(field);
      await live().request({type: 'set-error', field});
      return true;
    },
    async tokenize(
      verificationDetails?:
        ChargeCardVerificationDetails | StoreCardVerificationDetails,
      cofToken?: string
    ): Promise<TokenResult> {
      const link = live();
      if (cofToken !== undefined) {
        return {
          status: 'Error',
          errors: [
            {type: 'UNSUPPORTED', message: 'Cards on file are not emulated.'},
          ],
        };
      }
      const reply = await link.request({type: 'tokenize'});
      const result = reply.result ?? {status: 'Unknown'};
      // The new SCA flow: tokenize(verificationDetails) verifies the buyer before it answers.
      if (result.status !== 'OK' || verificationDetails === undefined)
        return result;
      return verifyForToken(sdk, result, verificationDetails);
    },
    addEventListener(eventType: CardInputEventTypesValues, callback: Listener) {
      if (destroyed) throw new PaymentMethodAlreadyDestroyedError('Card');
      if (typeof callback !== 'function')
        throw new InvalidEventListenerCallbackError(
          eventType,
          'the callback must be a function'
        );
      if (!EVENT_TYPES.has(eventType)) return;
      let set = listeners.get(eventType);
      if (!set) listeners.set(eventType, (set = new Set()));
      set.add(callback);
    },
    removeEventListener(
      eventType: CardInputEventTypesValues,
      callback: Listener
    ) {
      if (destroyed) throw new PaymentMethodAlreadyDestroyedError('Card');
      listeners.get(eventType)?.delete(callback);
    },
    setLocale(locale) {
      if (!frame) return;
      frame.iframe.title = squareWords(locale).frameTitle;
      frame.post({type: 'locale', locale});
    },
  };
  return card;
}

function findElement(target: string | HTMLElement): HTMLElement {
  let element: Element | null = null;
  if (typeof target === 'string') {
    try {
      element = document.querySelector(target);
    } catch {
      element = null;
    }
  } else if (target instanceof HTMLElement) {
    element = target;
  }
  if (!(element instanceof HTMLElement)) throw new ElementNotFoundError(target);
  if (!ALLOWED_ELEMENTS.has(element.localName))
    throw new InvalidElementTypeError(element, ALLOWED_ELEMENTS);
  return element;
}

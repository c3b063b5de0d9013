/**
 * A fake Web Payments SDK for the widget tests (answers `window.Square`). The seam is the real
 * one the element uses in emulator mode: the fake server's config names
 * `providers.square.sdkUrl` (an empty `data:` script), the element injects it and then calls
 * `window.Square.payments(appId, locationId)` (set by the test to this fake).
 */
import type {
  CardClassSelectors,
  ChargeVerifyBuyerDetails,
  TokenResult,
  VerifyBuyerResponseDetails,
} from '@square/web-payments-sdk-types';

/** One `payments.card(options)` of the fake SDK. */
export interface FakeCard {
  /** The Payments object's location. */
  locationId: string | undefined;
  style: CardClassSelectors | undefined;
  /** Every `configure({style})` since. */
  configured: CardClassSelectors[];
  attachedTo?: HTMLElement;
  destroyed: boolean;
}

/**
 * The subset of the Web Payments SDK the element uses, recording every call. The card form is
 * a plain labelled input mounted into the node it is attached to (the real one is an iframe on
 * Square's origin); `tokenize()` answers `tokenResult`, `verifyBuyer()` answers `verifyResult`
 * (or rejects with it, when it is an Error).
 */
export class FakeSquare {
  /** Every `Square.payments(applicationId, locationId)`. */
  payments: {applicationId: string; locationId: string | undefined}[] = [];
  cards: FakeCard[] = [];
  /** Every `payments.setLocale(locale)`. */
  locales: string[] = [];
  tokenizes = 0;
  /** Every `verifyBuyer(source, details)`. */
  verifications: {source: string; details: ChargeVerifyBuyerDetails}[] = [];
  /** Every `card.focus(field)`. */
  focused: string[] = [];
  tokenResult: TokenResult = {
    status: 'OK',
    token: 'cnon:card-nonce-ok',
    details: {
      method: 'Card',
      card: {
        brand: 'VISA' as never,
        last4: '1111',
        expMonth: 12,
        expYear: 2034,
      },
    },
  };
  /** null: no verification needed (Square's answer outside SCA). */
  verifyResult: VerifyBuyerResponseDetails | null | Error = null;
  /** Set: `payments.card()` rejects with it when given a style (as Square's InvalidStylesError). */
  styleError?: Error;
  /** Resolves tokenize() only when released (to observe the in-flight state). */
  tokenizeGate?: Promise<void>;

  install(): this {
    installed.fake = this;
    window.Square = stableSquare as unknown as typeof window.Square;
    // For a test that lets the element load square.js: FAKE_SQUARE_LOADER defines it from here.
    (window as unknown as {__payFakeSquare: unknown}).__payFakeSquare =
      stableSquare;
    return this;
  }

  restore(): void {
    installed.fake = undefined;
    delete window.Square;
  }

  /** The card form on screen (the last attached, not destroyed). */
  get current(): FakeCard {
    const live = this.cards.filter(
      (card) => card.attachedTo && !card.destroyed
    );
    if (!live.length) throw new Error('No Square card attached');
    return live.at(-1)!;
  }

  create(applicationId: string, locationId: string | undefined) {
    this.payments.push({applicationId, locationId});
    return {
      setLocale: async (locale: string) => {
        this.locales.push(locale);
        return {previousLocale: 'en-US', newLocale: locale};
      },
      card: async (options?: {style?: CardClassSelectors}) => {
        if (options?.style && this.styleError) throw this.styleError;
        const record: FakeCard = {
          locationId,
          style: options?.style,
          configured: [],
          destroyed: false,
        };
        this.cards.push(record);
        return this._card(record);
      },
      verifyBuyer: async (
        source: string,
        details: ChargeVerifyBuyerDetails
      ) => {
        this.verifications.push({source, details});
        if (this.verifyResult instanceof Error) throw this.verifyResult;
        return this.verifyResult;
      },
    };
  }

  private _card(record: FakeCard) {
    let node: HTMLElement | undefined;
    return {
      attach: async (target: HTMLElement) => {
        record.attachedTo = target;
        node = document.createElement('div');
        node.className = 'fake-square-card';
        node.innerHTML =
          '<label>Card number <input name="cardNumber" autocomplete="cc-number"></label>';
        target.append(node);
      },
      configure: async (options: {style?: CardClassSelectors}) => {
        if (options.style) record.configured.push(options.style);
      },
      tokenize: async () => {
        this.tokenizes++;
        await this.tokenizeGate;
        return this.tokenResult;
      },
      focus: async (field: string) => {
        this.focused.push(field);
        return true;
      },
      destroy: async () => {
        record.destroyed = true;
        node?.remove();
        return true;
      },
    };
  }
}

const installed: {fake?: FakeSquare} = {};

// One stable global for the whole run (square.js is loaded once per page), so per-test fakes
// are reached through `installed`.
const stableSquare = {
  payments(applicationId: string, locationId?: string) {
    if (!installed.fake) throw new Error('No FakeSquare installed');
    return installed.fake.create(applicationId, locationId);
  },
  errors: {},
};

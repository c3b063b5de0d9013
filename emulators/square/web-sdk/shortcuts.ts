/**
 * What the card form and verifyBuyer do, without a browser: for server tests that need a card
 * token (`cnon:`) or a verification (`verf:`) the way the Web Payments SDK would make them.
 * They go through the same checks as the browser's requests (card-nonces.ts, verifications.ts).
 */
import type {Core, Location} from '../core/state.js';
import {createCardNonce} from './card-nonces.js';
import {completeVerification, createVerification} from './verifications.js';

/** A card as typed into the card form. */
export interface TestCardInput {
  number?: string;
  /** `MM/YY`; default 12 of three years on. */
  expirationDate?: string;
  /** Default 111, or 1111 for a 15-digit American Express number. */
  cvv?: string;
  /** Default a valid one in the location's country where one is needed. */
  postalCode?: string;
  /** Which location's card form; default the main location's currency. */
  currency?: string;
}

const POSTAL_CODES: Readonly<Record<string, string>> = {
  US: '94103',
  CA: 'K1A 0B1',
  GB: 'SW1A 1AA',
};

function locationFor(core: Core, currency: string | undefined): Location {
  const all = [...core.locations.values()];
  const location =
    currency === undefined ? all[0] : all.find((l) => l.currency === currency);
  if (!location) throw new RangeError(`no location takes ${currency}`);
  return location;
}

export function browserShortcuts(core: Core) {
  return {
    cardNonce(card: TestCardInput = {}): string {
      const year = (new Date(core.now()).getUTCFullYear() + 3) % 100;
      const location = locationFor(core, card.currency);
      const amex = card.number?.startsWith('3') && card.number.length === 15;
      const result = createCardNonce(core, {
        applicationId: core.applicationId,
        locationId: location.id,
        cardNumber: card.number ?? '4111111111111111',
        expirationDate:
          card.expirationDate ?? `12/${String(year).padStart(2, '0')}`,
        cvv: card.cvv ?? (amex ? '1111' : '111'),
        postalCode: card.postalCode ?? POSTAL_CODES[location.country] ?? '',
      });
      if (result.status !== 200)
        throw new Error(`card refused: ${JSON.stringify(result.body)}`);
      return (result.body as {token: string}).token;
    },

    verifyBuyer(
      source: string,
      details: {amount: string; currency?: string}
    ): {token: string; challenge: boolean} {
      const location = locationFor(core, details.currency);
      const result = createVerification(core, {
        token: source,
        applicationId: core.applicationId,
        locationId: location.id,
        details: {
          amount: details.amount,
          currencyCode: location.currency,
          intent: 'CHARGE',
          billingContact: {givenName: 'Test', familyName: 'Buyer'},
        },
      });
      if (result.status !== 200)
        throw new Error(`verification refused: ${JSON.stringify(result.body)}`);
      const {token, challenge} = result.body as {
        token: string;
        challenge: boolean;
      };
      return {token, challenge};
    },

    completeVerification(token: string, outcome: 'pass' | 'fail'): void {
      const result = completeVerification(core, token, {outcome});
      if (result.status !== 200)
        throw new Error(
          `verification not completed: ${JSON.stringify(result.body)}`
        );
    },
  };
}

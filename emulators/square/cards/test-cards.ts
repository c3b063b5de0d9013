/**
 * Square's sandbox test values (developer.squareup.com/docs/devtools/sandbox/payments and
 * /docs/testing/test-values): the cards the card form takes, the inputs that make a payment
 * fail, and the payment tokens (`source_id`) that stand for a card without a browser. The
 * sandbox refuses real cards; so does the emulator (any number not listed here).
 */
import type {CardBrand} from '../core/types.js';

/** How the card behaves under buyer verification (SCA). */
export type Verification = 'none' | 'frictionless' | 'challenge';

export interface TestCard {
  number: string;
  brand: CardBrand;
  cvvLength: 3 | 4;
  /** `none`: verifyBuyer passes at once and a payment needs no verification token. */
  verification: Verification;
  /** A decline the card causes whatever else is entered. */
  decline?: string;
  cardType: 'CREDIT' | 'DEBIT';
}

const card = (
  number: string,
  brand: CardBrand,
  extra: Partial<TestCard> = {}
): TestCard => ({
  number,
  brand,
  cvvLength: brand === 'AMERICAN_EXPRESS' ? 4 : 3,
  verification: 'none',
  cardType: 'CREDIT',
  ...extra,
});

export const TEST_CARDS: readonly TestCard[] = [
  card('4111111111111111', 'VISA'),
  card('5105105105105100', 'MASTERCARD'),
  card('6011000000000004', 'DISCOVER'),
  card('30000000000004', 'DISCOVER_DINERS'),
  card('3569990010095841', 'JCB'),
  card('340000000000009', 'AMERICAN_EXPRESS'),
  card('6222988812340000', 'CHINA_UNIONPAY'),
  // The EU cards of /docs/testing/test-values: buyer verification with a challenge whose
  // code is 123456 (it stands for the SMS code the bank would send).
  card('4310000000201019', 'VISA', {verification: 'challenge'}),
  card('5500000000201016', 'MASTERCARD', {verification: 'challenge'}),
  card('6011000000201016', 'DISCOVER', {verification: 'challenge'}),
  card('370000000201014', 'AMERICAN_EXPRESS', {verification: 'challenge'}),
  // "No Challenge" (docs/web-payments/sca): verified without asking the buyer.
  card('4800000000000004', 'VISA', {verification: 'frictionless'}),
  // "Card declined number" (the sandbox's error-state values).
  card('4000000000000002', 'VISA', {decline: 'GENERIC_DECLINE'}),
];

/** The code the challenge window takes for the EU cards. */
export const CHALLENGE_CODE = '123456';

/** Form inputs that make the payment fail ("Card-not-present error state values"). */
export const ERROR_CVV = '911';
export const ERROR_POSTAL_CODE = '99999';
export const ERROR_EXPIRATION = {month: 1, year: 2040} as const;

export function findTestCard(number: string): TestCard | undefined {
  return TEST_CARDS.find((c) => c.number === number);
}

/** What a sandbox payment token stands for ("Payment tokens for testing the Payments API"). */
export interface SandboxNonce {
  card: TestCard;
  /** The decline CreatePayment answers with; `CARD_TOKEN_USED` for the already-used token. */
  outcome?: string;
  /** Needs a verification token (verifyBuyer challenges it). */
  requiresVerification?: boolean;
}

const visa = TEST_CARDS[0]!;

export const SANDBOX_NONCES: Readonly<Record<string, SandboxNonce>> = {
  'cnon:card-nonce-ok': {card: visa},
  'cnon:card-nonce-declined': {card: visa, outcome: 'GENERIC_DECLINE'},
  'cnon:card-nonce-rejected-cvv': {card: visa, outcome: 'CVV_FAILURE'},
  'cnon:card-nonce-rejected-postalcode': {
    card: visa,
    outcome: 'ADDRESS_VERIFICATION_FAILURE',
  },
  'cnon:card-nonce-rejected-expiration': {
    card: visa,
    outcome: 'INVALID_EXPIRATION',
  },
  'cnon:card-nonce-already-used': {card: visa, outcome: 'CARD_TOKEN_USED'},
  // "To force a verification challenge in the Sandbox, set the token to
  // cnon:card-nonce-requires-verification" (square/web-payments-quickstart).
  'cnon:card-nonce-requires-verification': {
    card: visa,
    requiresVerification: true,
  },
};

/** Luhn's check, which every test card passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

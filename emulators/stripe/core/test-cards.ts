/**
 * Stripe's test cards and test PaymentMethods, with the outcomes docs.stripe.com/testing
 * documents for them. Anything that is not a test card is refused as Stripe's test mode does.
 */

export interface Decline {
  code: string;
  declineCode: string;
  message: string;
}

export interface TestCard {
  number: string;
  brand: string;
  funding: 'credit' | 'debit' | 'prepaid';
  country: string;
  /** 3-D Secure is required before the payment can go through. */
  threeDSecure: boolean;
  /** How the charge ends (after authentication, when it is required). */
  decline: Decline | null;
}

const GENERIC: Decline = {
  code: 'card_declined',
  declineCode: 'generic_decline',
  message: 'Your card was declined.',
};
const INSUFFICIENT_FUNDS: Decline = {
  code: 'card_declined',
  declineCode: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
};
const LOST: Decline = {
  code: 'card_declined',
  declineCode: 'lost_card',
  message: GENERIC.message,
};
const STOLEN: Decline = {
  code: 'card_declined',
  declineCode: 'stolen_card',
  message: GENERIC.message,
};
const EXPIRED: Decline = {
  code: 'expired_card',
  declineCode: 'expired_card',
  message: 'Your card has expired.',
};
const INCORRECT_CVC: Decline = {
  code: 'incorrect_cvc',
  declineCode: 'incorrect_cvc',
  message: "Your card's security code is incorrect.",
};
const PROCESSING_ERROR: Decline = {
  code: 'processing_error',
  declineCode: 'processing_error',
  message:
    'An error occurred while processing your card. Try again in a little bit.',
};

type Behaviour = Partial<
  Pick<TestCard, 'funding' | 'threeDSecure' | 'decline'>
>;

const CARDS: Record<string, Behaviour> = {
  // Succeed.
  '4242424242424242': {},
  '4000056655665556': {funding: 'debit'},
  '5555555555554444': {},
  '2223003122003222': {},
  '5200828282828210': {funding: 'debit'},
  '5105105105105100': {funding: 'prepaid'},
  '378282246310005': {},
  '371449635398431': {},
  '6011111111111117': {},
  '3056930009020004': {},
  '3566002020360505': {},
  '6200000000000005': {},
  // Declined when charged.
  '4000000000000002': {decline: GENERIC},
  '4000000000009995': {decline: INSUFFICIENT_FUNDS},
  '4000000000009987': {decline: LOST},
  '4000000000009979': {decline: STOLEN},
  '4000000000000069': {decline: EXPIRED},
  '4000000000000127': {decline: INCORRECT_CVC},
  '4000000000000119': {decline: PROCESSING_ERROR},
  // 3-D Secure.
  '4000002500003155': {threeDSecure: true},
  '4000002760003184': {threeDSecure: true},
  '4000000000003220': {threeDSecure: true},
  '4000000000003063': {threeDSecure: true},
  '4000008260003178': {threeDSecure: true, decline: INSUFFICIENT_FUNDS},
};

/** Stripe's test PaymentMethod ids, usable wherever a `pm_…` id is. */
const PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_mastercard_debit: '5200828282828210',
  pm_card_mastercard_prepaid: '5105105105105100',
  pm_card_amex: '378282246310005',
  pm_card_discover: '6011111111111117',
  pm_card_diners: '3056930009020004',
  pm_card_jcb: '3566002020360505',
  pm_card_unionpay: '6200000000000005',
  pm_card_us: '4242424242424242',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedLostCard: '4000000000009987',
  pm_card_chargeDeclinedStolenCard: '4000000000009979',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
  pm_card_authenticationRequired: '4000002760003184',
  pm_card_authenticationRequiredOnSetup: '4000002500003155',
  pm_card_threeDSecure2Required: '4000000000003220',
  pm_card_authenticationRequiredChargeDeclinedInsufficientFunds:
    '4000008260003178',
};

export function testPaymentMethodNumber(id: string): string | undefined {
  return Object.hasOwn(PAYMENT_METHODS, id) ? PAYMENT_METHODS[id] : undefined;
}

export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function brandOf(number: string): string {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(6011|64[4-9]|65)/.test(number)) return 'discover';
  if (/^3(0[0-5]|[689])/.test(number)) return 'diners';
  if (/^35/.test(number)) return 'jcb';
  if (/^62/.test(number)) return 'unionpay';
  return 'unknown';
}

/** The test card for a number, or `undefined` for a number that is not one of Stripe's. */
export function testCard(number: string): TestCard | undefined {
  const behaviour = Object.hasOwn(CARDS, number) ? CARDS[number] : undefined;
  if (!behaviour) return undefined;
  return {
    number,
    brand: brandOf(number),
    funding: behaviour.funding ?? 'credit',
    country: 'US',
    threeDSecure: behaviour.threeDSecure ?? false,
    decline: behaviour.decline ?? null,
  };
}

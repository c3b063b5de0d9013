/** Everything the emulator remembers, in memory: nonces, transactions, disputes, notifications. */
import type {
  CardOutcome,
  CardType,
  GatewayRejectionReason,
  ThreeDSecureStatus,
} from './cards.js';

export type TransactionStatus =
  | 'authorized'
  | 'submitted_for_settlement'
  | 'settling'
  | 'settled'
  | 'settlement_pending'
  | 'settlement_confirmed'
  | 'settlement_declined'
  | 'voided'
  | 'processor_declined'
  | 'gateway_rejected'
  | 'failed';

/** `payment-instrument-type` of a transaction. */
export type InstrumentType =
  | 'credit_card'
  | 'paypal_account'
  | 'apple_pay_card'
  | 'android_pay_card'
  | 'venmo_account';

export type Indicator = 'Yes' | 'No' | 'Unknown';

export interface CardDetails {
  bin: string;
  last4: string;
  cardType: CardType;
  expirationMonth: string;
  expirationYear: string;
  cardholderName: string | null;
  postalCode: string | null;
  prepaid: Indicator;
  debit: Indicator;
  commercial: Indicator;
  healthcare: Indicator;
  payroll: Indicator;
  durbinRegulated: Indicator;
  countryOfIssuance: string;
  issuingBank: string;
  productId: string;
}

export interface ThreeDSecureResult {
  status: ThreeDSecureStatus | string;
  liabilityShifted: boolean;
  liabilityShiftPossible: boolean;
  enrolled: 'Y' | 'N' | 'U' | 'B';
  version: string;
  authenticationId: string;
  cavv: string | null;
  eciFlag: string | null;
  dsTransactionId: string | null;
}

/** What a nonce stands for: the instrument, its details, and what charging it does. */
export interface PaymentMethod {
  instrument: InstrumentType;
  card: CardDetails;
  outcome: CardOutcome;
  threeDSecure?: ThreeDSecureResult;
  /** PayPal's payer e-mail, for `paypal_account` nonces. */
  payerEmail?: string;
  /** PayPal's payer, for a `paypal_account` nonce approved in the Drop-in fake's window. */
  payer?: {payerId: string; firstName: string; lastName: string};
  /** From the CVV and postal code given at tokenising (M, N, U, S, I). */
  cvvResponseCode?: string;
  avsPostalCodeResponseCode?: string;
}

export interface NonceRecord {
  nonce: string;
  method: PaymentMethod;
  /** Tokenised nonces are single use; the sandbox's fake nonces are not consumed. */
  singleUse: boolean;
  consumed: boolean;
  createdAt: number;
  /** The number a tokenised card came from: the 3DS lookup reads its test-card table by it. */
  cardNumber?: string;
  /** The 3DS lookup in progress for this nonce (a challenge the buyer has not answered). */
  challenge?: {pass: ThreeDSecureStatus; fail: ThreeDSecureStatus};
}

export interface StatusEvent {
  status: TransactionStatus;
  amountMinor: bigint;
  timestamp: number;
  transactionSource: 'api' | 'control_panel' | 'recurring' | '';
  user: string | null;
}

export interface ProcessorResponse {
  code: string;
  text: string;
  type: 'approved' | 'soft_declined' | 'hard_declined';
}

export interface TransactionRecord {
  id: string;
  type: 'sale' | 'credit';
  status: TransactionStatus;
  amountMinor: bigint;
  currency: string;
  merchantAccountId: string;
  orderId: string | null;
  createdAt: number;
  updatedAt: number;
  method: PaymentMethod;
  processor: ProcessorResponse;
  authorizationCode: string | null;
  gatewayRejectionReason: GatewayRejectionReason | null;
  settlementResponse: {code: string; text: string} | null;
  statusHistory: StatusEvent[];
  refundIds: string[];
  refundedTransactionId: string | null;
  /** Minor units refunded so far (on a sale). */
  refundedMinor: bigint;
  /** What the settle step will do (amount-driven: 4001.xx declines settlement). */
  settlementPlan: 'settle' | 'decline';
  deviceData: string | null;
  customFields: Record<string, string>;
  billingPostalCode: string | null;
  disputeIds: string[];
  settlementBatchId: string | null;
}

export type DisputeStatus = 'open' | 'won' | 'lost' | 'accepted';

export interface DisputeRecord {
  id: string;
  transactionId: string;
  amountMinor: bigint;
  currency: string;
  merchantAccountId: string;
  kind: 'chargeback';
  reason: string;
  status: DisputeStatus;
  receivedAt: number;
  replyBy: number;
  openedAt: number;
  wonAt: number | null;
  statusHistory: {status: DisputeStatus; timestamp: number}[];
}

/** One webhook notification as sent: its kind, and the exact payload the signature covers. */
export interface NotificationRecord {
  id: string;
  kind: string;
  timestamp: number;
  /** base64 of the `<notification>` XML, as it goes in `bt_payload`. */
  payload: string;
  subjectId: string;
  /** `true` once delivered, `false` after the last retry failed, `null` before. */
  delivered: boolean | null;
}

export interface State {
  nonces: Map<string, NonceRecord>;
  transactions: Map<string, TransactionRecord>;
  disputes: Map<string, DisputeRecord>;
  notifications: NotificationRecord[];
}

export function createState(): State {
  return {
    nonces: new Map(),
    transactions: new Map(),
    disputes: new Map(),
    notifications: [],
  };
}

/** What every part of the emulator is handed: state, clock, merchant, origin, notifications. */
export interface Core {
  state: State;
  now(): number;
  merchantId: string;
  publicKey: string;
  privateKey: string;
  /** Currency (uppercase ISO) → merchant account id; the first is the default account. */
  merchantAccounts: ReadonlyMap<string, string>;
  defaultMerchantAccountId: string;
  baseUrl(): string;
  notify(
    kind: string,
    subjectId: string,
    subjectXml: string
  ): NotificationRecord;
}

export function currencyOfAccount(
  core: Core,
  accountId: string
): string | undefined {
  for (const [currency, id] of core.merchantAccounts) {
    if (id === accountId) return currency;
  }
  return undefined;
}

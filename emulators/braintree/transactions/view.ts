/**
 * A transaction as Braintree's XML gives it (developer.paypal.com/braintree/docs/reference/
 * response/transaction): the SDK wraps `<credit-card>`, `<paypal>`, `<apple-pay>`,
 * `<android-pay-card>`, `<venmo-account>`, `<three-d-secure-info>` and `<disputes>` in its classes
 * (transaction.js) and passes the rest through, camelCased.
 */
import {imageUrlOf} from '../core/cards.js';
import {newGlobalId} from '../core/ids.js';
import {formatAmount} from '../core/money.js';
import type {
  CardDetails,
  Core,
  PaymentMethod,
  TransactionRecord,
} from '../core/state.js';
import {array, datetime, type XmlValue} from '../api/xml.js';
import {disputeView} from '../disputes/view.js';
import {additionalProcessorResponse} from './responses.js';

function cardView(card: CardDetails): Record<string, XmlValue> {
  return {
    token: null,
    bin: card.bin,
    last4: card.last4,
    cardType: card.cardType,
    expirationMonth: card.expirationMonth,
    expirationYear: card.expirationYear,
    customerLocation: card.countryOfIssuance === 'USA' ? 'US' : 'International',
    cardholderName: card.cardholderName,
    imageUrl: imageUrlOf(card.cardType),
    isNetworkTokenized: false,
    prepaid: card.prepaid,
    prepaidReloadable: 'Unknown',
    healthcare: card.healthcare,
    debit: card.debit,
    durbinRegulated: card.durbinRegulated,
    commercial: card.commercial,
    payroll: card.payroll,
    issuingBank: card.issuingBank,
    countryOfIssuance: card.countryOfIssuance,
    productId: card.productId,
    globalId: null,
    accountType: 'credit',
    uniqueNumberIdentifier: null,
    venmoSdk: false,
    accountBalance: null,
  };
}

const EMPTY_CARD = {
  token: null,
  bin: null,
  last4: null,
  cardType: null,
  expirationMonth: '',
  expirationYear: '',
  customerLocation: null,
  cardholderName: null,
  imageUrl:
    'https://assets.braintreegateway.com/payment_method_logo/unknown.png?environment=sandbox',
  prepaid: 'Unknown',
  healthcare: 'Unknown',
  debit: 'Unknown',
  durbinRegulated: 'Unknown',
  commercial: 'Unknown',
  payroll: 'Unknown',
  issuingBank: 'Unknown',
  countryOfIssuance: 'Unknown',
  productId: 'Unknown',
  globalId: null,
  uniqueNumberIdentifier: null,
  venmoSdk: false,
};

/** The instrument's own element beside `<credit-card>` (which is always there, empty if unused). */
function instrumentViews(method: PaymentMethod): Record<string, XmlValue> {
  const card = method.card;
  switch (method.instrument) {
    case 'credit_card':
      return {creditCard: cardView(card)};
    case 'paypal_account':
      return {
        creditCard: EMPTY_CARD,
        paypal: {
          payerEmail: method.payerEmail ?? null,
          paymentId: `PAYID-${method.payer?.payerId ?? card.last4}`,
          authorizationId: null,
          token: null,
          imageUrl:
            'https://assets.braintreegateway.com/payment_method_logo/paypal.png?environment=sandbox',
          debugId: null,
          payeeId: null,
          payeeEmail: null,
          customField: null,
          payerId: method.payer?.payerId ?? 'PAYERID1234',
          payerFirstName: method.payer?.firstName ?? 'John',
          payerLastName: method.payer?.lastName ?? 'Doe',
          payerStatus: 'VERIFIED',
          sellerProtectionStatus: 'ELIGIBLE',
          transactionFeeAmount: null,
          transactionFeeCurrencyIsoCode: null,
        },
      };
    case 'apple_pay_card':
      return {
        creditCard: EMPTY_CARD,
        applePay: {
          cardType: `Apple Pay - ${card.cardType}`,
          paymentInstrumentName: `${card.cardType} ${card.last4}`,
          sourceDescription: `${card.cardType} ${card.last4}`,
          last4: card.last4,
          bin: card.bin,
          expirationMonth: card.expirationMonth,
          expirationYear: card.expirationYear,
          token: null,
          imageUrl:
            'https://assets.braintreegateway.com/payment_method_logo/apple_pay.png?environment=sandbox',
        },
      };
    case 'android_pay_card':
      return {
        creditCard: EMPTY_CARD,
        androidPayCard: {
          cardType: card.cardType,
          last4: card.last4,
          sourceCardType: card.cardType,
          sourceCardLast4: card.last4,
          sourceDescription: `${card.cardType} ${card.last4}`,
          virtualCardType: card.cardType,
          virtualCardLast4: card.last4,
          expirationMonth: card.expirationMonth,
          expirationYear: card.expirationYear,
          bin: card.bin,
          token: null,
          isNetworkTokenized: false,
          imageUrl:
            'https://assets.braintreegateway.com/payment_method_logo/android_pay.png?environment=sandbox',
        },
      };
    case 'venmo_account':
      return {
        creditCard: EMPTY_CARD,
        venmoAccount: {
          username: 'venmojoe',
          venmoUserId: 'Venmo-Joe-1',
          imageUrl:
            'https://assets.braintreegateway.com/payment_method_logo/venmo.png?environment=sandbox',
          sourceDescription: 'Venmo Account: venmojoe',
          token: null,
        },
      };
  }
}

function threeDSecureView(method: PaymentMethod): Record<string, XmlValue> {
  const info = method.threeDSecure;
  if (!info) return {};
  return {
    threeDSecureInfo: {
      status: info.status,
      enrolled: info.enrolled,
      liabilityShifted: info.liabilityShifted,
      liabilityShiftPossible: info.liabilityShiftPossible,
      threeDSecureVersion: info.version,
      threeDSecureAuthenticationId: info.authenticationId,
      cavv: info.cavv,
      eciFlag: info.eciFlag,
      dsTransactionId: info.dsTransactionId,
      xid: null,
    },
  };
}

export function transactionView(core: Core, t: TransactionRecord): XmlValue {
  const money = (minor: bigint) => formatAmount(minor, t.currency);
  const declinedOrRejected =
    t.status === 'processor_declined' ||
    t.status === 'gateway_rejected' ||
    t.status === 'failed';
  const disputes = t.disputeIds
    .map((id) => core.state.disputes.get(id))
    .filter((d) => d !== undefined)
    .map((d) => disputeView(core, d));
  return {
    id: t.id,
    status: t.status,
    type: t.type,
    currencyIsoCode: t.currency,
    amount: money(t.amountMinor),
    amountRequested: money(t.amountMinor),
    merchantAccountId: t.merchantAccountId,
    subMerchantAccountId: null,
    masterMerchantAccountId: null,
    orderId: t.orderId,
    createdAt: datetime(t.createdAt),
    updatedAt: datetime(t.updatedAt),
    customer: {
      id: null,
      firstName: null,
      lastName: null,
      company: null,
      email: null,
      website: null,
      phone: null,
      fax: null,
    },
    billing: {
      id: null,
      firstName: null,
      lastName: null,
      company: null,
      streetAddress: null,
      extendedAddress: null,
      locality: null,
      region: null,
      postalCode: t.billingPostalCode,
      countryName: null,
    },
    refundId: t.refundIds.at(-1) ?? null,
    refundIds: array('item', t.refundIds),
    refundedTransactionId: t.refundedTransactionId,
    partialSettlementTransactionIds: array('item', []),
    authorizedTransactionId: null,
    settlementBatchId: t.settlementBatchId,
    shipping: {
      id: null,
      firstName: null,
      lastName: null,
      company: null,
      streetAddress: null,
      extendedAddress: null,
      locality: null,
      region: null,
      postalCode: null,
      countryName: null,
    },
    customFields: Object.keys(t.customFields).length ? t.customFields : '',
    accountFundingTransaction: false,
    avsErrorResponseCode: null,
    avsPostalCodeResponseCode:
      t.method.avsPostalCodeResponseCode ?? (t.billingPostalCode ? 'M' : 'I'),
    avsStreetAddressResponseCode: 'I',
    cvvResponseCode: t.method.cvvResponseCode ?? 'I',
    gatewayRejectionReason: t.gatewayRejectionReason,
    processorAuthorizationCode: t.authorizationCode,
    processorResponseCode: t.processor.code,
    processorResponseText: t.processor.text,
    processorResponseType: t.processor.type,
    additionalProcessorResponse: additionalProcessorResponse(t.processor),
    voiceReferralNumber: null,
    purchaseOrderNumber: null,
    taxAmount: null,
    taxExempt: false,
    scaExemptionRequested: null,
    processedWithNetworkToken: false,
    ...instrumentViews(t.method),
    statusHistory: array(
      'statusEvent',
      t.statusHistory.map((e) => ({
        timestamp: datetime(e.timestamp),
        status: e.status,
        amount: money(e.amountMinor),
        user: e.user,
        transactionSource: e.transactionSource,
      }))
    ),
    planId: null,
    subscriptionId: null,
    subscription: {billingPeriodEndDate: null, billingPeriodStartDate: null},
    addOns: array('addOn', []),
    discounts: array('discount', []),
    descriptor: {name: null, phone: null, url: null},
    recurring: false,
    channel: null,
    serviceFeeAmount: null,
    escrowStatus: null,
    disbursementDetails: {
      disbursementDate: null,
      settlementAmount: null,
      settlementCurrencyIsoCode: null,
      settlementCurrencyExchangeRate: null,
      settlementBaseCurrencyExchangeRate: null,
      fundsHeld: null,
      success: null,
    },
    disputes: array('dispute', disputes),
    authorizationAdjustments: array('authorizationAdjustment', []),
    paymentInstrumentType: t.method.instrument,
    processorSettlementResponseCode: t.settlementResponse?.code ?? '',
    processorSettlementResponseText: t.settlementResponse?.text ?? '',
    networkResponseCode: declinedOrRejected ? null : '00',
    networkResponseText: declinedOrRejected
      ? null
      : 'Successful approval/completion or V.I.P. PIN verification is successful',
    networkTransactionId: declinedOrRejected
      ? null
      : `0${t.createdAt}`.slice(0, 15),
    ...threeDSecureView(t.method),
    riskData: null,
    globalId: newGlobalIdFor(t.id),
    graphqlId: newGlobalIdFor(t.id),
    retrievalReferenceNumber: null,
    authorizationExpiresAt:
      t.type === 'sale' && t.status === 'authorized'
        ? datetime(t.createdAt + 7 * 86_400_000)
        : null,
  };
}

function newGlobalIdFor(id: string): string {
  return newGlobalId('transaction', id);
}

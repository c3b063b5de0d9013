/**
 * Processor responses (developer.paypal.com/braintree/docs/reference/general/processor-responses/
 * authorization-responses): the text and the soft/hard type of each code, and what a test amount
 * (reference/general/testing, "Transaction amounts") makes of a sale.
 */
import type {CardOutcome} from '../core/cards.js';
import type {ProcessorResponse} from '../core/state.js';

type Kind = 'soft' | 'hard';

const DECLINES: Record<string, [string, Kind]> = {
  '2000': ['Do Not Honor', 'soft'],
  '2001': ['Insufficient Funds', 'soft'],
  '2002': ['Limit Exceeded', 'soft'],
  '2003': ["Cardholder's Activity Limit Exceeded", 'soft'],
  '2004': ['Expired Card', 'hard'],
  '2005': ['Invalid Credit Card Number', 'hard'],
  '2006': ['Invalid Expiration Date', 'hard'],
  '2007': ['No Account', 'hard'],
  '2008': ['Card Account Length Error', 'hard'],
  '2009': ['No Such Issuer', 'hard'],
  '2010': ['Card Issuer Declined CVV', 'hard'],
  '2011': ['Voice Authorization Required', 'hard'],
  '2012': ['Processor Declined - Possible Lost Card', 'hard'],
  '2013': ['Processor Declined - Possible Stolen Card', 'hard'],
  '2014': ['Processor Declined - Fraud Suspected', 'hard'],
  '2015': ['Transaction Not Allowed', 'hard'],
  '2016': ['Duplicate Transaction', 'soft'],
  '2017': ['Cardholder Stopped Billing', 'hard'],
  '2018': ['Cardholder Stopped All Billing', 'hard'],
  '2019': ['Invalid Transaction', 'hard'],
  '2020': ['Violation', 'hard'],
  '2021': ['Security Violation', 'hard'],
  '2022': ['Declined - Updated Cardholder Available', 'hard'],
  '2023': ['Processor Does Not Support This Feature', 'hard'],
  '2024': ['Card Type Not Enabled', 'hard'],
  '2025': ['Set Up Error - Merchant', 'soft'],
  '2026': ['Invalid Merchant ID', 'soft'],
  '2027': ['Set Up Error - Amount', 'hard'],
  '2028': ['Set Up Error - Hierarchy', 'hard'],
  '2029': ['Set Up Error - Card', 'hard'],
  '2030': ['Set Up Error - Terminal', 'hard'],
  '2031': ['Encryption Error', 'hard'],
  '2032': ['Surcharge Not Permitted', 'hard'],
  '2033': ['Inconsistent Data', 'hard'],
  '2034': ['No Action Taken', 'hard'],
  '2035': ['Partial Approval For Amount In Group III Version', 'soft'],
  '2036': ['Authorization could not be found', 'hard'],
  '2037': ['Already Reversed', 'hard'],
  '2038': ['Processor Declined', 'soft'],
  '2039': ['Invalid Authorization Code', 'hard'],
  '2040': ['Invalid Store', 'hard'],
  '2041': ['Declined - Call For Approval', 'hard'],
  '2042': ['Invalid Client ID', 'soft'],
  '2043': ['Error - Do Not Retry, Call Issuer', 'hard'],
  '2044': ['Declined - Call Issuer', 'hard'],
  '2045': ['Invalid Merchant Number', 'hard'],
  '2046': ['Declined', 'soft'],
  '2047': ['Call Issuer. Pick Up Card', 'hard'],
  '2048': ['Invalid Amount', 'soft'],
  '2049': ['Invalid SKU Number', 'hard'],
  '2050': ['Invalid Credit Plan', 'hard'],
  '2051': ['Credit Card Number does not match method of payment', 'hard'],
  '2053': ['Card reported as lost or stolen', 'hard'],
  '2054': ['Reversal amount does not match authorization amount', 'hard'],
  '2055': ['Invalid Transaction Division Number', 'hard'],
  '2056': ['Transaction amount exceeds the transaction division limit', 'hard'],
  '2057': ['Issuer or Cardholder has put a restriction on the card', 'soft'],
  '2058': ['Merchant not Mastercard SecureCode enabled', 'hard'],
  '2059': ['Address Verification Failed', 'hard'],
  '2060': ['Address Verification and Card Security Code Failed', 'hard'],
  '2061': ['Invalid Transaction Data', 'hard'],
  '2062': ['Invalid Tax Amount', 'soft'],
  '2063': [
    'PayPal Business Account preference resulted in the transaction failing',
    'hard',
  ],
  '2064': ['Invalid Currency Code', 'hard'],
  '2065': ['Refund Time Limit Exceeded', 'hard'],
  '2099': ['Cardholder Authentication Required', 'soft'],
};

export const APPROVED: ProcessorResponse = {
  code: '1000',
  text: 'Approved',
  type: 'approved',
};

/** A refund or credit needs no authorisation: 1002 "Processed". */
export const PROCESSED: ProcessorResponse = {
  code: '1002',
  text: 'Processed',
  type: 'approved',
};

/** The response for a decline code; a code the table lacks reads "Processor Declined". */
export function declineResponse(code: string): ProcessorResponse {
  const known = DECLINES[code];
  return {
    code,
    text: known?.[0] ?? 'Processor Declined',
    type: known?.[1] === 'hard' ? 'hard_declined' : 'soft_declined',
  };
}

export function failureResponse(code = '3000'): ProcessorResponse {
  return {
    code,
    text: 'Processor Network Unavailable - Try Again',
    type: 'soft_declined',
  };
}

/** What a sale of this many hundredths does, before the card's own outcome is looked at. */
export function amountOutcome(hundredths: bigint): CardOutcome {
  if (hundredths >= 200000n && hundredths <= 299999n) {
    return {kind: 'decline', code: String(hundredths / 100n)};
  }
  if (hundredths >= 300000n && hundredths <= 300099n) {
    return {kind: 'fail', code: '3000'};
  }
  if (hundredths === 500100n) {
    return {kind: 'reject', reason: 'application_incomplete'};
  }
  return {kind: 'approve'};
}

/** 4001.00–4001.99 and 4003.00–5000.99: settlement declined, the response the amount's code. */
export function settlementDeclines(hundredths: bigint): boolean {
  return (
    (hundredths >= 400100n && hundredths <= 400199n) ||
    (hundredths >= 400300n && hundredths <= 500099n)
  );
}

/** The 4000-class settlement response a declined settlement carries (the amount's whole part). */
export function settlementDeclineResponse(hundredths: bigint): {
  code: string;
  text: string;
} {
  return {code: String(hundredths / 100n), text: 'Settlement Declined'};
}

export function additionalProcessorResponse(
  response: ProcessorResponse
): string | null {
  return response.type === 'approved'
    ? null
    : `${response.code} : ${response.text}`;
}

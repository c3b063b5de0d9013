/**
 * `POST /web-sdk/v1/card-nonces`: what the card frame sends when the page calls `tokenize()`.
 * The card is checked as the card form checks it (a sandbox test card, a future `MM/YY`, the
 * brand's CVV length, a postal code where the location needs one: "Payments in USD, CAD or GBP
 * require a valid postal code", docs/devtools/sandbox/payments), then kept behind a single-use
 * token `cnon:…`. The sandbox's error inputs (CVV 911, postal code 99999, expiry 01/40, the
 * declined card) tokenize fine and fail at CreatePayment, as they do at Square.
 */
import {newCardNonce} from '../core/ids.js';
import type {Core} from '../core/state.js';
import type {CardBrand} from '../core/types.js';
import {findTestCard, luhnValid} from '../cards/test-cards.js';

export interface WebSdkAnswer {
  status: 200 | 400 | 401 | 404;
  body: unknown;
}

interface FieldError {
  field: 'cardNumber' | 'expirationDate' | 'cvv' | 'postalCode';
  message: string;
}

const POSTAL_CODES: Readonly<Record<string, RegExp>> = {
  US: /^\d{5}(-?\d{4})?$/,
  CA: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/,
  GB: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/,
};

/** The countries whose payments need a postal code. */
const POSTAL_REQUIRED = new Set(['US', 'CA', 'GB']);

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : '';

/** The checks both browser calls make first: a JSON object for this application and location. */
export function browserContext(
  core: Core,
  body: unknown
): WebSdkAnswer | {locationId: string} {
  if (typeof body !== 'object' || body === null) {
    return {
      status: 400,
      body: {errors: [{message: 'The request body is not a JSON object.'}]},
    };
  }
  const {applicationId, locationId} = body as Record<string, unknown>;
  if (applicationId !== core.applicationId) {
    return {
      status: 401,
      body: {
        errors: [
          {
            field: 'applicationId',
            message: 'The application ID is not valid for this environment.',
          },
        ],
      },
    };
  }
  if (typeof locationId !== 'string' || !core.locations.has(locationId)) {
    return {
      status: 404,
      body: {
        errors: [
          {
            field: 'locationId',
            message: `Location \`${String(locationId)}\` not found.`,
          },
        ],
      },
    };
  }
  return {locationId};
}

export function createCardNonce(core: Core, body: unknown): WebSdkAnswer {
  const context = browserContext(core, body);
  if ('status' in context) return context;
  const input = body as Record<string, unknown>;
  const location = core.locations.get(context.locationId)!;
  const errors: FieldError[] = [];

  const number = text(input.cardNumber).replace(/[\s-]/g, '');
  // UnionPay's test number does not pass Luhn's check; the table decides.
  const card = /^\d+$/.test(number) ? findTestCard(number) : undefined;
  if (!card) {
    errors.push({
      field: 'cardNumber',
      message: luhnValid(number)
        ? 'The Sandbox does not accept real cards: use a test card.'
        : 'Card number is not valid.',
    });
  }

  const expiry = /^(\d{2})\/(\d{2})$/.exec(text(input.expirationDate));
  const month = expiry ? Number(expiry[1]) : 0;
  const year = expiry ? 2000 + Number(expiry[2]) : 0;
  const today = new Date(core.now());
  const expired =
    year < today.getUTCFullYear() ||
    (year === today.getUTCFullYear() && month < today.getUTCMonth() + 1);
  if (!expiry || month < 1 || month > 12 || expired) {
    errors.push({
      field: 'expirationDate',
      message: 'Expiration date is not valid.',
    });
  }

  const cvv = text(input.cvv);
  if (
    !/^\d+$/.test(cvv) ||
    (card && cvv.length !== card.cvvLength) ||
    (!card && cvv.length < 3)
  ) {
    errors.push({field: 'cvv', message: 'CVV is not valid.'});
  }

  const postalCode = text(input.postalCode);
  const pattern = POSTAL_CODES[location.country];
  if (
    (POSTAL_REQUIRED.has(location.country) && postalCode === '') ||
    (postalCode !== '' && pattern && !pattern.test(postalCode)) ||
    postalCode.length > 12
  ) {
    errors.push({field: 'postalCode', message: 'Postal code is not valid.'});
  }

  if (errors.length > 0 || !card) return {status: 400, body: {errors}};
  const token = newCardNonce();
  core.state.nonces.set(token, {
    token,
    card,
    expMonth: month,
    expYear: year,
    cvv,
    postalCode,
    createdAt: core.now(),
    usedBy: null,
    verified: null,
  });
  return {
    status: 200,
    body: {
      token,
      details: {
        method: 'Card',
        card: {
          brand: browserBrand(card.brand),
          last4: number.slice(-4),
          expMonth: month,
          expYear: year,
          cardType: card.cardType,
          prepaidType: 'NOT_PREPAID',
        },
        ...(postalCode !== '' && {billing: {postalCode}}),
      },
    },
  };
}

/** The Web Payments SDK's `CardBrand` names the same brands as the Payments API. */
function browserBrand(brand: CardBrand): string {
  return brand === 'SQUARE_GIFT_CARD' ? 'OTHER_BRAND' : brand;
}

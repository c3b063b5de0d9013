/**
 * PaymentMethods of type `card`. Card numbers are checked the way Stripe's test mode checks
 * them when the PaymentMethod is created (Luhn, expiry, CVC length, test cards only); how the
 * card then behaves when charged comes from ../core/test-cards.ts.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {
  cardError,
  invalidParams,
  missingParameter,
  noSuch,
} from '../api/errors.js';
import type {Params} from '../api/form.js';
import {
  checkParams,
  nestParam,
  readInteger,
  readEnum,
  readMetadata,
  readString,
  type Shape,
} from '../api/params.js';
import {newId} from '../core/ids.js';
import {seconds, type Core, type PaymentMethodRecord} from '../core/state.js';
import {
  brandOf,
  luhnValid,
  testCard,
  testPaymentMethodNumber,
  type TestCard,
} from '../core/test-cards.js';
import type {PaymentMethodJson} from '../core/types.js';

const ADDRESS: Shape = {
  city: true,
  country: true,
  line1: true,
  line2: true,
  postal_code: true,
  state: true,
};

/** What `POST /v1/payment_methods` and `payment_method_data` accept. */
export const PAYMENT_METHOD_DATA: Shape = {
  type: true,
  card: {number: true, exp_month: true, exp_year: true, cvc: true},
  billing_details: {address: ADDRESS, email: true, name: true, phone: true},
  metadata: 'map',
  allow_redisplay: true,
  // Stripe.js telemetry that rides along with its calls; accepted and ignored, as Stripe does.
  payment_user_agent: true,
  time_on_page: true,
  guid: true,
  muid: true,
  sid: true,
  referrer: true,
};

export const UNSUPPORTED_PAYMENT_METHOD_DATA = [
  'customer',
  'payment_method',
  'card[token]',
  'card[networks]',
  'billing_details[tax_id]',
  'radar_options',
];

const BRAND_NAMES: Record<string, string> = {amex: 'american_express'};

function fingerprint(number: string): string {
  // FNV-1a: stable per card number, like Stripe's fingerprint, without keeping the number.
  let hash = 0x811c9dc5;
  for (const ch of number)
    hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `fp${hash.toString(36).padStart(8, '0')}${number.length}`;
}

function cardJson(
  card: TestCard,
  expMonth: number,
  expYear: number,
  checks: {cvc: boolean; postalCode: boolean}
): NonNullable<PaymentMethodJson['card']> {
  return {
    brand: card.brand,
    checks: {
      address_line1_check: null,
      address_postal_code_check: checks.postalCode ? 'pass' : null,
      cvc_check: checks.cvc ? 'pass' : null,
    },
    country: card.country,
    display_brand: BRAND_NAMES[card.brand] ?? card.brand,
    exp_month: expMonth,
    exp_year: expYear,
    fingerprint: fingerprint(card.number),
    funding: card.funding,
    generated_from: null,
    last4: card.number.slice(-4),
    networks: {available: [card.brand], preferred: null},
    regulated_status: 'unregulated',
    three_d_secure_usage: {supported: true},
    wallet: null,
  };
}

function store(
  core: Core,
  card: TestCard,
  details: {
    expMonth: number;
    expYear: number;
    cvc: boolean;
    billing?: Params;
    metadata?: Record<string, string>;
    allowRedisplay?: PaymentMethodJson['allow_redisplay'];
  }
): PaymentMethodRecord {
  const billing = details.billing ?? {};
  const address = typeof billing.address === 'object' ? billing.address : {};
  const field = (p: Params, k: string) => readString(p, k) ?? null;
  const method: PaymentMethodJson = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: details.allowRedisplay ?? 'unspecified',
    billing_details: {
      address: {
        city: field(address, 'city'),
        country: field(address, 'country'),
        line1: field(address, 'line1'),
        line2: field(address, 'line2'),
        postal_code: field(address, 'postal_code'),
        state: field(address, 'state'),
      },
      email: field(billing, 'email'),
      name: field(billing, 'name'),
      phone: field(billing, 'phone'),
      tax_id: null,
    },
    card: cardJson(card, details.expMonth, details.expYear, {
      cvc: details.cvc,
      postalCode: Boolean(field(address, 'postal_code')),
    }),
    created: seconds(core),
    customer: null,
    livemode: false,
    metadata: details.metadata ?? {},
    type: 'card',
  };
  const record: PaymentMethodRecord = {method, card, consumed: false};
  core.state.paymentMethods.set(method.id, record);
  return record;
}

/**
 * Creates a card PaymentMethod from `POST /v1/payment_methods` parameters (or a confirm's
 * `payment_method_data`, with `prefix` naming it in errors).
 */
export function createPaymentMethod(
  core: Core,
  params: Params,
  prefix = ''
): PaymentMethodRecord {
  const name = (key: string) => nestParam(prefix, key);
  const type = readString(params, 'type');
  if (!type) throw missingParameter(name('type'));
  if (type !== 'card') {
    throw invalidParams(
      `The Stripe emulator supports only PaymentMethods of type card, not ${type}.`,
      name('type')
    );
  }
  const card = params.card;
  if (typeof card !== 'object') throw missingParameter(name('card'));
  const number = (readString(card, 'number') ?? '').replace(/[\s-]/g, '');
  if (!number) throw missingParameter(name('card[number]'));
  const expMonth = readInteger(card, 'exp_month', name('card[exp_month]'));
  if (expMonth === undefined) throw missingParameter(name('card[exp_month]'));
  let expYear = readInteger(card, 'exp_year', name('card[exp_year]'));
  if (expYear === undefined) throw missingParameter(name('card[exp_year]'));
  if (expYear < 100) expYear += 2000;
  const cvc = readString(card, 'cvc');

  const invalid = (code: string, message: string, param: string) =>
    cardError({code, message, param: name(param)});
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) {
    throw invalid(
      'incorrect_number',
      'Your card number is incorrect.',
      'card[number]'
    );
  }
  const now = new Date(core.now());
  const [year, month] = [now.getUTCFullYear(), now.getUTCMonth() + 1];
  if (expMonth < 1 || expMonth > 12) {
    throw invalid(
      'invalid_expiry_month',
      "Your card's expiration month is invalid.",
      'card[exp_month]'
    );
  }
  if (expYear < year || expYear > year + 50) {
    throw invalid(
      'invalid_expiry_year',
      "Your card's expiration year is invalid.",
      'card[exp_year]'
    );
  }
  if (expYear === year && expMonth < month) {
    throw invalid(
      'invalid_expiry_month',
      "Your card's expiration month is invalid.",
      'card[exp_month]'
    );
  }
  const cvcLength = brandOf(number) === 'amex' ? 4 : 3;
  if (cvc && !new RegExp(`^\\d{${cvcLength}}$`).test(cvc)) {
    throw invalid(
      'invalid_cvc',
      "Your card's security code is invalid.",
      'card[cvc]'
    );
  }
  const test = testCard(number);
  if (!test) {
    throw cardError({
      code: 'card_declined',
      decline_code: 'test_mode_live_card',
      message:
        'Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
    });
  }
  return store(core, test, {
    expMonth,
    expYear,
    cvc: Boolean(cvc),
    billing:
      typeof params.billing_details === 'object'
        ? params.billing_details
        : undefined,
    metadata: readMetadata(params),
    allowRedisplay: readEnum(params, 'allow_redisplay', [
      'always',
      'limited',
      'unspecified',
    ]),
  });
}

/** A stored PaymentMethod, or a fresh one for a test id such as `pm_card_visa` (as Stripe does). */
export function findPaymentMethod(
  core: Core,
  id: string,
  param?: string
): PaymentMethodRecord {
  const alias = testPaymentMethodNumber(id);
  if (alias) {
    const card = testCard(alias) as TestCard;
    const expYear = new Date(core.now()).getUTCFullYear() + 1;
    return store(core, card, {expMonth: 12, expYear, cvc: true});
  }
  const record = core.state.paymentMethods.get(id);
  if (!record) throw noSuch('PaymentMethod', id, param);
  return record;
}

export function paymentMethodRoutes(core: Core) {
  const app = new Hono<Env>();

  app.post('/', (c) => {
    const params = c.get('params');
    checkParams(
      params,
      {...PAYMENT_METHOD_DATA, expand: 'list'},
      UNSUPPORTED_PAYMENT_METHOD_DATA
    );
    return c.json(createPaymentMethod(core, params).method);
  });

  app.get('/:id', (c) => {
    checkParams(c.get('params'), {expand: 'list'});
    return c.json(findPaymentMethod(core, c.req.param('id')).method);
  });

  return app;
}

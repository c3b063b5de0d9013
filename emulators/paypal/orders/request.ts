/**
 * `POST /v2/checkout/orders` body validation, as PayPal does it: schema problems first (400
 * INVALID_REQUEST), then business rules (422 UNPROCESSABLE_ENTITY) — currencies, decimals and
 * the breakdown sums. Every problem found is reported at once, each with its JSON pointer.
 */
import {PaypalApiError, detail} from '../api/errors.js';
import type {PurchaseUnitJson} from '../core/types.js';
import {Checker, isObject, type Json} from './checks.js';
import {checkPurchaseUnit} from './purchase-unit.js';
import type {ShippingPreference} from './shipping.js';

const PREFERENCES: readonly ShippingPreference[] = [
  'GET_FROM_FILE',
  'NO_SHIPPING',
  'SET_PROVIDED_ADDRESS',
];

interface ValidOrderRequest {
  purchaseUnits: PurchaseUnitJson[];
  shippingPreference: ShippingPreference;
  /** Where a buyer who was redirected (not in a popup) goes back to. */
  returnUrl: string | null;
  cancelUrl: string | null;
}

const EXPERIENCE_FIELDS = [
  'brand_name',
  'locale',
  'landing_page',
  'shipping_preference',
  'user_action',
  'return_url',
  'cancel_url',
  'payment_method_preference',
];

function experienceUrls(check: Checker, body: Json) {
  let context: Json | undefined;
  const source = body.payment_source;
  if (source !== undefined) {
    if (!isObject(source)) {
      check.report('MALFORMED_REQUEST_JSON', '/payment_source', source);
    } else {
      for (const key of Object.keys(source)) {
        if (key !== 'paypal')
          check.report('NOT_SUPPORTED', `/payment_source/${key}`);
      }
      const paypal = source.paypal;
      if (isObject(paypal) && isObject(paypal.experience_context)) {
        context = paypal.experience_context;
      }
    }
  }
  if (isObject(body.application_context)) {
    context = {...body.application_context, ...context};
  }
  const urls = {
    returnUrl: null as string | null,
    cancelUrl: null as string | null,
    shippingPreference: 'GET_FROM_FILE' as ShippingPreference,
  };
  if (!context) return urls;
  const preference = context.shipping_preference;
  if (preference !== undefined) {
    if (PREFERENCES.includes(preference as ShippingPreference)) {
      urls.shippingPreference = preference as ShippingPreference;
    } else {
      check.report(
        'INVALID_PARAMETER_VALUE',
        '/payment_source/paypal/experience_context/shipping_preference',
        preference
      );
    }
  }
  for (const key of Object.keys(context)) {
    if (!EXPERIENCE_FIELDS.includes(key)) {
      check.report(
        'NOT_SUPPORTED',
        `/payment_source/paypal/experience_context/${key}`
      );
    }
  }
  for (const [key, name] of [
    ['return_url', 'returnUrl'],
    ['cancel_url', 'cancelUrl'],
  ] as const) {
    const url = context[key];
    if (url === undefined) continue;
    if (typeof url !== 'string' || !URL.canParse(url)) {
      check.report(
        'INVALID_PARAMETER_SYNTAX',
        `/application_context/${key}`,
        url
      );
    } else {
      urls[name] = url;
    }
  }
  return urls;
}

export function validateOrderRequest(body: unknown): ValidOrderRequest {
  const check = new Checker();
  if (!isObject(body)) {
    throw new PaypalApiError(400, [detail('MALFORMED_REQUEST_JSON')]);
  }
  const intent = body.intent;
  if (intent === undefined || intent === null) {
    check.report('MISSING_REQUIRED_PARAMETER', '/intent');
  } else if (intent === 'AUTHORIZE') {
    // Real PayPal accepts it; the emulator models only immediate capture.
    check.report('NOT_SUPPORTED', '/intent', intent);
  } else if (intent !== 'CAPTURE') {
    check.report('INVALID_PARAMETER_VALUE', '/intent', intent);
  }

  // The address preference decides whether shipping options may be offered at all.
  const urls = experienceUrls(check, body);
  const units: PurchaseUnitJson[] = [];
  const raw = body.purchase_units;
  if (raw === undefined || raw === null) {
    check.report('MISSING_REQUIRED_PARAMETER', '/purchase_units');
  } else if (!Array.isArray(raw)) {
    check.report('MALFORMED_REQUEST_JSON', '/purchase_units', raw);
  } else if (raw.length === 0) {
    check.report('INVALID_ARRAY_MIN_ITEMS', '/purchase_units');
  } else if (raw.length > 10) {
    check.report('INVALID_ARRAY_MAX_ITEMS', '/purchase_units');
  } else {
    raw.forEach((value, i) => {
      const unit = checkPurchaseUnit(
        check,
        value,
        `/purchase_units/${i}`,
        urls.shippingPreference
      );
      if (unit) units.push(unit);
    });
    if (raw.length > 1) checkUnits(check, raw);
  }

  if (check.invalid.length > 0) throw new PaypalApiError(400, check.invalid);
  if (check.unprocessable.length > 0) {
    throw new PaypalApiError(422, check.unprocessable);
  }
  return {purchaseUnits: units, ...urls};
}

/** Rules across purchase units: each needs its own reference_id, and one currency for all. */
function checkUnits(check: Checker, raw: unknown[]): void {
  const seen = new Set<string>();
  const currencies = new Set<string>();
  raw.forEach((unit, i) => {
    if (!isObject(unit)) return;
    const id = unit.reference_id;
    if (typeof id !== 'string') {
      check.report(
        'REFERENCE_ID_REQUIRED',
        `/purchase_units/${i}/reference_id`
      );
    } else if (seen.has(id)) {
      check.report(
        'DUPLICATE_REFERENCE_ID',
        `/purchase_units/${i}/reference_id`,
        id
      );
    } else {
      seen.add(id);
    }
    if (
      isObject(unit.amount) &&
      typeof unit.amount.currency_code === 'string'
    ) {
      currencies.add(unit.amount.currency_code);
    }
  });
  if (currencies.size > 1) {
    check.report(
      'MULTI_CURRENCY_ORDER',
      '/purchase_units',
      [...currencies].join(',')
    );
  }
}

/**
 * `/v1/coupons` (docs.stripe.com/api/coupons): create, retrieve and delete. A coupon takes
 * `amount_off` with its `currency`, or `percent_off`; Checkout Sessions apply it through
 * `discounts[][coupon]` and redeem it when they complete (`times_redeemed`, then `valid: false`
 * once `max_redemptions` is reached or `redeem_by` has passed).
 */
import {Hono} from 'hono';
import {readCurrency} from '../api/amounts.js';
import type {Env} from '../api/context.js';
import type {Params} from '../api/form.js';
import {invalidParams, invalidRequest, noSuch} from '../api/errors.js';
import {
  checkParams,
  readEnum,
  readInteger,
  readMetadata,
  readString,
} from '../api/params.js';
import {readPercentage, shareOf} from '../api/percentage.js';
import {randomString} from '../core/ids.js';
import {seconds, type Core} from '../core/state.js';
import type {CouponJson} from '../core/types.js';

const CREATE_SHAPE = {
  id: true,
  amount_off: true,
  currency: true,
  percent_off: true,
  duration: true,
  duration_in_months: true,
  max_redemptions: true,
  redeem_by: true,
  name: true,
  metadata: 'map',
  expand: 'list',
} as const;

const UNSUPPORTED = ['applies_to', 'currency_options'];

/** Whether the coupon can still be applied now. */
export function isValid(core: Core, coupon: CouponJson): boolean {
  if (coupon.redeem_by !== null && coupon.redeem_by <= seconds(core))
    return false;
  return (
    coupon.max_redemptions === null ||
    coupon.times_redeemed < coupon.max_redemptions
  );
}

export function findCoupon(core: Core, id: string, param?: string) {
  const coupon = core.state.coupons.get(id);
  if (!coupon) throw noSuch('coupon', id, param);
  coupon.valid = isValid(core, coupon);
  return coupon;
}

/** A completed Checkout Session used the coupon once. */
export function redeem(core: Core, id: string) {
  const coupon = core.state.coupons.get(id);
  if (!coupon) return;
  coupon.times_redeemed += 1;
  coupon.valid = isValid(core, coupon);
}

function positive(value: number | undefined, key: string) {
  if (value !== undefined && value < 1) {
    throw invalidParams(
      'This value must be greater than or equal to 1.',
      key,
      'parameter_invalid_integer'
    );
  }
  return value;
}

function readCoupon(core: Core, p: Params): CouponJson {
  const amountOff = positive(readInteger(p, 'amount_off'), 'amount_off');
  const percentOff = readPercentage(p, 'percent_off', {decimals: 4});
  if (amountOff !== undefined && percentOff !== undefined) {
    throw invalidParams(
      'You may only specify one of these parameters: amount_off, percent_off.',
      'amount_off'
    );
  }
  if (amountOff === undefined && percentOff === undefined) {
    throw invalidParams(
      'You must pass either amount_off or percent_off.',
      'amount_off'
    );
  }
  const currency = readCurrency(p, 'currency');
  if (amountOff !== undefined && !currency) {
    throw invalidParams(
      'You must pass currency when passing amount_off.',
      'currency'
    );
  }
  if (percentOff !== undefined && currency) {
    throw invalidParams(
      'You may only pass currency when passing amount_off.',
      'currency'
    );
  }
  const duration =
    readEnum(p, 'duration', ['forever', 'once', 'repeating']) ?? 'once';
  const months = positive(
    readInteger(p, 'duration_in_months'),
    'duration_in_months'
  );
  if (duration === 'repeating' && months === undefined) {
    throw invalidParams(
      'You must pass duration_in_months when duration is repeating.',
      'duration_in_months'
    );
  }
  if (duration !== 'repeating' && months !== undefined) {
    throw invalidParams(
      'You may only pass duration_in_months when duration is repeating.',
      'duration_in_months'
    );
  }
  const created = seconds(core);
  const redeemBy = readInteger(p, 'redeem_by') ?? null;
  if (redeemBy !== null && redeemBy <= created) {
    throw invalidParams('redeem_by must be in the future.', 'redeem_by');
  }
  const name = readString(p, 'name') ?? null;
  if (name && name.length > 40) {
    throw invalidParams(
      'Invalid string: name must be at most 40 characters.',
      'name'
    );
  }
  const id = readString(p, 'id') || randomString(8);
  if (core.state.coupons.has(id)) {
    throw invalidRequest('Coupon already exists.', {
      code: 'resource_already_exists',
      param: 'id',
    });
  }
  return {
    id,
    object: 'coupon',
    amount_off: amountOff ?? null,
    created,
    currency: currency ?? null,
    duration,
    duration_in_months: months ?? null,
    livemode: false,
    max_redemptions:
      positive(readInteger(p, 'max_redemptions'), 'max_redemptions') ?? null,
    metadata: readMetadata(p) ?? {},
    name,
    percent_off: percentOff?.value ?? null,
    redeem_by: redeemBy,
    times_redeemed: 0,
    valid: true,
  };
}

/** What a coupon takes off `amount`: its amount (at most `amount`), or its share, rounded half up. */
export function couponDiscount(coupon: CouponJson, amount: number): number {
  if (coupon.amount_off !== null) return Math.min(coupon.amount_off, amount);
  // percent_off has at most four decimals, so this is its exact value in parts per million.
  const ppm = Math.round((coupon.percent_off ?? 0) * 10_000);
  return Math.min(amount, shareOf(amount, ppm));
}

export function couponRoutes(core: Core) {
  const app = new Hono<Env>();

  app.post('/', (c) => {
    const params = c.get('params');
    checkParams(params, CREATE_SHAPE, UNSUPPORTED);
    const coupon = readCoupon(core, params);
    core.state.coupons.set(coupon.id, coupon);
    return c.json(coupon);
  });

  app.get('/:id', (c) => {
    checkParams(c.get('params'), {expand: 'list'});
    return c.json(findCoupon(core, c.req.param('id')));
  });

  app.delete('/:id', (c) => {
    const coupon = findCoupon(core, c.req.param('id'));
    core.state.coupons.delete(coupon.id);
    return c.json({id: coupon.id, object: 'coupon', deleted: true});
  });

  return app;
}

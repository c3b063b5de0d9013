/**
 * `PATCH /v2/checkout/orders/{id}`: JSON Patch operations on an order that is CREATED or
 * APPROVED (204 No Content), on the purchase-unit fields PayPal lists as patchable, addressed
 * as `/purchase_units/@reference_id=='default'/…`. The patched unit is checked again exactly as
 * a create checks it (the sums, the options), and either every operation applies or none does.
 * Shipping options are patchable too: PayPal's shipping-callback integration replaces
 * `…/shipping/options` when the buyer changes the address or the option.
 */
import {PaypalApiError, issueError} from '../api/errors.js';
import {timestamp, type Core, type OrderRecord} from '../core/state.js';
import type {PurchaseUnitJson} from '../core/types.js';
import {Checker, isObject, type Json} from './checks.js';
import {checkPurchaseUnit} from './purchase-unit.js';

type Op = 'add' | 'remove' | 'replace';
const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

/** The Orders v2 reference's table of patchable purchase-unit fields and their operations. */
const PATCHABLE: Readonly<Record<string, readonly Op[]>> = {
  amount: ['replace'],
  items: ['replace', 'add', 'remove'],
  custom_id: ['replace', 'add', 'remove'],
  description: ['replace', 'add', 'remove'],
  invoice_id: ['replace', 'add', 'remove'],
  soft_descriptor: ['replace', 'remove'],
  'shipping/name': ['replace', 'add'],
  'shipping/address': ['replace', 'add'],
  'shipping/type': ['replace', 'add'],
  'shipping/options': ['replace', 'add'],
};

const UNIT_PATH = /^\/purchase_units\/@reference_id=='([^']*)'\/(.+)$/;

/** Applies one checked operation to the unit (a plain copy). */
function apply(unit: Json, field: string, op: Op, value: unknown): boolean {
  const keys = field.split('/');
  let parent = unit;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(parent[key])) {
      if (op !== 'add') return false;
      parent[key] = {};
    }
    parent = parent[key] as Json;
  }
  const last = keys.at(-1)!;
  const present = parent[last] !== undefined;
  // "Cannot add a property that's already present, use replace…"
  if ((op === 'add') === present) return false;
  if (op === 'remove') delete parent[last];
  else parent[last] = structuredClone(value);
  return true;
}

export function patchOrder(
  core: Core,
  record: OrderRecord,
  body: unknown
): void {
  const check = new Checker();
  const {order} = record;
  if (order.status === 'COMPLETED') {
    throw issueError('ORDER_ALREADY_COMPLETED');
  }
  if (!Array.isArray(body) || body.length === 0) {
    check.report('MALFORMED_REQUEST_JSON', '/', body);
    throw new PaypalApiError(400, check.invalid);
  }
  const units = new Map(
    (order.purchase_units ?? []).map((unit) => [
      unit.reference_id!,
      structuredClone(unit) as Json,
    ])
  );
  const touched = new Set<string>();
  body.forEach((raw, i) => {
    const at = `/${i}`;
    if (!isObject(raw)) return check.report('MALFORMED_REQUEST_JSON', at, raw);
    const {op, path, value} = raw;
    if (typeof op !== 'string' || !OPS.includes(op)) {
      return check.report('INVALID_PARAMETER_VALUE', `${at}/op`, op);
    }
    if (typeof path !== 'string' || path === '') {
      return check.report('PATCH_PATH_REQUIRED', `${at}/path`);
    }
    if (op !== 'remove' && value === undefined) {
      return check.report('PATCH_VALUE_REQUIRED', `${at}/value`);
    }
    const match = UNIT_PATH.exec(path);
    if (!match) return check.report('INVALID_JSON_POINTER_FORMAT', path, path);
    const [, referenceId, field] = match as unknown as [string, string, string];
    const unit = units.get(referenceId);
    if (!unit) return check.report('INVALID_PARAMETER_VALUE', path, path);
    const allowed = PATCHABLE[field];
    if (!allowed) return check.report('NOT_PATCHABLE', path, path);
    if (!allowed.includes(op as Op) || !apply(unit, field, op as Op, value)) {
      return check.report('INVALID_PATCH_OPERATION', path, op);
    }
    touched.add(referenceId);
  });
  if (check.invalid.length > 0) throw new PaypalApiError(400, check.invalid);
  if (check.unprocessable.length > 0)
    throw new PaypalApiError(422, check.unprocessable);

  // The patched units must pass the create's checks; the payee and the payments stay.
  const patched = new Map<string, PurchaseUnitJson>();
  for (const referenceId of touched) {
    const unit = units.get(referenceId)!;
    const {payee: _payee, payments: _payments, ...request} = unit;
    const checked = checkPurchaseUnit(
      check,
      request,
      `/purchase_units/@reference_id=='${referenceId}'`,
      record.shippingPreference
    );
    if (checked) patched.set(referenceId, checked);
  }
  if (check.invalid.length > 0) throw new PaypalApiError(400, check.invalid);
  if (check.unprocessable.length > 0)
    throw new PaypalApiError(422, check.unprocessable);

  order.purchase_units = order.purchase_units?.map((unit) => {
    const next = patched.get(unit.reference_id!);
    return next ? {...next, payee: unit.payee} : unit;
  });
  order.update_time = timestamp(core);
}

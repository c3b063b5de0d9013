/**
 * What the buyer changed in the approval window's "Ship to" section, once the merchant's
 * `onShippingAddressChange` / `onShippingOptionsChange` accepted it: the address PayPal will
 * ship to (and report on GET and capture), or the option they picked. The amounts are the
 * merchant's business: it PATCHes them in its callback, before this is recorded.
 */
import {issueError} from '../api/errors.js';
import {timestamp, type Core, type OrderRecord} from '../core/state.js';
import {isApprovable} from './approval.js';
import {Checker} from './checks.js';
import {checkShipping} from './shipping.js';

export function recordBuyerShipping(
  core: Core,
  record: OrderRecord,
  body: Record<string, unknown>
): void {
  if (!isApprovable(record)) throw issueError('ORDER_ALREADY_CAPTURED');
  const unit = record.order.purchase_units?.[0];
  if (!unit?.shipping || record.shippingPreference === 'NO_SHIPPING') {
    throw issueError('INVALID_PARAMETER_VALUE', {field: 'shipping'});
  }
  if (body.address !== undefined) {
    const check = new Checker();
    const checked = checkShipping(check, {address: body.address}, '/address', {
      currency: undefined,
      preference: record.shippingPreference,
      shipping: {given: false, hundredths: undefined},
    });
    const [problem] = [...check.invalid, ...check.unprocessable];
    if (problem || !checked?.address) {
      throw issueError(problem?.issue ?? 'MALFORMED_REQUEST_JSON', {
        field: problem?.field ?? '/address',
      });
    }
    unit.shipping.address = checked.address;
  }
  const optionId = body.option_id;
  if (optionId !== undefined) {
    const options = unit.shipping.options ?? [];
    if (!options.some((option) => option.id === optionId)) {
      throw issueError('INVALID_PARAMETER_VALUE', {
        field: '/option_id',
        value: String(optionId),
      });
    }
    for (const option of options) option.selected = option.id === optionId;
  }
  record.order.update_time = timestamp(core);
}

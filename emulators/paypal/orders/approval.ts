/**
 * The buyer's side: what approving, declining or cancelling on the approval page does to an
 * order. Approving (with any funding) makes it APPROVED with a payer and a `paypal` payment
 * source and sends CHECKOUT.ORDER.APPROVED; cancelling changes nothing, as at PayPal.
 */
import {issueError} from '../api/errors.js';
import {
  timestamp,
  type BuyerChoice,
  type Core,
  type OrderRecord,
} from '../core/state.js';
import type {OrderJson, PayerJson} from '../core/types.js';
import {fullOrder} from './view.js';

function payerOf(core: Pick<Core, 'buyer'>): PayerJson {
  const {buyer} = core;
  return {
    name: {given_name: buyer.givenName, surname: buyer.surname},
    email_address: buyer.email,
    payer_id: buyer.payerId,
    address: {country_code: buyer.countryCode},
  };
}

function paymentSourceOf(
  core: Pick<Core, 'buyer'>
): OrderJson['payment_source'] {
  const {buyer} = core;
  return {
    paypal: {
      email_address: buyer.email,
      account_id: buyer.payerId,
      name: {given_name: buyer.givenName, surname: buyer.surname},
      address: {country_code: buyer.countryCode},
    },
  };
}

/** Whether the approval page can still act on the order. */
export function isApprovable(record: OrderRecord): boolean {
  return (
    record.order.status === 'CREATED' || record.order.status === 'APPROVED'
  );
}

export function applyBuyerChoice(
  core: Core,
  record: OrderRecord,
  choice: BuyerChoice
): OrderRecord {
  if (!isApprovable(record)) {
    throw issueError(
      record.order.status === 'COMPLETED'
        ? 'ORDER_ALREADY_CAPTURED'
        : 'ORDER_NOT_APPROVED'
    );
  }
  if (choice === 'cancel') return record;
  record.funding = choice;
  record.order.status = 'APPROVED';
  record.order.payer = payerOf(core);
  record.order.payment_source = paymentSourceOf(core);
  record.order.update_time = timestamp(core);
  core.emit(
    'CHECKOUT.ORDER.APPROVED',
    'checkout-order',
    fullOrder(core, record),
    'An order has been approved by buyer'
  );
  return record;
}

/**
 * After a declined capture the buyer must choose another way to pay: the order needs approval
 * again (so the JS SDK's `actions.restart()` can send the buyer back to the approval page).
 */
export function requireApprovalAgain(core: Core, record: OrderRecord): void {
  record.funding = null;
  record.order.status = 'CREATED';
  delete record.order.payer;
  delete record.order.payment_source;
  record.order.update_time = timestamp(core);
}

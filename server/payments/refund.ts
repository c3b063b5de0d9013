/**
 * Refunding an order, for the admin's form, `POST /api/admin/orders/:id/refunds` and the
 * `refund` command. The amount is reserved in the store before the provider is called, so two
 * requests at once cannot refund more than was paid between them; one Idempotency-Key is one
 * refund (a repeat answers the first, and never calls the provider again). The order itself
 * moves only when the provider confirms — the refund call's answer when it says the refund is
 * done, otherwise its webhook — and both take the fulfiller's one path, so the buyer's refund
 * email goes out once per new refunded total.
 */
import {createHash} from 'node:crypto';
import {ApiError} from '../errors.js';
import type {Logger} from '../log.js';
import type {Refund} from '../orders/refunds.js';
import type {OrderStore} from '../orders/store.js';
import type {Gateway, ProviderRefund} from '../providers/gateway.js';
import type {Fulfiller} from './fulfilment.js';

export type {Refund, RefundStatus} from '../orders/refunds.js';

export interface RefundDeps {
  store: OrderStore;
  gateways: ReadonlyMap<string, Gateway>;
  fulfiller: Fulfiller;
  logger: Logger;
  now: () => Date;
}

export interface RefundInput {
  orderId: string;
  /** Minor units of the order's currency; undefined: all that is left. */
  amount?: number;
  /** The caller's idempotency key: the same key is the same refund. */
  key: string;
  /** Who asks, for the record: `admin`, `api`, `cli:<user>`… */
  actor: string;
  /** Where the request came from (the socket's address), for the audit log. */
  clientAddress?: string;
}

export type RefundOutcome =
  /** `created`: this request asked the provider; false: the key's earlier refund, answered again. */
  {ok: true; created: boolean; refund: Refund} | {ok: false; error: ApiError};

/** How long a request holds its refund while it waits for the provider. */
const ASK_TIMEOUT_MS = 60_000;

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

/** The provider's idempotency key for one of our refunds: a retry asks under the same one. */
export const providerRefundKey = (refund: Refund) =>
  `pay-checkout-${refund.orderId}-refund-${refund.id}`;

/**
 * The row a provider refund key names (the inverse of providerRefundKey), for a provider that
 * echoes the key back (Braintree's credit `orderId`); undefined for anything else.
 */
export function refundOfKey(
  key: string
): {id: string; orderId: string} | undefined {
  const match = /^pay-checkout-(.+)-refund-(rf_[0-9a-f]{32})$/.exec(key);
  return match ? {orderId: match[1], id: match[2]} : undefined;
}

const refused = (error: ApiError): RefundOutcome => ({ok: false, error});

/**
 * Refunds as above, and writes the attempt and its outcome to the audit log, whoever asked
 * (the admin's form, the API, the command), so that every refund has one record of who.
 */
export async function refundOrder(
  deps: RefundDeps,
  input: RefundInput
): Promise<RefundOutcome> {
  const outcome = await reserveAndAsk(deps, input);
  const amount = input.amount === undefined ? 'full' : `amount ${input.amount}`;
  await deps.store.admin.audit({
    at: deps.now().toISOString(),
    actor: input.actor.slice(0, 128) || 'unknown',
    action: 'refund',
    orderId: plausibleOrderId(input.orderId)
      ? input.orderId.slice(0, 64)
      : undefined,
    clientAddress: input.clientAddress,
    detail: `${amount}: ${
      outcome.ok
        ? `${outcome.created ? '' : 'repeat, '}${outcome.refund.status}, ${outcome.refund.amount}`
        : outcome.error.code
    }`,
  });
  return outcome;
}

async function reserveAndAsk(
  deps: RefundDeps,
  input: RefundInput
): Promise<RefundOutcome> {
  const problem = inputProblem(input);
  if (problem) return refused(new ApiError(400, 'invalid_request', problem));
  // No order id has a control character (and PostgreSQL refuses a NUL in text).
  if (!plausibleOrderId(input.orderId))
    return refused(new ApiError(404, 'not_found', 'No such order.'));

  const at = deps.now().getTime();
  const reservation = await deps.store.refunds.reserve({
    orderId: input.orderId,
    keyHash: sha256(`pay-checkout refund key\n${input.key}`),
    amount: input.amount,
    actor: input.actor,
    lockedUntil: new Date(at + ASK_TIMEOUT_MS).toISOString(),
  });
  switch (reservation.outcome) {
    case 'replay':
      return reservation.refund.status === 'failed'
        ? refused(refusalOf(reservation.refund))
        : {ok: true, created: false, refund: reservation.refund};
    case 'in_progress':
      return refused(
        new ApiError(
          409,
          'idempotency_key_in_use',
          'A refund with this Idempotency-Key is being asked for; try again shortly.'
        )
      );
    case 'mismatch':
      return refused(
        new ApiError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key came with another refund; a new refund needs a new key.'
        )
      );
    case 'not_found':
      return refused(new ApiError(404, 'not_found', 'No such order.'));
    case 'not_refundable':
      return refused(
        new ApiError(
          409,
          'order_not_refundable',
          reservation.status === 'paid' ||
            reservation.status === 'partially_refunded'
            ? 'Nothing is left to refund on this order.'
            : `The order is ${reservation.status}: only paid orders can be refunded.`
        )
      );
    case 'too_large':
      return refused(
        new ApiError(
          422,
          'refund_amount_too_large',
          `At most ${reservation.available} (minor units) is left to refund on this order.`
        )
      );
    case 'reserved':
    case 'retry':
      return ask(deps, reservation.refund);
  }
}

/** A refused refund asked for again under its key: the same refusal as the first time. */
function refusalOf(refund: Refund): ApiError {
  if (refund.failureCode === 'order_not_refundable')
    return new ApiError(
      409,
      'order_not_refundable',
      'The payment provider says this payment cannot be refunded.'
    );
  if (refund.failureCode === 'refund_amount_too_large')
    return new ApiError(
      422,
      'refund_amount_too_large',
      'The payment provider says less is left to refund.'
    );
  return new ApiError(
    502,
    'provider_error',
    'The payment provider refused the refund.'
  );
}

const plausibleOrderId = (id: string) => !/\p{Cc}/u.test(id);

function inputProblem(input: RefundInput): string | undefined {
  if (
    input.amount !== undefined &&
    !(Number.isSafeInteger(input.amount) && input.amount > 0)
  )
    return 'The amount must be a positive whole number of minor units.';
  if (!input.key || input.key.length > 255)
    return 'The idempotency key must be 1 to 255 characters.';
  if (!input.actor || input.actor.length > 128)
    return 'The actor must be 1 to 128 characters.';
  return undefined;
}

/** Asks the provider for a reserved refund and records its answer. */
async function ask(deps: RefundDeps, refund: Refund): Promise<RefundOutcome> {
  const order = await deps.store.get(refund.orderId);
  const gateway = order && deps.gateways.get(order.provider);
  if (!order || !gateway) {
    await deps.store.refunds.unlock(refund.id);
    return refused(
      new ApiError(
        503,
        'provider_not_configured',
        'The order’s payment provider is not configured on this server.'
      )
    );
  }

  let answer: ProviderRefund;
  try {
    answer = await gateway.refund(
      order,
      refund.amount,
      providerRefundKey(refund)
    );
  } catch (error) {
    if (!(error instanceof ApiError) || error.code === 'provider_unavailable') {
      // No answer: the refund may or may not exist at the provider. The amount stays
      // reserved; a retry with the same key asks again under the same provider key.
      await deps.store.refunds.unlock(refund.id);
      if (error instanceof ApiError) return refused(error);
      throw error;
    }
    // A definite refusal: the amount is free again.
    await deps.store.refunds.settle(refund.id, {
      status: 'failed',
      failureCode: error.code,
    });
    deps.logger.info(
      {orderId: order.id, refundId: refund.id, code: error.code},
      'the provider refused a refund'
    );
    return refused(error);
  }

  const settled = await deps.store.refunds.settle(refund.id, {
    status: answer.status,
    providerRefundId: answer.refundId,
    ...(answer.status === 'failed' && {failureCode: 'provider_error'}),
  });
  if (answer.status === 'failed')
    return refused(
      new ApiError(
        502,
        'provider_error',
        'The payment provider refused the refund.'
      )
    );
  if (answer.status === 'succeeded')
    await confirm(deps, gateway, refund.orderId, answer);
  deps.logger.info(
    {orderId: order.id, refundId: refund.id, status: answer.status},
    'refund asked of the provider'
  );
  return {ok: true, created: true, refund: settled ?? refund};
}

/**
 * The provider said the refund is done: the order moves now, through the fulfiller (the state
 * machine takes cumulative amounts, so its webhook arriving before or after changes nothing).
 * Without the provider's own total, ours is what our succeeded refunds add up to, or what the
 * order had recorded if more (a refund made elsewhere): never more than is known refunded.
 */
async function confirm(
  deps: RefundDeps,
  gateway: Gateway,
  orderId: string,
  answer: ProviderRefund
) {
  const order = await deps.store.get(orderId);
  if (!order?.providerPaymentId) return;
  const succeeded = (await deps.store.refunds.forOrder(orderId))
    .filter((refund) => refund.status === 'succeeded')
    .reduce((sum, refund) => sum + refund.amount, 0);
  await deps.fulfiller.apply(
    orderId,
    {
      type: 'refunded',
      paymentId: order.providerPaymentId,
      amountRefunded:
        answer.amountRefunded ?? Math.max(order.amountRefunded, succeeded),
    },
    {
      provider: gateway.name,
      eventId: `refund:${answer.refundId}`,
      type: 'refund.succeeded',
    }
  );
}

/** The order's refunds, oldest first (the admin's order page). */
export const listRefunds = (deps: Pick<RefundDeps, 'store'>, orderId: string) =>
  deps.store.refunds.forOrder(orderId);

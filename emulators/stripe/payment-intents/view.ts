/**
 * How a PaymentIntent is shown to a caller. A publishable key sees only the fields Stripe
 * marks "retrievable with publishable key" (no metadata, no charge, no customer); `expand[]`
 * swaps an id for its object.
 */
import type {Auth} from '../api/context.js';
import {invalidParams} from '../api/errors.js';
import type {Core} from '../core/state.js';
import type {PaymentIntentJson} from '../core/types.js';

const PUBLISHABLE_FIELDS = [
  'id',
  'object',
  'amount',
  'automatic_payment_methods',
  'canceled_at',
  'cancellation_reason',
  'capture_method',
  'client_secret',
  'confirmation_method',
  'created',
  'currency',
  'description',
  'last_payment_error',
  'livemode',
  'next_action',
  'payment_method',
  'payment_method_types',
  'processing',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'status',
] as const satisfies readonly (keyof PaymentIntentJson)[];

type IntentView = Record<string, unknown>;

const EXPANDABLE = {
  secret: ['payment_method', 'latest_charge'],
  publishable: ['payment_method'],
};

/** Checked before anything runs, so a bad `expand[]` changes nothing. */
export function checkExpand(expand: readonly string[], auth: Auth) {
  for (const path of expand) {
    if (!EXPANDABLE[auth.kind].includes(path)) {
      throw invalidParams(
        `This property cannot be expanded (${path}).`,
        'expand'
      );
    }
  }
}

export function viewIntent(
  core: Core,
  intent: PaymentIntentJson,
  auth: Auth,
  expand: readonly string[] = []
): IntentView {
  const view: IntentView =
    auth.kind === 'secret'
      ? structuredClone(intent)
      : Object.fromEntries(
          PUBLISHABLE_FIELDS.map((f) => [f, structuredClone(intent[f])])
        );
  checkExpand(expand, auth);
  for (const path of expand) {
    if (path === 'payment_method') {
      const id = intent.payment_method;
      const method =
        typeof id === 'string' ? core.state.paymentMethods.get(id) : undefined;
      view.payment_method = method ? structuredClone(method.method) : null;
    } else if (path === 'latest_charge') {
      const id = intent.latest_charge;
      view.latest_charge =
        typeof id === 'string'
          ? structuredClone(core.state.charges.get(id))
          : null;
    }
  }
  return view;
}

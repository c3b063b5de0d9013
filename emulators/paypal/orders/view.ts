/**
 * What an order looks like on the wire: HATEOAS links that follow its status, and the two
 * representations `Prefer` chooses between (`return=minimal` is PayPal's default).
 */
import type {Core, OrderRecord} from '../core/state.js';
import type {Link, OrderJson} from '../core/types.js';

type Prefer = 'minimal' | 'representation';

export function parsePrefer(header: string | undefined): Prefer {
  return header
    ?.split(/[,;]/)
    .some((part) => part.trim() === 'return=representation')
    ? 'representation'
    : 'minimal';
}

export function checkoutUrl(
  core: Pick<Core, 'baseUrl'>,
  orderId: string
): string {
  return `${core.baseUrl()}/checkoutnow?token=${encodeURIComponent(orderId)}`;
}

function orderLinks(core: Pick<Core, 'baseUrl'>, order: OrderJson): Link[] {
  const href = `${core.baseUrl()}/v2/checkout/orders/${order.id}`;
  const self: Link = {href, rel: 'self', method: 'GET'};
  const update: Link = {href, rel: 'update', method: 'PATCH'};
  const capture: Link = {
    href: `${href}/capture`,
    rel: 'capture',
    method: 'POST',
  };
  switch (order.status) {
    case 'CREATED':
      return [
        self,
        {href: checkoutUrl(core, order.id!), rel: 'approve', method: 'GET'},
        update,
        capture,
      ];
    case 'APPROVED':
      return [self, update, capture];
    default:
      return [self];
  }
}

export function captureLinks(
  core: Pick<Core, 'baseUrl'>,
  captureId: string,
  orderId: string
): Link[] {
  const base = core.baseUrl();
  return [
    {
      href: `${base}/v2/payments/captures/${captureId}`,
      rel: 'self',
      method: 'GET',
    },
    {
      href: `${base}/v2/payments/captures/${captureId}/refund`,
      rel: 'refund',
      method: 'POST',
    },
    {href: `${base}/v2/checkout/orders/${orderId}`, rel: 'up', method: 'GET'},
  ];
}

/** The complete order, as `GET` and `Prefer: return=representation` answer. */
export function fullOrder(
  core: Pick<Core, 'baseUrl'>,
  record: OrderRecord
): OrderJson {
  const order = structuredClone(record.order);
  return {...order, links: orderLinks(core, order)};
}

/** `POST /v2/checkout/orders` answers: minimal is `{id, status, links}`. */
export function createdOrderView(
  core: Pick<Core, 'baseUrl'>,
  record: OrderRecord,
  prefer: Prefer
): OrderJson {
  if (prefer === 'representation') return fullOrder(core, record);
  const {id, status} = record.order;
  return {id, status, links: orderLinks(core, record.order)};
}

/**
 * Capture answers. Even the minimal one carries the captures (under each purchase unit's
 * `payments`), the payer and the payment source: integrations read
 * `purchase_units[0].payments.captures[0]` from it.
 */
export function capturedOrderView(
  core: Pick<Core, 'baseUrl'>,
  record: OrderRecord,
  prefer: Prefer
): OrderJson {
  if (prefer === 'representation') return fullOrder(core, record);
  const order = structuredClone(record.order);
  return {
    id: order.id,
    status: order.status,
    ...(order.payment_source && {payment_source: order.payment_source}),
    purchase_units: order.purchase_units?.map((unit) => ({
      reference_id: unit.reference_id,
      ...(unit.shipping && {shipping: unit.shipping}),
      payments: unit.payments,
    })),
    ...(order.payer && {payer: order.payer}),
    links: orderLinks(core, order),
  };
}

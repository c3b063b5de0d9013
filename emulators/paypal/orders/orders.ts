/**
 * Orders v2: `POST /v2/checkout/orders`, `GET /v2/checkout/orders/:id`,
 * `PATCH /v2/checkout/orders/:id` and `POST /v2/checkout/orders/:id/capture` (intent CAPTURE). Statuses move CREATED → APPROVED (the
 * buyer, on the approval page) → COMPLETED (capture).
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {issueError, notFound} from '../api/errors.js';
import {newResourceId} from '../core/ids.js';
import {timestamp, type Core, type OrderRecord} from '../core/state.js';
import {captureOrder} from './capture.js';
import {patchOrder} from './patch.js';
import {validateOrderRequest} from './request.js';
import {
  capturedOrderView,
  createdOrderView,
  fullOrder,
  parsePrefer,
} from './view.js';

export function findOrder(core: Core, id: string): OrderRecord {
  const record = core.state.orders.get(id);
  if (!record) throw notFound(id);
  return record;
}

function createOrder(core: Core, body: unknown): OrderRecord {
  const request = validateOrderRequest(body);
  const id = newResourceId();
  const {merchant} = core;
  const record: OrderRecord = {
    order: {
      id,
      intent: 'CAPTURE',
      status: 'CREATED',
      purchase_units: request.purchaseUnits.map((unit) => ({
        ...unit,
        payee: {
          email_address: merchant.email,
          merchant_id: merchant.merchantId,
        },
      })),
      create_time: timestamp(core),
    },
    funding: null,
    returnUrl: request.returnUrl,
    cancelUrl: request.cancelUrl,
    shippingPreference: request.shippingPreference,
  };
  core.state.orders.set(id, record);
  return record;
}

export function orderRoutes(core: Core) {
  const app = new Hono<Env>();

  app.post('/', (c) => {
    const record = createOrder(core, c.get('body'));
    return c.json(
      createdOrderView(core, record, parsePrefer(c.req.header('Prefer'))),
      201
    );
  });

  app.get('/:id', (c) =>
    c.json(fullOrder(core, findOrder(core, c.req.param('id'))))
  );

  app.patch('/:id', (c) => {
    patchOrder(core, findOrder(core, c.req.param('id')), c.get('body'));
    return c.body(null, 204);
  });

  app.post('/:id/capture', (c) => {
    const record = findOrder(core, c.req.param('id'));
    const body = c.get('body');
    // The body is optional; a `payment_source` (vaulted or card) is not emulated.
    if (
      body !== undefined &&
      (typeof body !== 'object' || body === null || Array.isArray(body))
    ) {
      throw issueError('MALFORMED_REQUEST_JSON');
    }
    if (body && 'payment_source' in body) {
      throw issueError('NOT_SUPPORTED', {field: '/payment_source'});
    }
    captureOrder(core, record);
    return c.json(
      capturedOrderView(core, record, parsePrefer(c.req.header('Prefer'))),
      201
    );
  });

  return app;
}

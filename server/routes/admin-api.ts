/**
 * The merchant's API, for scripts and back offices: `POST /api/admin/orders/:id/refunds`.
 * Bearer ADMIN_TOKEN (hono/bearer-auth compares it in constant time); without ADMIN_TOKEN
 * configured nothing here exists. Every refund needs an Idempotency-Key: the same key is the
 * same refund, answered again (200) instead of made twice.
 */
import {Hono, type MiddlewareHandler} from 'hono';
import {bearerAuth} from 'hono/bearer-auth';
import {HTTPException} from 'hono/http-exception';
import {z} from 'zod';
import type {CheckoutContext} from '../context.js';
import type {ClientAddress} from '../middleware/rate-limit.js';
import {ApiError, invalidRequest} from '../errors.js';
import {type Refund, refundOrder} from '../payments/refund.js';
import {readJson} from '../validation.js';

const refundBody = z
  .object({
    /** Minor units of the order's currency; absent: all that is left. */
    amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

/** What the API answers about a refund (who asked and why it failed stay in the store). */
function refundResponse(refund: Refund) {
  return {
    id: refund.id,
    orderId: refund.orderId,
    amount: refund.amount,
    currency: refund.currency,
    status: refund.status,
    ...(refund.providerRefundId && {providerRefundId: refund.providerRefundId}),
    createdAt: refund.createdAt,
    updatedAt: refund.updatedAt,
  };
}

/**
 * bearer-auth's refusals (an HTTPException with its own text body) as the contract's 401, with
 * its WWW-Authenticate challenge. Only its own: an error from the route passes through.
 */
function adminBearer(token: string): MiddlewareHandler {
  const check = bearerAuth({token});
  return async (c, next) => {
    let admitted = false;
    try {
      await check(c, async () => {
        admitted = true;
        await next();
      });
    } catch (error) {
      if (admitted || !(error instanceof HTTPException)) throw error;
      c.header(
        'WWW-Authenticate',
        error.getResponse().headers.get('WWW-Authenticate') ?? 'Bearer'
      );
      throw new ApiError(
        401,
        'unauthorized',
        'Send the admin token as Authorization: Bearer <ADMIN_TOKEN>.'
      );
    }
  };
}

/** Mounted at /api/admin; empty (every path a 404) without a token. */
export function adminApiRoutes(
  ctx: CheckoutContext,
  token: string | undefined,
  clientAddress: ClientAddress
): Hono {
  const app = new Hono();
  if (!token) return app;
  app.use('*', adminBearer(token), async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.post('/orders/:id/refunds', async (c) => {
    const key = c.req.header('idempotency-key');
    if (!key || key.length > 255)
      throw invalidRequest(
        'An Idempotency-Key header (1 to 255 characters) is required: the same key is the same refund.'
      );
    const empty =
      c.req.header('content-length') === '0' ||
      (!c.req.header('content-type') && !c.req.header('content-length'));
    const body = empty ? {} : await readJson(c, refundBody);
    const outcome = await refundOrder(ctx, {
      orderId: c.req.param('id'),
      amount: body.amount,
      key,
      actor: 'api',
      clientAddress: clientAddress(c),
    });
    if (!outcome.ok) throw outcome.error;
    return c.json(
      {refund: refundResponse(outcome.refund)},
      outcome.created ? 201 : 200
    );
  });

  return app;
}

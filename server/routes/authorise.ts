import type {Context} from 'hono';
import {ApiError} from '../errors.js';
import type {Order} from '../orders/order.js';
import type {OrderStore} from '../orders/store.js';
import {tokenMatches} from '../orders/token.js';

/**
 * The order a request's `Authorization: Bearer <token>` opens. The token was returned only to
 * the page that created the order; an unknown order and a wrong token look the same (404), so
 * order ids are not an oracle.
 */
export async function authorise(
  store: OrderStore,
  c: Context,
  find: () => Promise<Order | undefined>,
  notFound: string
): Promise<Order> {
  const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token)
    throw new ApiError(
      401,
      'unauthorized',
      'Send the order token as "Authorization: Bearer <token>".'
    );
  const order = await find();
  const storedHash = order && (await store.tokenHash(order.id));
  if (!order || !storedHash || !tokenMatches(token, storedHash))
    throw new ApiError(404, 'not_found', notFound);
  return order;
}

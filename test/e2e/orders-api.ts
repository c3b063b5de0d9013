/** The buyer's view of an order (`GET /api/orders/:id` with its token), for assertions. */
import assert from 'node:assert/strict';
import type {OrderResponse} from '../../widget/contract.js';

export async function readOrder(
  shopUrl: string,
  orderId: string,
  orderToken: string
): Promise<OrderResponse> {
  const response = await fetch(`${shopUrl}/api/orders/${orderId}`, {
    headers: {Authorization: `Bearer ${orderToken}`},
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as OrderResponse;
}

/** The money of an order or a quote, to compare one with another. */
export function amounts(priced: {
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  taxInclusive: boolean;
  total: number;
}) {
  const {subtotal, discount, shipping, tax, taxInclusive, total} = priced;
  return {subtotal, discount, shipping, tax, taxInclusive, total};
}

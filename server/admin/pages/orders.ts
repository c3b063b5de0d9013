/** The orders list: search by id, email or payment id, status, provider and dates; 50 a page. */
import {html} from 'hono/html';
import type {OrderStatus} from '../../contract.js';
import type {Order} from '../../orders/order.js';
import {money, when} from '../format.js';
import {type Html, page, scroller} from './layout.js';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending',
  'processing',
  'paid',
  'failed',
  'canceled',
  'refunded',
  'partially_refunded',
  'disputed',
  'needs_review',
];

export interface OrdersQuery {
  q: string;
  status: string;
  provider: string;
  from: string;
  to: string;
  page: number;
}

export function ordersQueryString(query: OrdersQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'status', 'provider', 'from', 'to'] as const)
    if (query[key]) params.set(key, query[key]);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const option = (value: string, label: string, chosen: string) =>
  html`<option value="${value}" ${value === chosen ? html`selected` : ''}>
    ${label}
  </option>`;

export function ordersPage(options: {
  csrf: string;
  query: OrdersQuery;
  providers: readonly string[];
  orders: Order[];
  total: number;
  perPage: number;
}): Html {
  const {query, orders, total, perPage} = options;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const first = total === 0 ? 0 : (query.page - 1) * perPage + 1;
  const last = Math.min(total, query.page * perPage);
  return page(
    {title: 'Orders', session: {csrf: options.csrf, current: 'orders'}},
    html`<h1>Orders</h1>
      <form class="filters" method="get" action="/admin/orders" role="search">
        <label
          >Order id, email or payment id
          <input type="search" name="q" value="${query.q}"
        /></label>
        <label
          >Status
          <select name="status">
            ${option('', 'Any', query.status)}
            ${ORDER_STATUSES.map((s) => option(s, s.replace('_', ' '), query.status))}
          </select></label
        >
        <label
          >Provider
          <select name="provider">
            ${option('', 'Any', query.provider)}
            ${options.providers.map((p) => option(p, p, query.provider))}
          </select></label
        >
        <label
          >Created from <input type="date" name="from" value="${query.from}"
        /></label>
        <label>To <input type="date" name="to" value="${query.to}" /></label>
        <button type="submit">Search</button>
      </form>
      <p role="status">
        ${
          total === 0
            ? 'No orders match.'
            : total === 1
              ? '1 order'
              : `${first}–${last} of ${total} orders`
        }
      </p>
      ${
        orders.length
          ? scroller(
              'Orders',
              html`<table>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Created</th>
                    <th scope="col">Status</th>
                    <th scope="col">Provider</th>
                    <th scope="col">Email</th>
                    <th scope="col" class="num">Total</th>
                  </tr>
                </thead>
                <tbody>
                  ${orders.map(
                    (order) =>
                      html`<tr>
                        <td>
                          <a
                            class="id"
                            href="/admin/orders/${encodeURIComponent(order.id)}"
                            >${order.id}</a
                          >
                        </td>
                        <td class="when">${when(order.createdAt)}</td>
                        <td>${order.status.replace('_', ' ')}</td>
                        <td>${order.provider}</td>
                        <td>${order.email ?? ''}</td>
                        <td class="num">
                          ${money(order.total, order.currency)}
                        </td>
                      </tr>`
                  )}
                </tbody>
              </table>`
            )
          : ''
      }
      ${
        pages > 1
          ? html`<nav aria-label="Pages" class="actions">
              ${
                query.page > 1
                  ? html`<a
                      href="/admin/orders${ordersQueryString(query, query.page - 1)}"
                      rel="prev"
                      >Newer</a
                    >`
                  : ''
              }
              <span>Page ${query.page} of ${pages}</span>
              ${
                query.page < pages
                  ? html`<a
                      href="/admin/orders${ordersQueryString(query, query.page + 1)}"
                      rel="next"
                      >Older</a
                    >`
                  : ''
              }
            </nav>`
          : ''
      }`
  );
}

/**
 * One order: what it charged (lines and the pricing rows), where it ships, the provider's ids
 * with a link to its dashboard, what happened (the ledger's events, the outbox's jobs, the
 * admin's actions) in time order, its emails and webhooks, and the refund form.
 */
import {html} from 'hono/html';
import type {Address} from '../../contract.js';
import type {
  AdminJob,
  AuditEntry,
  LedgerRow,
} from '../../orders/admin-store.js';
import type {Order} from '../../orders/order.js';
import type {Refund} from '../../orders/refunds.js';
import {decimal, money, when} from '../format.js';
import {jobLabel, jobsTable} from './jobs.js';
import {
  csrfField,
  type Html,
  notice,
  page,
  problem,
  scroller,
} from './layout.js';

export interface OrderView {
  csrf: string;
  order: Order;
  dashboardUrl?: string;
  ledger: LedgerRow[];
  jobs: AdminJob[];
  audit: AuditEntry[];
  refunds: Refund[];
  /** What can still be refunded (minor units). */
  refundable: number;
  /** A fresh key for the refund form: a double click sends the same one. */
  refundKey: string;
  notice?: string;
  problem?: string;
}

function address(value: Address | undefined): Html | string {
  if (!value) return html`<span class="muted">none</span>`;
  const lines = [
    value.name,
    value.line1,
    value.line2,
    [value.postalCode, value.city].filter(Boolean).join(' '),
    [value.region, value.country].filter(Boolean).join(', '),
  ].filter(Boolean);
  return html`<address>
    ${lines.map((line, i) => html`${i ? html`<br />` : ''}${line}`)}
  </address>`;
}

interface Moment {
  at: string;
  what: string;
}

function timeline(view: OrderView): Moment[] {
  const {order} = view;
  const moments: Moment[] = [
    {at: order.createdAt, what: `Order created (${order.provider})`},
  ];
  for (const entry of view.ledger)
    moments.push({
      at: entry.processedAt,
      what: `${entry.provider} event ${entry.type} (${entry.eventId})`,
    });
  if (order.paidAt) moments.push({at: order.paidAt, what: 'Paid'});
  for (const job of view.jobs) {
    moments.push({at: job.createdAt, what: `${jobLabel(job)} queued`});
    if (job.givenUpAt)
      moments.push({at: job.givenUpAt, what: `${jobLabel(job)} given up`});
    else if (job.doneAt)
      moments.push({at: job.doneAt, what: `${jobLabel(job)} sent`});
  }
  for (const refund of view.refunds)
    moments.push({
      at: refund.createdAt,
      what: `Refund of ${money(refund.amount, refund.currency)} asked (${refund.status})`,
    });
  for (const entry of view.audit)
    moments.push({
      at: entry.at,
      what: `Admin: ${entry.action}${entry.detail ? ` (${entry.detail})` : ''} by ${entry.actor}`,
    });
  // The order's creation first: the ledger's times are the database's, to the second only.
  const [created, ...rest] = moments;
  return [created!, ...rest.sort((a, b) => a.at.localeCompare(b.at))];
}

function sums(order: Order): [string, string][] {
  const m = (amount: number) => money(amount, order.currency);
  const rows: [string, string][] = [['Subtotal', m(order.subtotal)]];
  if (order.discount)
    rows.push([
      `Discount${order.discountCode ? ` (${order.discountCode})` : ''}`,
      `−${m(order.discount)}`,
    ]);
  if (order.shippingRate || order.shipping)
    rows.push([
      `Shipping${order.shippingRate ? ` (${order.shippingRate.name})` : ''}`,
      m(order.shipping),
    ]);
  if (order.tax)
    rows.push([order.taxInclusive ? 'Tax included' : 'Tax', m(order.tax)]);
  rows.push(['Total', m(order.total)]);
  if (order.amountRefunded)
    rows.push(['Refunded', `−${m(order.amountRefunded)}`]);
  return rows;
}

function refundForm(view: OrderView): Html {
  const {order} = view;
  if (view.refundable <= 0)
    return html`<p class="muted">
      Nothing can be refunded on this order (${order.status.replace('_', ' ')}).
    </p>`;
  const fields = html`${csrfField(view.csrf)}<input
      type="hidden"
      name="key"
      value="${view.refundKey}"
    />`;
  const action = `/admin/orders/${encodeURIComponent(order.id)}/refunds`;
  return html`<form method="post" action="${action}" class="filters">
      ${fields}
      <label
        >Amount (${order.currency.toUpperCase()})
        <input
          name="amount"
          inputmode="decimal"
          required
          pattern="[0-9]+([.,][0-9]+)?"
          value="${decimal(view.refundable, order.currency)}"
      /></label>
      <button type="submit">Refund this amount</button>
    </form>
    <form method="post" action="${action}">
      ${fields}<input type="hidden" name="full" value="1" />
      <button type="submit">
        Full refund (${money(view.refundable, order.currency)})
      </button>
    </form>`;
}

export function orderPage(view: OrderView): Html {
  const {order} = view;
  const m = (amount: number) => money(amount, order.currency);
  const back = `/admin/orders/${encodeURIComponent(order.id)}`;
  return page(
    {title: `Order ${order.id}`, session: {csrf: view.csrf, current: 'orders'}},
    html`<p><a href="/admin/orders">All orders</a></p>
      <h1>Order <span class="id">${order.id}</span></h1>
      ${notice(view.notice)} ${problem(view.problem)}
      <dl>
        <dt>Status</dt>
        <dd>
          ${order.status.replace('_', ' ')}${order.reviewReason ? ` (${order.reviewReason})` : ''}
        </dd>
        <dt>Created</dt>
        <dd>${when(order.createdAt)}</dd>
        <dt>Paid</dt>
        <dd>${order.paidAt ? when(order.paidAt) : 'not paid'}</dd>
        <dt>Email</dt>
        <dd>${order.email ?? 'none'}</dd>
        <dt>Provider</dt>
        <dd>${order.provider}</dd>
        <dt>Payment id</dt>
        <dd>
          ${
            order.providerPaymentId
              ? view.dashboardUrl
                ? html`<a
                    class="id"
                    href="${view.dashboardUrl}"
                    rel="noreferrer"
                    >${order.providerPaymentId}<span class="muted">
                      (${order.provider} dashboard)</span
                    ></a
                  >`
                : html`<span class="id">${order.providerPaymentId}</span>`
              : 'none yet'
          }
        </dd>
        ${
          order.disputeStatus
            ? html`<dt>Dispute</dt>
                <dd>${order.disputeStatus}</dd>`
            : ''
        }
      </dl>
      <h2>Lines</h2>
      ${scroller(
        'Lines',
        html`<table>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">SKU</th>
              <th scope="col" class="num">Unit</th>
              <th scope="col" class="num">Qty</th>
              <th scope="col" class="num">Discount</th>
              <th scope="col" class="num">Tax</th>
              <th scope="col" class="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            ${order.lines.map(
              (line) =>
                html`<tr>
                  <td>${line.name}</td>
                  <td class="id">${line.sku}</td>
                  <td class="num">${m(line.unitAmount)}</td>
                  <td class="num">${line.quantity}</td>
                  <td class="num">${line.discount ? m(line.discount) : ''}</td>
                  <td class="num">${line.tax ? m(line.tax) : ''}</td>
                  <td class="num">${m(line.amount)}</td>
                </tr>`
            )}
          </tbody>
        </table>`
      )}
      <h2>Totals</h2>
      <dl class="sums">
        ${sums(order).map(
          ([label, value]) =>
            html`<dt>${label}</dt>
              <dd>${value}</dd>`
        )}
      </dl>
      <h2>Addresses</h2>
      <dl>
        <dt>Ships to</dt>
        <dd>${address(order.shippingAddress)}</dd>
        <dt>Billing</dt>
        <dd>${address(order.billingAddress)}</dd>
      </dl>
      <h2>Refund</h2>
      <div class="card">
        ${refundForm(view)}
        ${
          view.refunds.length
            ? html`<ul>
                ${view.refunds.map(
                  (refund) =>
                    html`<li>
                      ${when(refund.createdAt)}:
                      ${money(refund.amount, refund.currency)},
                      ${refund.status}${refund.providerRefundId ? html` (<span class="id">${refund.providerRefundId}</span>)` : ''}
                    </li>`
                )}
              </ul>`
            : ''
        }
      </div>
      <h2>Emails and webhooks</h2>
      ${
        view.jobs.length
          ? jobsTable({
              caption: 'Emails and webhooks',
              showCaption: false,
              jobs: view.jobs,
              csrf: view.csrf,
              back,
              withOrder: false,
            })
          : html`<p>None.</p>`
      }
      <h2>Timeline</h2>
      ${scroller(
        'Timeline',
        html`<table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            ${timeline(view).map(
              (moment) =>
                html`<tr>
                  <td class="when">${when(moment.at)}</td>
                  <td>${moment.what}</td>
                </tr>`
            )}
          </tbody>
        </table>`
      )}`
  );
}

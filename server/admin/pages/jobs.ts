/** Outbox jobs as a table, with "Retry now" and "Give up" on the open ones. */
import {html} from 'hono/html';
import type {AdminJob} from '../../orders/admin-store.js';
import {when} from '../format.js';
import {csrfField, type Html, scroller} from './layout.js';

const CHANNELS: Record<string, string> = {
  email: 'Buyer email',
  webhook: 'Your webhook',
  hook: 'Fulfilment hook',
  'merchant-email': 'Merchant email',
};

export const jobLabel = (job: AdminJob) =>
  `${CHANNELS[job.channel] ?? job.channel}: ${job.event}`;

const STATES: Record<AdminJob['state'], string> = {
  pending: 'pending',
  failed: 'failed, will retry',
  done: 'sent',
  given_up: 'given up',
};

function jobActions(job: AdminJob, csrf: string, back: string): Html | string {
  if (job.state !== 'pending' && job.state !== 'failed') return '';
  const form = (action: string, label: string) =>
    html`<form
      class="inline"
      method="post"
      action="/admin/outbox/${encodeURIComponent(job.id)}/${action}"
    >
      ${csrfField(csrf)}<input type="hidden" name="back" value="${back}" />
      <button
        type="submit"
        aria-label="${label}: ${jobLabel(job)}, ${job.orderId}"
      >
        ${label}
      </button>
    </form>`;
  return html`<div class="actions">
    ${form('retry', 'Retry now')}${form('give-up', 'Give up')}
  </div>`;
}

export function jobsTable(options: {
  /** The table's name (its region's label); shown as a caption unless a heading says it. */
  caption: string;
  showCaption?: boolean;
  jobs: AdminJob[];
  csrf: string;
  /** Where an action returns to. */
  back: string;
  withOrder: boolean;
}): Html {
  const {jobs, csrf, back, withOrder} = options;
  return scroller(
    options.caption,
    html`<table>
      ${
        options.showCaption === false
          ? ''
          : html`<caption>
              ${options.caption}
            </caption>`
      }
      <thead>
        <tr>
          ${withOrder ? html`<th scope="col">Order</th>` : ''}
          <th scope="col">What</th>
          <th scope="col">State</th>
          <th scope="col" class="num">Attempts</th>
          <th scope="col">Next attempt / done</th>
          <th scope="col">Last error</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        ${jobs.map(
          (job) =>
            html`<tr>
              ${
                withOrder
                  ? html`<td>
                      <a
                        class="id"
                        href="/admin/orders/${encodeURIComponent(job.orderId)}"
                        >${job.orderId}</a
                      >
                    </td>`
                  : ''
              }
              <td>${jobLabel(job)}</td>
              <td>${STATES[job.state]}</td>
              <td class="num">${job.attempts}</td>
              <td>${when(job.givenUpAt ?? job.doneAt ?? job.nextAttemptAt)}</td>
              <td>${job.state === 'done' ? '' : (job.lastError ?? '')}</td>
              <td>${jobActions(job, csrf, back)}</td>
            </tr>`
        )}
      </tbody>
    </table>`
  );
}

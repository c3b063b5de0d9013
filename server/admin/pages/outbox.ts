import {html} from 'hono/html';
import type {AdminJob} from '../../orders/admin-store.js';
import {jobsTable} from './jobs.js';
import {type Html, notice, page, problem} from './layout.js';

export function outboxPage(options: {
  csrf: string;
  jobs: AdminJob[];
  notice?: string;
  problem?: string;
}): Html {
  const failed = options.jobs.filter((job) => job.state === 'failed');
  const pending = options.jobs.filter((job) => job.state === 'pending');
  const table = (caption: string, jobs: AdminJob[]) =>
    jobs.length
      ? jobsTable({
          caption,
          jobs,
          csrf: options.csrf,
          back: '/admin/outbox',
          withOrder: true,
        })
      : html`<p>${caption}: none.</p>`;
  return page(
    {title: 'Outbox', session: {csrf: options.csrf, current: 'outbox'}},
    html`<h1>Outbox</h1>
      ${notice(options.notice)} ${problem(options.problem)}
      <p class="muted">
        Emails, your webhook and the fulfilment hook are retried with backoff
        until they are delivered. "Retry now" tries again at once; "Give up"
        stops trying.
      </p>
      ${table('Failed', failed)} ${table('Pending', pending)}`
  );
}

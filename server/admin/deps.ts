/** What the admin area is built from, and the plain page its refusals answer with. */
import type {Context} from 'hono';
import {html} from 'hono/html';
import type {CheckoutContext} from '../context.js';
import type {ClientAddress} from '../middleware/rate-limit.js';
import type {AdminSession} from '../orders/admin-store.js';
import type {OutboxWorker} from '../outbox/worker.js';
import type {AdminOptions} from './auth.js';
import type {DashboardModes} from './format.js';
import {page, problem} from './pages/layout.js';

export interface AdminDeps {
  options: AdminOptions;
  ctx: CheckoutContext;
  outbox: Pick<OutboxWorker, 'run'>;
  clientAddress: ClientAddress;
  dashboards: DashboardModes;
}

export interface AdminEnv {
  Variables: {session: AdminSession; csrf: string};
}

/** A plain page with a message and a status (refusals, not found). */
export const plainPage = (
  c: Context,
  status: 401 | 403 | 404 | 413 | 429,
  title: string,
  text: string
) =>
  c.html(
    page(
      {title},
      html`<h1>${title}</h1>
        ${problem(text)}
        <p><a href="/admin/orders">Back to the admin</a></p>`
    ),
    status
  );

/**
 * A form's fields (a repeated name: its last value). A body that cannot be read as a form (a
 * broken multipart body) is an empty form, which every action refuses, rather than a 500.
 */
export async function readForm(c: Context): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}

/**
 * The signed-in admin's pages and actions: orders (search, detail, refund), the outbox (retry
 * now, give up) and the CSV export. routes.ts has already checked the session and, for an
 * action, its CSRF token; each action here writes its audit row.
 */
import {randomBytes} from 'node:crypto';
import {type Context, Hono} from 'hono';
import type {OrderStatus, PaymentProvider} from '../contract.js';
import type {AuditEntry} from '../orders/admin-store.js';
import {refundOrder} from '../payments/refund.js';
import {GATEWAY_NAMES} from '../providers/registry.js';
import {actorOf} from './auth.js';
import {ORDER_COLUMNS, csvRow, orderRow} from './csv.js';
import {dashboardUrl, parseDecimal} from './format.js';
import {exportPage} from './pages/export.js';
import {ORDER_STATUSES, type OrdersQuery, ordersPage} from './pages/orders.js';
import {orderPage} from './pages/order.js';
import {outboxPage} from './pages/outbox.js';
import {type AdminDeps, type AdminEnv, plainPage, readForm} from './deps.js';

const PER_PAGE = 50;
const EXPORT_BATCH = 500;
const MAX_EXPORT_DAYS = 366;

/** What a redirect after an action says: keys from this list only, never text from a request. */
const NOTICES: Record<string, string> = {
  sent: 'Tried again: delivered.',
  'still-failing': 'Tried again: it failed again, and will be retried later.',
  'given-up': 'Given up: it will not be tried again.',
  'not-open':
    'That job is no longer open (delivered, given up, or being delivered right now).',
  'refund-asked': 'Refund asked of the provider.',
  'refund-done': 'Refunded.',
  'refund-repeated':
    'That refund was already asked for (the form was sent twice): nothing more was done.',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A YYYY-MM-DD day's start (UTC), or undefined. */
function dayStart(text: string | undefined): Date | undefined {
  if (!text || !DAY.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== text
    ? undefined
    : date;
}
const nextDay = (date: Date) => new Date(date.getTime() + 86_400_000);

/** A local admin path to return to after an action (nothing else is followed). */
const backPath = (value: unknown) =>
  typeof value === 'string' &&
  /^\/admin\/(outbox|orders\/[A-Za-z0-9_-]{1,64})$/.test(value)
    ? value
    : '/admin/outbox';

/**
 * Whether a path's id could be one of ours (an order's or a job's): short and without control
 * characters. PostgreSQL refuses a NUL in text, so anything else would be a 500 from the store.
 */
const plausibleId = (id: string) => id.length <= 64 && !/\p{Cc}/u.test(id);

const formText = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name] : '';

const noticeOf = (c: Context) => NOTICES[c.req.query('notice') ?? ''];

export function adminPages(deps: AdminDeps): Hono<AdminEnv> {
  const {ctx} = deps;
  const admin = ctx.store.admin;
  const iso = () => ctx.now().toISOString();
  // Every gateway the server knows: an order may be from one no longer configured.
  const providers: readonly string[] = GATEWAY_NAMES;
  const audit = (
    c: Context<AdminEnv>,
    entry: Omit<AuditEntry, 'at' | 'actor' | 'clientAddress'>
  ) =>
    admin.audit({
      at: iso(),
      actor: actorOf(c.get('session')),
      clientAddress: deps.clientAddress(c),
      ...entry,
    });

  const app = new Hono<AdminEnv>();

  app.get('/orders', async (c) => {
    // Control characters (a NUL, which PostgreSQL refuses in text) are no search.
    const raw = (name: string) =>
      (c.req.query(name) ?? '')
        .replace(/\p{Cc}/gu, '')
        .trim()
        .slice(0, 200);
    const query: OrdersQuery = {
      q: raw('q'),
      status: ORDER_STATUSES.includes(raw('status') as OrderStatus)
        ? raw('status')
        : '',
      provider: providers.includes(raw('provider') as PaymentProvider)
        ? raw('provider')
        : '',
      from: dayStart(raw('from')) ? raw('from') : '',
      to: dayStart(raw('to')) ? raw('to') : '',
      page: Math.min(
        100_000,
        Math.max(1, Number.parseInt(raw('page'), 10) || 1)
      ),
    };
    const to = dayStart(query.to);
    const {orders, total} = await admin.searchOrders({
      text: query.q || undefined,
      status: (query.status || undefined) as OrderStatus | undefined,
      provider: (query.provider || undefined) as PaymentProvider | undefined,
      createdFrom: dayStart(query.from)?.toISOString(),
      createdBefore: to && nextDay(to).toISOString(),
      limit: PER_PAGE,
      offset: (query.page - 1) * PER_PAGE,
    });
    return c.html(
      ordersPage({
        csrf: c.get('csrf'),
        query,
        providers,
        orders,
        total,
        perPage: PER_PAGE,
      })
    );
  });

  async function showOrder(
    c: Context<AdminEnv>,
    id: string,
    extra: {
      problem?: string;
      status?: 200 | 400 | 404 | 409 | 422 | 502 | 503;
    } = {}
  ) {
    const order = plausibleId(id) ? await ctx.store.get(id) : undefined;
    if (!order)
      return plainPage(c, 404, 'Not found', 'There is no such order.');
    const [ledger, jobs, auditRows, refunds] = await Promise.all([
      admin.ledger(id),
      admin.orderJobs(id),
      admin.auditLog({orderId: id, limit: 200}),
      ctx.store.refunds.forOrder(id),
    ]);
    const reserved = refunds
      .filter((refund) => refund.status !== 'failed')
      .reduce((sum, refund) => sum + refund.amount, 0);
    const refundable =
      order.status === 'paid' || order.status === 'partially_refunded'
        ? Math.max(0, order.total - Math.max(order.amountRefunded, reserved))
        : 0;
    return c.html(
      orderPage({
        csrf: c.get('csrf'),
        order,
        dashboardUrl: dashboardUrl(
          order.provider,
          order.providerPaymentId,
          deps.dashboards
        ),
        ledger,
        jobs,
        audit: auditRows,
        refunds,
        refundable,
        refundKey: randomBytes(18).toString('base64url'),
        notice: noticeOf(c),
        problem: extra.problem,
      }),
      extra.status ?? 200
    );
  }

  app.get('/orders/:id', (c) => showOrder(c, c.req.param('id')));

  app.post('/orders/:id/refunds', async (c) => {
    const orderId = c.req.param('id');
    const order = plausibleId(orderId)
      ? await ctx.store.get(orderId)
      : undefined;
    if (!order)
      return plainPage(c, 404, 'Not found', 'There is no such order.');
    const body = await readForm(c);
    const key = formText(body, 'key');
    const full = formText(body, 'full') === '1';
    const amount = full
      ? undefined
      : parseDecimal(formText(body, 'amount'), order.currency);
    if (!/^[A-Za-z0-9_-]{16,128}$/.test(key) || (!full && amount === undefined))
      return showOrder(c, orderId, {
        status: 400,
        problem: `Type the amount to refund in ${order.currency.toUpperCase()}, e.g. 12.50.`,
      });
    const actor = actorOf(c.get('session'));
    // refundOrder writes the audit row (as it does for the API and the command).
    const outcome = await refundOrder(ctx, {
      orderId,
      amount,
      key,
      actor,
      clientAddress: deps.clientAddress(c),
    });
    if (!outcome.ok)
      return showOrder(c, orderId, {
        status: outcome.error.status as 400,
        problem: outcome.error.message,
      });
    const notice = !outcome.created
      ? 'refund-repeated'
      : outcome.refund.status === 'succeeded'
        ? 'refund-done'
        : 'refund-asked';
    return c.redirect(
      `/admin/orders/${encodeURIComponent(orderId)}?notice=${notice}`,
      303
    );
  });

  app.get('/outbox', async (c) =>
    c.html(
      outboxPage({
        csrf: c.get('csrf'),
        jobs: await admin.openJobs(500),
        notice: noticeOf(c),
      })
    )
  );

  app.post('/outbox/:id/retry', async (c) => {
    const back = backPath((await readForm(c)).back);
    const jobId = c.req.param('id');
    const job = plausibleId(jobId)
      ? await admin.retryJob(jobId, iso())
      : undefined;
    let notice = 'not-open';
    if (job) {
      await deps.outbox.run(job.orderId);
      const after = await admin.job(jobId);
      notice = after?.state === 'done' ? 'sent' : 'still-failing';
    }
    await audit(c, {
      action: 'retry',
      jobId: plausibleId(jobId) ? jobId : undefined,
      orderId: job?.orderId,
      detail: notice,
    });
    return c.redirect(`${back}?notice=${notice}`, 303);
  });

  app.post('/outbox/:id/give-up', async (c) => {
    const back = backPath((await readForm(c)).back);
    const jobId = c.req.param('id');
    const job = plausibleId(jobId)
      ? await admin.giveUpJob(jobId, iso())
      : undefined;
    const notice = job ? 'given-up' : 'not-open';
    await audit(c, {
      action: 'give_up',
      jobId: plausibleId(jobId) ? jobId : undefined,
      orderId: job?.orderId,
      detail: notice,
    });
    return c.redirect(`${back}?notice=${notice}`, 303);
  });

  app.get('/export', (c) => {
    const today = iso().slice(0, 10);
    return c.html(
      exportPage({
        csrf: c.get('csrf'),
        from: `${today.slice(0, 8)}01`,
        to: today,
      })
    );
  });

  app.post('/export', async (c) => {
    const body = await readForm(c);
    const fromText = formText(body, 'from');
    const toText = formText(body, 'to');
    const from = dayStart(fromText);
    const to = dayStart(toText);
    const days =
      from && to ? (to.getTime() - from.getTime()) / 86_400_000 + 1 : 0;
    if (!from || !to || days < 1 || days > MAX_EXPORT_DAYS)
      return c.html(
        exportPage({
          csrf: c.get('csrf'),
          from: fromText,
          to: toText,
          problem: `Choose two days, the first not after the second, at most ${MAX_EXPORT_DAYS} days apart.`,
        }),
        400
      );
    const before = nextDay(to).toISOString();
    let text = csvRow(ORDER_COLUMNS);
    let count = 0;
    let cursor: {createdAt: string; id: string} | undefined;
    for (;;) {
      const orders = await admin.ordersCreated(
        from.toISOString(),
        before,
        EXPORT_BATCH,
        cursor
      );
      for (const order of orders) text += orderRow(order);
      count += orders.length;
      if (orders.length < EXPORT_BATCH) break;
      const last = orders.at(-1)!;
      cursor = {createdAt: last.createdAt, id: last.id};
    }
    await audit(c, {
      action: 'export',
      detail: `${fromText}..${toText}: ${count} orders`,
    });
    return c.body(text, 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="orders-${fromText}-to-${toText}.csv"`,
    });
  });

  return app;
}

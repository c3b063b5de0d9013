/**
 * createCheckoutServer: the companion server, built from options — a Hono app (Web-standard
 * Request/Response only, so it runs on Node (server/node.ts), Workers, Deno or Bun) and the
 * background work behind it (the outbox's retries, reconciliation), which start() and stop()
 * run.
 */
import {Hono} from 'hono';
import {type AdminOptions, adminEnabled} from './admin/auth.js';
import {adminRoutes} from './admin/routes.js';
import type {Catalog} from './catalog/index.js';
import type {CheckoutContext} from './context.js';
import {answerError, answerNotFound, ApiError} from './errors.js';
import {type Logger, silentLogger} from './log.js';
import {instrumentGateways} from './metrics/gateways.js';
import {metricsRoute, requestMetrics} from './metrics/http.js';
import {createMetrics} from './metrics/metrics.js';
import {countFailures} from './metrics/outbox.js';
import {bodyLimit} from './middleware/body-limit.js';
import {forwardedOriginCheck} from './middleware/forwarded.js';
import {
  type HeaderTarget,
  responseHeaders,
  securityHeaders,
} from './middleware/headers.js';
import {idempotency} from './middleware/idempotency.js';
import {originGuard} from './middleware/origin.js';
import {
  type ClientAddress,
  DEFAULT_RATE_LIMITS,
  type RateLimitOptions,
  rateLimits,
  socketAddress,
} from './middleware/rate-limit.js';
import type {Mailer} from './notify/email.js';
import type {OrderStore} from './orders/store.js';
import {createChannels} from './outbox/channels.js';
import {createOutboxWorker} from './outbox/worker.js';
import {createFulfiller, type OrderHook} from './payments/fulfilment.js';
import {createReconciler} from './payments/reconcile.js';
import {syncOrder} from './payments/record-payment.js';
import {type RefundInput, refundOrder} from './payments/refund.js';
import {createGateways, type GatewayProviders} from './providers/registry.js';
import {configRoutes} from './routes/config.js';
import {gatewayRoutes} from './routes/gateways.js';
import {orderRoutes} from './routes/orders.js';
import {quoteRoutes} from './routes/quote.js';
import {webhookRoutes} from './routes/webhooks.js';
import {adminApiRoutes} from './routes/admin-api.js';

/**
 * The options, with one entry per configured gateway of the registry (providers/registry.ts):
 * `stripe: createStripeProvider(…)`, `paypal: createPaypalProvider(…)`.
 */
export interface CheckoutServerOptions extends GatewayProviders {
  catalog: Catalog;
  store: OrderStore;
  /**
   * The shop's public URL (PUBLIC_URL). Its origin is the shop's own: redirect targets, CORS and
   * the origin guard trust it (and `allowedOrigins`) whatever a request's Host header says, and
   * HSTS is sent only when it is https. Unset: only `allowedOrigins` are trusted.
   */
  publicUrl?: string;
  /** Origins besides the shop's own that may call the API from a browser. */
  allowedOrigins?: readonly string[];
  /** The locale the element uses unless the page sets one. */
  locale?: string;
  /** Called once per paid order, after it is stored as paid; a throw is retried with backoff. */
  onOrderPaid?: OrderHook;
  /** Called once per new refunded total of an order. */
  onOrderRefunded?: OrderHook;
  /** Sends the buyer's confirmation and refund emails (smtpMailer, folderMailer). */
  mailer?: Mailer;
  /** The shop's name in emails. */
  shopName?: string;
  /** The merchant's signed webhook for order events (ORDER_WEBHOOK_URL). */
  orderWebhook?: {url: string; secret: string};
  /** MERCHANT_EMAIL: an email (through `mailer`) for each paid order and each dispute. */
  merchantEmail?: string;
  /**
   * GET /metrics (Prometheus): on unless false. METRICS_TOKEN: only with this bearer token;
   * without one, only to a client on this machine (the socket's address, not a header).
   */
  metrics?: boolean;
  metricsToken?: string;
  /**
   * The admin area at /admin (server/admin/): on with a `token` (ADMIN_TOKEN, at least 32
   * characters) or a `passwordHash` (ADMIN_PASSWORD_HASH); without either, /admin is unknown.
   */
  admin?: AdminOptions;
  logger?: Logger;
  now?: () => Date;
  /** How long an unpaid order waits for its webhook before a read asks the provider (default 10 s). */
  staleAfterMs?: number;
  /**
   * Where the fixed headers go (the security headers, the API's policy, CORS: see
   * middleware/headers.ts): on each answer by default; server/node.ts puts them on Node's own
   * response (node-http.ts's nodeHeaders), where they cost next to nothing per answer.
   */
  headers?: HeaderTarget;
  /**
   * TRUST_PROXY: compare what the proxy says it forwarded (X-Forwarded-Proto/Host) with
   * `publicUrl`, and warn once per other origin (middleware/forwarded.ts). Changes no answer.
   */
  checkForwardedOrigin?: boolean;
  /** Creates and quotes per client per minute (default 30 and 120; 0 turns a limit off). */
  rateLimits?: Partial<RateLimitOptions>;
  /**
   * Who a request is from, for the limits: by default the socket's address as @hono/node-server
   * passes it. On another runtime, or behind a proxy (TRUST_PROXY), pass what identifies the
   * client there; never a header a client can set unless a proxy you run overwrites it.
   */
  clientAddress?: ClientAddress;
  /** start(): how often the outbox retries due side effects (default 5 s). */
  outboxIntervalMs?: number;
  /** start(): how often open orders are reconciled with their provider (default 60 s; 0: only once at start). */
  reconcileIntervalMs?: number;
  /** start(): how long an open order waits before reconciliation checks it (default 5 min). */
  reconcileAfterMs?: number;
}

const API_BODY_LIMIT = 64 * 1024;

/**
 * The server and its background parts. `app` answers requests on its own; `start()` runs the
 * outbox's retries and reconciliation (once now, then on an interval), `stop()` stops them and
 * resolves once no job or check is under way. `outbox` and `reconciler` are there for tools
 * and tests that drive them by hand; `beginShutdown()` makes /readyz answer 503.
 */
export function createCheckoutServer(options: CheckoutServerOptions) {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const metrics =
    options.metrics === false
      ? undefined
      : createMetrics({
          snapshot: options.store.metricsSnapshot?.bind(options.store),
        });
  const outbox = createOutboxWorker({
    store: options.store,
    handlers: countFailures(createChannels({...options, logger, now}), metrics),
    logger,
    now,
  });
  const gatewayDeps = {
    logger,
    now,
    defaultCurrency: options.catalog.defaultCurrency,
  };
  const ctx: CheckoutContext = {
    catalog: options.catalog,
    store: options.store,
    gateways: metrics
      ? instrumentGateways(createGateways(options, gatewayDeps), metrics)
      : createGateways(options, gatewayDeps),
    metrics,
    fulfiller: createFulfiller(options.store, outbox, now),
    logger,
    locale: options.locale,
    publicOrigin: options.publicUrl && new URL(options.publicUrl).origin,
    allowedOrigins: (options.allowedOrigins ?? []).map((origin) =>
      origin === '*' ? origin : new URL(origin).origin
    ),
    now,
    staleAfterMs: options.staleAfterMs ?? 10_000,
  };

  const perMinute: RateLimitOptions = {
    createPerMinute:
      options.rateLimits?.createPerMinute ??
      DEFAULT_RATE_LIMITS.createPerMinute,
    quotePerMinute:
      options.rateLimits?.quotePerMinute ?? DEFAULT_RATE_LIMITS.quotePerMinute,
  };
  const limits = rateLimits(
    options.store,
    perMinute,
    options.clientAddress ?? socketAddress,
    now,
    options.headers
  );
  const idempotent = idempotency({store: options.store, now});

  // Every header is set before the route runs, and a body's size is judged by its
  // Content-Length, so that @hono/node-server answers from the route's own Response without
  // building a Request or re-streaming the answer (middleware/headers.ts, body-limit.ts).
  const apiBodyLimit = bodyLimit(
    API_BODY_LIMIT,
    () =>
      new ApiError(
        413,
        'payload_too_large',
        'The request body is larger than 64 KB.'
      )
  );
  const headerTarget = options.headers;
  const api = new Hono()
    // JSON is never a document: should a browser be talked into rendering an answer, it may
    // load nothing and be framed by no one.
    .use(
      responseHeaders(
        [
          [
            'Content-Security-Policy',
            "default-src 'none'; frame-ancestors 'none'",
          ],
        ],
        headerTarget
      )
    )
    .use(originGuard(ctx, headerTarget))
    // Webhooks carry their own 256 KB limit; everything else is a small JSON cart.
    .use('*', (c, next) =>
      c.req.path.startsWith('/api/webhooks/') ? next() : apiBodyLimit(c, next)
    );
  // Abuse limits per client, then client idempotency, on everything that creates something
  // (each gateway's creates, and the quote); never on webhooks. No limit, no middleware.
  if (perMinute.quotePerMinute > 0) api.on('POST', '/quote', limits.quote);
  api
    .route('/config', configRoutes(ctx))
    .route('/quote', quoteRoutes(ctx))
    .route('/', gatewayRoutes(ctx, {createLimit: limits.create, idempotent}))
    .route('/orders', orderRoutes(ctx))
    .route('/webhooks', webhookRoutes(ctx))
    // POST /api/admin/orders/:id/refunds, with ADMIN_TOKEN only (else nothing is there).
    .route(
      '/admin',
      adminApiRoutes(
        ctx,
        options.admin?.token,
        options.clientAddress ?? socketAddress
      )
    )
    .all('*', () => {
      throw new ApiError(404, 'not_found', 'No such endpoint.');
    });

  const app = new Hono();
  // First, so that it times everything after it and sees every answer's status.
  if (metrics) app.use(requestMetrics(metrics));
  if (options.checkForwardedOrigin && ctx.publicOrigin)
    app.use(forwardedOriginCheck(ctx.publicOrigin, logger));
  app.use(responseHeaders(securityHeaders(ctx.publicOrigin), headerTarget));
  // /healthz: the process is alive (no I/O, for a liveness probe). /readyz: it can serve — the
  // database answers and has every migration, and it is not shutting down (a readiness probe;
  // a load balancer stops sending requests on the 503).
  let shuttingDown = false;
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ok: true});
  });
  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const state = shuttingDown
      ? 'shutting_down'
      : await withTimeout(
          options.store.readiness(),
          READY_TIMEOUT_MS,
          'database_unavailable' as const
        );
    if (state !== 'ready')
      throw new ApiError(503, 'not_ready', NOT_READY[state]);
    return c.json({ok: true});
  });
  if (metrics) app.get('/metrics', metricsRoute(metrics, options.metricsToken));
  app.route('/api', api);
  const admin = options.admin;
  if (admin && adminEnabled(admin))
    app.route(
      '/admin',
      adminRoutes({
        options: admin,
        ctx,
        outbox,
        clientAddress: options.clientAddress ?? socketAddress,
        dashboards: {
          stripeLive:
            options.stripe?.publishableKey.startsWith('pk_live_') ?? false,
          paypalLive: options.paypal?.environment === 'live',
        },
      })
    );

  app.onError(answerError(logger));
  app.notFound(answerNotFound);
  const reconciler = createReconciler({
    ...ctx,
    sync: (order) => syncOrder(ctx, order),
  });
  return {
    app,
    /**
     * Starts the background work: side effects left over from a previous run (a crash, an
     * SMTP outage) go out now and then every few seconds, and orders whose webhook never came
     * are checked against their provider once now (awaited) and then on an interval.
     */
    async start() {
      outbox.start(options.outboxIntervalMs ?? 5_000);
      const after = options.reconcileAfterMs ?? DEFAULT_RECONCILE_AFTER_MS;
      await reconciler.runOnce(after);
      const interval =
        options.reconcileIntervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS;
      if (interval > 0) reconciler.start(interval, after);
    },
    /** Stops the background work and resolves when no outbox job or check is under way. */
    async stop() {
      outbox.stop();
      reconciler.stop();
      await reconciler.idle();
      await outbox.idle();
    },
    outbox,
    reconciler,
    /** Refunds an order (payments/refund.ts): the admin's form, its API and the `refund` command. */
    refund: (input: RefundInput) => refundOrder(ctx, input),
    /** From now on /readyz answers 503 (SIGTERM: the load balancer takes this instance out). */
    beginShutdown() {
      shuttingDown = true;
    },
  };
}

const DEFAULT_RECONCILE_AFTER_MS = 5 * 60_000;
const DEFAULT_RECONCILE_INTERVAL_MS = 60_000;

/** How long /readyz waits for the database before it calls it unavailable. */
const READY_TIMEOUT_MS = 2000;

const NOT_READY = {
  database_unavailable: 'The database does not answer.',
  migrations_pending:
    'The database lacks migrations this version needs; start the server once to run them.',
  shutting_down: 'The server is shutting down.',
};

function withTimeout<T, F>(
  promise: Promise<T>,
  ms: number,
  fallback: F
): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export type CheckoutServer = ReturnType<typeof createCheckoutServer>;

/**
 * The server's Prometheus series (prom-client), one registry per server (no module state but
 * the process's own metrics, which are the process's): requests by route pattern and status
 * and their duration, orders by status and provider and the outbox's depth (read from the
 * store at scrape time), webhook events by outcome, outbox job failures by channel, and the
 * latency of each gateway operation. Every label takes its values from code (route patterns,
 * provider names, method names, outcomes), never from a request, so the series stay bounded.
 */
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
} from 'prom-client';
import type {StoreMetrics} from '../orders/store.js';
import {httpSeries} from './http-series.js';

/** What a webhook delivery came to (payments/record-payment.ts's outcomes, and a refusal). */
export type WebhookOutcome =
  'applied' | 'duplicate' | 'unchanged' | 'ignored' | 'invalid_signature';

export interface CheckoutMetrics {
  /** One answered request: its method, the pattern of the route that answered it, its status. */
  request(method: string, route: string, status: number, seconds: number): void;
  webhookEvent(provider: string, outcome: WebhookOutcome): void;
  outboxFailure(channel: string): void;
  providerCall(
    provider: string,
    operation: string,
    outcome: 'ok' | 'error',
    seconds: number
  ): void;
  /** The exposition text, with what the store counts now. */
  scrape(): Promise<string>;
  readonly contentType: string;
}

// The process's own series (CPU, memory, event loop, GC) belong to the process, not to one
// server: one registry for them, started by the first scrape (a server that is never scraped
// pays nothing for it).
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({register: processRegistry});
  }
  return processRegistry;
}

const PREFIX = 'pay_checkout_';

export function createMetrics(options: {
  /** The store's counts (OrderStore.metricsSnapshot), read at each scrape. */
  snapshot?: () => Promise<StoreMetrics>;
}): CheckoutMetrics {
  const registry = new Registry();
  const http = httpSeries(PREFIX);
  const orders = new Gauge({
    name: `${PREFIX}orders`,
    help: 'Orders in the database, by status and provider.',
    labelNames: ['status', 'provider'],
    registers: [registry],
  });
  const outboxJobs = new Gauge({
    name: `${PREFIX}outbox_jobs`,
    help: 'Outbox jobs not yet done, by channel and state (pending: not tried yet; failed: tried, retried later).',
    labelNames: ['channel', 'state'],
    registers: [registry],
  });
  const outboxFailures = new Counter({
    name: `${PREFIX}outbox_job_failures_total`,
    help: 'Outbox job attempts that failed (each is retried with backoff), by channel.',
    labelNames: ['channel'],
    registers: [registry],
  });
  const webhooks = new Counter({
    name: `${PREFIX}webhook_events_total`,
    help: 'Webhook deliveries, by provider and outcome.',
    labelNames: ['provider', 'outcome'],
    registers: [registry],
  });
  const providerCalls = new Histogram({
    name: `${PREFIX}provider_call_duration_seconds`,
    help: 'Gateway operations (calls to the provider, webhook verification), by provider, operation and outcome.',
    labelNames: ['provider', 'operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  return {
    request: http.observe,
    webhookEvent: (provider, outcome) => webhooks.inc({provider, outcome}),
    outboxFailure: (channel) => outboxFailures.inc({channel}),
    providerCall: (provider, operation, outcome, seconds) =>
      providerCalls.observe({provider, operation, outcome}, seconds),
    async scrape() {
      if (options.snapshot) {
        const counts = await options.snapshot();
        orders.reset();
        for (const row of counts.orders)
          orders.set({status: row.status, provider: row.provider}, row.count);
        outboxJobs.reset();
        for (const row of counts.outbox)
          outboxJobs.set({channel: row.channel, state: row.state}, row.count);
      }
      const own = await registry.metrics();
      return `${http.exposition()}\n${own}\n${await processMetrics().metrics()}`;
    },
    contentType: registry.contentType,
  };
}

/**
 * The admin area in tests: a server with ADMIN_TOKEN and/or a password hash on a clock the test
 * moves, orders seeded at chosen times, and a browser-like client that keeps the session
 * cookie, reads the CSRF token from the pages and posts forms the way the pages do.
 */
import assert from 'node:assert/strict';
import type {AdminOptions} from '../../server/admin/auth.js';
import type {CheckoutServerOptions} from '../../server/app.js';
import type {Mailer} from '../../server/notify/email.js';
import type {OrderStatus} from '../../server/contract.js';
import {makeServer, seedOrder, type TestServer} from './helpers.js';

export const TOKEN = 'admin-token-for-tests-0123456789-abcdef';
export const ORIGIN = 'https://shop.example';

export interface Clock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function clock(start = '2026-11-01T09:00:00.000Z'): Clock {
  let at = new Date(start);
  return {
    now: () => at,
    set: (iso) => {
      at = new Date(iso);
    },
    advance: (ms) => {
      at = new Date(at.getTime() + ms);
    },
  };
}

/** A mailer that fails while `failing` is true, and keeps what it sent. */
export function flakyMailer() {
  const sent: string[] = [];
  const mailer = {
    failing: true,
    sent,
    async send(message: Parameters<Mailer['send']>[0]) {
      if (mailer.failing) throw new Error('SMTP is down');
      sent.push(message.subject);
    },
  };
  return mailer;
}

export async function adminServer(
  options: Partial<CheckoutServerOptions> & {admin?: AdminOptions} = {},
  time: Clock = clock()
): Promise<TestServer & {clock: Clock}> {
  const server = await makeServer({
    admin: {token: TOKEN},
    publicUrl: ORIGIN,
    now: time.now,
    ...options,
  });
  return {...server, clock: time};
}

/** An order created at `at` (the clock is moved there), optionally paid with its email job. */
export async function orderAt(
  server: TestServer & {clock: Clock},
  id: string,
  at: string,
  fields: {
    email?: string;
    total?: number;
    currency?: string;
    status?: OrderStatus;
  } = {}
) {
  server.clock.set(at);
  await seedOrder(
    server.store,
    id,
    `pi_${id}`,
    fields.total ?? 5000,
    fields.currency ?? 'usd',
    fields.email
  );
  if (fields.status && fields.status !== 'pending')
    await server.store.update(
      id,
      () => ({
        status: fields.status,
        ...(fields.status === 'paid' && {paidAt: at}),
      }),
      fields.status === 'paid'
        ? {
            provider: 'stripe',
            eventId: `evt_${id}`,
            type: 'payment_intent.succeeded',
          }
        : undefined,
      () =>
        fields.status === 'paid'
          ? [
              {
                orderId: id,
                kind: 'email:order.paid',
                channel: 'email',
                event: 'order.paid',
              },
            ]
          : []
    );
}

type App = TestServer['app'];

/** A browser on the admin pages: its cookies, the last CSRF token it saw, our Origin. */
export class AdminClient {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(
    readonly app: App,
    readonly origin = ORIGIN
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name!);
      else this.cookies.set(name!, value!);
    }
    return response;
  }

  async get(path: string) {
    const response = this.keep(
      await this.app.request(path, {headers: {cookie: this.cookieHeader()}})
    );
    return response;
  }

  /** The page's text, with the CSRF token it carries remembered. */
  async page(path: string) {
    const response = await this.get(path);
    const text = await response.text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(text)?.[1];
    if (csrf) this.csrf = csrf;
    return {response, text};
  }

  async post(
    path: string,
    form: Record<string, string>,
    headers: Record<string, string> = {}
  ) {
    return this.keep(
      await this.app.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: this.cookieHeader(),
          origin: this.origin,
          'sec-fetch-site': 'same-origin',
          ...headers,
        },
        body: new URLSearchParams(form).toString(),
      })
    );
  }

  /** Posts with the CSRF token of the last page seen. */
  action(path: string, form: Record<string, string> = {}) {
    return this.post(path, {csrf: this.csrf, ...form});
  }

  async signIn(secret = TOKEN) {
    const response = await this.post('/admin/login', {secret});
    assert.equal(response.status, 303, 'signed in');
    await this.page('/admin/orders');
    return response;
  }
}

/** The audit log's actions, oldest first. */
export async function auditActions(server: TestServer) {
  return (await server.store.admin.auditLog({limit: 1000}))
    .reverse()
    .map((entry) => entry.action);
}

/**
 * A small in-memory PayPal REST API for the server tests, served through an injected `fetch`,
 * so these tests need no socket. The over-HTTP tests run against the PayPal emulator instead.
 */
import {Hono} from 'hono';
import {
  CERT_URL,
  PAYPAL_CLIENT_ID,
  PAYPAL_CLIENT_SECRET,
  PAYPAL_TEST_CERT,
} from './paypal-webhook-fixtures.js';

interface FakeOrder {
  id: string;
  status: string;
  requestBody: {
    purchase_units: {
      custom_id: string;
      invoice_id: string;
      amount: {
        currency_code: string;
        value: string;
        breakdown?: Record<string, {currency_code: string; value: string}>;
      };
      shipping?: {
        name?: {full_name: string};
        address?: Record<string, string>;
        options?: {id: string; selected: boolean}[];
      };
    }[];
  };
  /** What the next capture does: an issue to refuse with, or the capture's status and fields. */
  decline?: string;
  captureStatus?: string;
  captureAmount?: {currency_code: string; value: string};
  captureCustomId?: string;
  capture?: Record<string, unknown>;
}

export interface FakeCall {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

/**
 * An in-memory PayPal REST API: OAuth, Orders v2 create/get/capture with request-id replay and
 * the sum checks, the postback, and certificates. Reached through `fake.fetch`.
 */
export function createFakePaypal(
  options: {tokenLifetimeS?: number; now?: () => number} = {}
) {
  const now = options.now ?? Date.now;
  const calls: FakeCall[] = [];
  const orders = new Map<string, FakeOrder>();
  const tokens = new Map<string, {revoked: boolean}>();
  const replies = new Map<string, {status: number; body: unknown}>();
  const certs = new Map<string, string>([
    [new URL(CERT_URL).pathname, PAYPAL_TEST_CERT],
  ]);
  const faults: {
    match: (method: string, path: string) => boolean;
    fault: 'hang' | Response;
  }[] = [];
  let counter = 0;
  const state = {
    tokenLifetimeS: options.tokenLifetimeS ?? 32400,
    postbackStatus: 'SUCCESS',
  };

  const error = (status: number, name: string, issue?: string) => ({
    status,
    body: {
      name,
      message: `The requested action could not be performed (${issue ?? name}).`,
      debug_id: `dbg${++counter}`,
      details: issue ? [{issue, description: `${issue} happened`}] : [],
    },
  });

  const view = (order: FakeOrder) => ({
    id: order.id,
    status: order.status,
    intent: 'CAPTURE',
    purchase_units: order.requestBody.purchase_units.map((unit) => ({
      reference_id: 'default',
      ...unit,
      ...(order.capture && {payments: {captures: [order.capture]}}),
    })),
  });

  const app = new Hono();
  app.use('/v1/*', async (c, next) =>
    c.req.path.startsWith('/v1/notifications/certs/')
      ? next()
      : authorise(c, next)
  );
  app.use('/v2/*', authorise);
  async function authorise(
    c: import('hono').Context,
    next: () => Promise<void>
  ) {
    if (c.req.path === '/v1/oauth2/token') return next();
    const bearer = /^Bearer (.+)$/.exec(
      c.req.header('authorization') ?? ''
    )?.[1];
    const token = bearer && tokens.get(bearer);
    if (!token || token.revoked)
      return c.json(
        {
          error: 'invalid_token',
          error_description: 'Token signature verification failed',
        },
        401
      );
    await next();
  }

  app.post('/v1/oauth2/token', async (c) => {
    const expected = `Basic ${btoa(`${PAYPAL_CLIENT_ID}:${PAYPAL_CLIENT_SECRET}`)}`;
    if (
      c.req.header('authorization') !== expected ||
      (await c.req.text()) !== 'grant_type=client_credentials'
    ) {
      return c.json(
        {
          error: 'invalid_client',
          error_description: 'Client Authentication failed',
        },
        401
      );
    }
    const token = `A21AA${++counter}-${now()}`;
    tokens.set(token, {revoked: false});
    return c.json({
      scope: 'https://uri.paypal.com/services/payments',
      access_token: token,
      token_type: 'Bearer',
      app_id: 'APP-80W284485P519543T',
      expires_in: state.tokenLifetimeS,
      nonce: 'n',
    });
  });

  // PayPal-Request-Id: a request id seen before gets the first answer again.
  const idempotent = (
    c: import('hono').Context,
    scope: string,
    run: () => {status: number; body: unknown}
  ) => {
    const requestId = c.req.header('paypal-request-id');
    const key = requestId && `${scope}:${requestId}`;
    const reply = (key && replies.get(key)) || run();
    if (key) replies.set(key, reply);
    return c.json(reply.body as object, reply.status as 201);
  };

  app.post('/v2/checkout/orders', async (c) => {
    const body = await c.req.json();
    return idempotent(c, 'create', () => {
      const unit = body.purchase_units?.[0];
      const cents = (v: string) => Math.round(Number(v) * 100);
      const itemSum = (unit?.items ?? []).reduce(
        (sum: number, item: {unit_amount: {value: string}; quantity: string}) =>
          sum + cents(item.unit_amount.value) * Number(item.quantity),
        0
      );
      if (!unit?.amount?.breakdown?.item_total)
        return error(422, 'UNPROCESSABLE_ENTITY', 'ITEM_TOTAL_REQUIRED');
      if (itemSum !== cents(unit.amount.breakdown.item_total.value))
        return error(422, 'UNPROCESSABLE_ENTITY', 'ITEM_TOTAL_MISMATCH');
      if (!sumsUp(unit.amount))
        return error(422, 'UNPROCESSABLE_ENTITY', 'AMOUNT_MISMATCH');
      const id = `5O${String(++counter).padStart(15, '0')}`;
      const order: FakeOrder = {id, status: 'CREATED', requestBody: body};
      orders.set(id, order);
      return {status: 201, body: view(order)};
    });
  });

  // The two paths the server replaces when PayPal's window reprices an order.
  const UNIT = "/purchase_units/@reference_id=='default'";
  app.patch('/v2/checkout/orders/:id', async (c) => {
    const order = orders.get(c.req.param('id'));
    if (!order)
      return c.json(
        error(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID').body,
        404
      );
    if (order.status === 'COMPLETED') {
      const {status, body} = error(
        422,
        'UNPROCESSABLE_ENTITY',
        'ORDER_ALREADY_COMPLETED'
      );
      return c.json(body, status as 422);
    }
    const operations = (await c.req.json()) as {
      op: string;
      path: string;
      value: never;
    }[];
    const unit = order.requestBody.purchase_units[0];
    for (const {op, path, value} of operations) {
      if (op === 'replace' && path === `${UNIT}/amount`) unit.amount = value;
      else if (path === `${UNIT}/shipping/options` && unit.shipping)
        unit.shipping.options = value;
      else {
        const {status, body} = error(400, 'INVALID_REQUEST', 'NOT_PATCHABLE');
        return c.json(body, status as 400);
      }
    }
    if (!sumsUp(unit.amount)) {
      const {status, body} = error(
        422,
        'UNPROCESSABLE_ENTITY',
        'AMOUNT_MISMATCH'
      );
      return c.json(body, status as 422);
    }
    return c.body(null, 204);
  });

  app.get('/v2/checkout/orders/:id', (c) => {
    const order = orders.get(c.req.param('id'));
    return order
      ? c.json(view(order))
      : c.json(
          error(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID').body,
          404
        );
  });

  app.post('/v2/checkout/orders/:id/capture', (c) =>
    idempotent(c, 'capture', () => {
      const order = orders.get(c.req.param('id'));
      if (!order)
        return error(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
      if (order.status === 'COMPLETED')
        return error(422, 'UNPROCESSABLE_ENTITY', 'ORDER_ALREADY_CAPTURED');
      if (order.status !== 'APPROVED')
        return error(422, 'UNPROCESSABLE_ENTITY', 'ORDER_NOT_APPROVED');
      if (order.decline) {
        const issue = order.decline;
        order.decline = undefined;
        return error(422, 'UNPROCESSABLE_ENTITY', issue);
      }
      const unit = order.requestBody.purchase_units[0];
      order.status = 'COMPLETED';
      order.capture = {
        id: `3C${String(++counter).padStart(15, '0')}`,
        status: order.captureStatus ?? 'COMPLETED',
        amount: order.captureAmount ?? {
          currency_code: unit.amount.currency_code,
          value: unit.amount.value,
        },
        custom_id: order.captureCustomId ?? unit.custom_id,
        invoice_id: unit.invoice_id,
        final_capture: true,
      };
      return {status: 201, body: view(order)};
    })
  );

  app.get('/v2/payments/captures/:id', (c) => {
    const order = [...orders.values()].find(
      (o) => o.capture?.id === c.req.param('id')
    );
    if (!order)
      return c.json(
        error(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID').body,
        404
      );
    return c.json({
      ...order.capture,
      supplementary_data: {related_ids: {order_id: order.id}},
    });
  });

  app.post('/v1/notifications/verify-webhook-signature', (c) =>
    c.json({verification_status: state.postbackStatus})
  );

  app.get('/v1/notifications/certs/:name', (c) => {
    const pem = certs.get(c.req.path);
    return pem
      ? c.text(pem)
      : c.json(error(404, 'RESOURCE_NOT_FOUND').body, 404);
  });

  const fakeFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body =
      request.method === 'GET' ? undefined : await request.clone().text();
    calls.push({
      method: request.method,
      path: url.pathname,
      headers: request.headers,
      body: body && tryJson(body),
    });
    const index = faults.findIndex((f) =>
      f.match(request.method, url.pathname)
    );
    if (index >= 0) {
      const [{fault}] = faults.splice(index, 1);
      if (fault === 'hang') {
        return new Promise<Response>((_, reject) => {
          // AbortSignal.timeout does not keep the process alive; a hanging server socket would.
          const alive = setTimeout(
            () => reject(new Error('the fake hung for a minute')),
            60_000
          );
          const abort = () => {
            clearTimeout(alive);
            reject(
              init?.signal?.reason ?? new DOMException('aborted', 'AbortError')
            );
          };
          if (init?.signal?.aborted) abort();
          init?.signal?.addEventListener('abort', abort);
        });
      }
      return fault;
    }
    return app.fetch(request);
  };

  return {
    fetch: fakeFetch,
    calls,
    orders,
    state,
    certs,
    /** How many calls were made: `count('POST', '/v1/oauth2/token')`; a path ending in `*` is a prefix. */
    count(method: string, path: string) {
      return calls.filter(
        (call) =>
          call.method === method &&
          (path.endsWith('*')
            ? call.path.startsWith(path.slice(0, -1))
            : call.path === path)
      ).length;
    },
    approve(
      id: string,
      setup: Partial<
        Pick<
          FakeOrder,
          'decline' | 'captureStatus' | 'captureAmount' | 'captureCustomId'
        >
      > = {}
    ) {
      const order = orders.get(id);
      if (!order) throw new Error(`no fake PayPal order ${id}`);
      order.status = 'APPROVED';
      Object.assign(order, setup);
    },
    /** The buyer chose this address in PayPal's window (PayPal reports it on the order). */
    shipTo(
      id: string,
      shipping: {name?: {full_name: string}; address: Record<string, string>}
    ) {
      const unit = orders.get(id)!.requestBody.purchase_units[0];
      unit.shipping = {...unit.shipping, ...shipping};
    },
    revokeTokens() {
      for (const token of tokens.values()) token.revoked = true;
    },
    /** The next matching request hangs until the caller gives up, or gets this response. */
    fault(method: string, pathPrefix: string, fault: 'hang' | Response) {
      faults.push({
        match: (m, p) => m === method && p.startsWith(pathPrefix),
        fault,
      });
    },
  };
}

export type FakePaypal = ReturnType<typeof createFakePaypal>;

/** value = item_total + tax_total + shipping − discount, in cents. */
function sumsUp(
  amount: FakeOrder['requestBody']['purchase_units'][0]['amount']
) {
  const cents = (v: string | undefined) => Math.round(Number(v ?? 0) * 100);
  const part = (key: string) => cents(amount.breakdown?.[key]?.value);
  return (
    cents(amount.value) ===
    part('item_total') + part('tax_total') + part('shipping') - part('discount')
  );
}

const tryJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

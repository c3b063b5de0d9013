/**
 * PayPal test doubles for the server tests: a certificate and key to sign webhooks with (made
 * once with openssl for these tests; they sign nothing real), webhook builders, and a small
 * in-memory PayPal REST API served through an injected `fetch`, so these tests need no socket.
 * The over-HTTP tests run against the PayPal emulator instead.
 */
import {randomUUID, sign} from 'node:crypto';
import {crc32} from 'node:zlib';
import {Hono} from 'hono';
import type {CheckoutServerOptions} from '../../server/app.js';
import type {Catalog} from '../../server/catalog.js';
import {
  createPaypalProvider,
  type PaypalSettings,
} from '../../server/providers/paypal/client.js';
import {makeServer, type TestServer} from './helpers.js';

export const PAYPAL_CLIENT_ID =
  'AYtestclientid0000000000000000000000000000000000000000000000000000000000000000000';
export const PAYPAL_CLIENT_SECRET =
  'ELtestsecret000000000000000000000000000000000000000000000000000000000000000000000';
export const PAYPAL_WEBHOOK_ID = '8PT597110X687430LKGECATA';

/** Self-signed, CN=messageverificationcerts.sandbox.paypal.com, valid for a century. */
export const PAYPAL_TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIEUTCCAzmgAwIBAgIUYFzvIFhMpqMaJKdd70n9exnI+zgwDQYJKoZIhvcNAQEL
BQAwgbYxCzAJBgNVBAYTAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMREwDwYDVQQH
DAhTYW4gSm9zZTEVMBMGA1UECgwMUGF5UGFsLCBJbmMuMTIwMAYDVQQLDClUZXN0
IGZpeHR1cmUgZm9yIHBheS1jaGVja291dCwgbm90IFBheVBhbDE0MDIGA1UEAwwr
bWVzc2FnZXZlcmlmaWNhdGlvbmNlcnRzLnNhbmRib3gucGF5cGFsLmNvbTAgFw0y
NjExMjYwNzUxNDBaGA8yMTI2MTEwMjA3NTE0MFowgbYxCzAJBgNVBAYTAlVTMRMw
EQYDVQQIDApDYWxpZm9ybmlhMREwDwYDVQQHDAhTYW4gSm9zZTEVMBMGA1UECgwM
UGF5UGFsLCBJbmMuMTIwMAYDVQQLDClUZXN0IGZpeHR1cmUgZm9yIHBheS1jaGVj
a291dCwgbm90IFBheVBhbDE0MDIGA1UEAwwrbWVzc2FnZXZlcmlmaWNhdGlvbmNl
cnRzLnNhbmRib3gucGF5cGFsLmNvbTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCC
AQoCggEBANCxFpZWt21BlJfaQ3k9BPZSrFO5laGltVzGEufEsj6Njye1lIyd8HAQ
b96gQY4XgrepbSA12ih6uTOMzUW99Kmti6HizNqRqqbqO72YB94AogRpfyq96WA0
2OyXs/S/lZu0bzXcf9RGRdPKPhsSBw3NN3usUjEVLP2Clzu7czv2RLdTcHQEICQa
iFFXfyVIeb8lVkcBCtzy/ZCe1sSOPigAlVMTseqzjoPEeX3lhTepT6Pu3ozCpT8d
5WQ79a0YqhTG3x/bqVFTxmbQOcgFy9Nyf/uXIsqL3wn3mG4FJVtM3i/ImtQCT3pW
SDJfLwCp0QD7Um8fZODGzArpVMbwR10CAwEAAaNTMFEwHQYDVR0OBBYEFOcorMTs
YZkWtUi6LDrbrCNxTmtoMB8GA1UdIwQYMBaAFOcorMTsYZkWtUi6LDrbrCNxTmto
MA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADggEBALU40qlHMFwhvxg1
gZ81ooPx3U1mtvYsX/0Mssh+JXJ+eGSPGFtdYryBVpR00lD47n0dYKbb/9ElsiBf
ihYZ1jIYGRlXPPz7ChTPEXFoa2Oa/bEgLH5bS4nni1N3gk/KQn4RJ1NdjeytCr7o
grywIJyg39vlytAAxv3Z6wTsNePHLGWJkk7rrMWpy5MOqCkR6qfjdqMTXo8SeCpM
gcPV4LCW9SrLLCfaDL64JVAjUo56Cdj9PEYbj6cu+UCvpsFUQFk8W/Xh8qCwNjkl
r5AGHYZ3P/+svJ+R+20a5crOSo/2YH8Y3mhsuURySVMdQQRK9wPqYFxBuR7bdCxL
MTThHzc=
-----END CERTIFICATE-----
`;
export const PAYPAL_TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDQsRaWVrdtQZSX
2kN5PQT2UqxTuZWhpbVcxhLnxLI+jY8ntZSMnfBwEG/eoEGOF4K3qW0gNdooerkz
jM1FvfSprYuh4szakaqm6ju9mAfeAKIEaX8qvelgNNjsl7P0v5WbtG813H/URkXT
yj4bEgcNzTd7rFIxFSz9gpc7u3M79kS3U3B0BCAkGohRV38lSHm/JVZHAQrc8v2Q
ntbEjj4oAJVTE7Hqs46DxHl95YU3qU+j7t6MwqU/HeVkO/WtGKoUxt8f26lRU8Zm
0DnIBcvTcn/7lyLKi98J95huBSVbTN4vyJrUAk96VkgyXy8AqdEA+1JvH2TgxswK
6VTG8EddAgMBAAECggEAAoABZMPdYHfKJ2pY2sfb2nWRrrkVuhq2Y8oHQ1m5LVDc
N6rc5wHw9buErSnFtav1B9OfeCTQNbu7bz4oqvhRFeoVA6RbaHzmCsGm/Vwn/MVZ
XrmPnLv34tkPOWcoPTtBHnayMSnjw1Yjxps9uwZJ9lgQg5dELsyLPiHSQ2FsZBOU
I/e1+8984bxT345un+BZ1HL14AQM+LZP2MyY7JzyT0eOcWTALKrpTSm++zW5M45g
xUhW/NT7+YBMM+HVB0zGU9YEHu1UuDkkbf0icoHLvSkBMnU4yqBXKMQO3SA1070T
x4id4rtLMq5CikniaaLHRwD+HsuuvJvSm5A0oFHXEQKBgQDpoLexw7FaGMTaihJ4
2dtNnHHzGocsa8u6spUvwFhrHAZM3FYYRk07DN2LLpsaXlt2jx+hGetmQZiTM1W1
vFmd5z6G3JMjLew26pBRJxwn8NsAyAn+HkzOMtxHZhNOu/LfAYRc013EHYaWwxcp
T1HT8e4WvAKR/AQw23RfYYf3hQKBgQDkrRMJzx0rcgMU409mYrdRw6+pjEzwrn48
/pC8obaM9xZiHAd3VVTkJsU7qy0yk0Uyw6WDLBeUAJhMGZs/3WBhLn8hiJ9G3Mod
euRNkTbnj0QRlnnKf3dRbuuzP9/rcU8AlEvNAJ3qWyEjrMVMkw3u2Qf5vSebNAJZ
IKYZ6Heb+QKBgDoT/hZu85PWPHmngVgRsHbmwV0R5zCfy5Gp+3RXeKOH3/kTfUOj
lmdrl1eWSnCPrGUYx2AhNWfCPs+5H0GChTS/28di5iEEtYghX6cM9e7n7UmQcQt/
NNC9zAzjz0DvcD0H/4Oj99ddD6xC62sVkN4DcpCsRGdOIyySIafkcwyRAoGBAJ8s
Yd4oDpPZLo/xkakg+Z2uaq3H/R5jN3fZcoH6xojkzO3JuOC1wvt0iUF5a2KS5E3r
pV/i5x6cM2Z1RH116Mp8hP2gjc3TjdRrYFMly2Pvc2ASr//mLfW/Ec2ZnpHSMz2h
/Alcbo9ck3qznjoo+j/RTh3mLpV35FKJyVSrXeZxAoGAeNII3cd969GTxuCIOftR
lcB2G6xbc10t0jxwXh3TiAfWHWJJYYWxeXitM8rKqs0MdEtH2ZanxrqWiCs2Vbmz
3ZBJzz4HqTL9u3twYfKRJqGClv4Q2NVog3HlPB/TpcwMJokVrh5iSCrj79mawXjR
GayoPTIohNQOE6xKjLLjWI4=
-----END PRIVATE KEY-----
`;
/** Another key, with a certificate whose CN is not PayPal's. */
export const OTHER_CERT = `-----BEGIN CERTIFICATE-----
MIIDTzCCAjegAwIBAgIUG8qb0DSgCTf8pIOvb6xggdF7GrswDQYJKoZIhvcNAQEL
BQAwNjELMAkGA1UEBhMCVVMxEDAOBgNVBAoMB0V4YW1wbGUxFTATBgNVBAMMDGV2
aWwuZXhhbXBsZTAgFw0yNjExMjYwNzUxNDBaGA8yMTI2MTEwMjA3NTE0MFowNjEL
MAkGA1UEBhMCVVMxEDAOBgNVBAoMB0V4YW1wbGUxFTATBgNVBAMMDGV2aWwuZXhh
bXBsZTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAPZ8pCqdMZDRYdks
PEaLg82Ptb2d6X3kDqpyekrT0g95rAKQ6XA3Z3gM7CPA9EMSUP/w5zDIRS8pbnpF
U5I57257ENtQYolEQ9pL57Mi/FDtlyCzRN00ioOmcZSkKCUrMiNwr1i287Pr0xP2
/b/ryPsf2uqkdMfKrZCEN+M7deMvsqKYqU2ZRKq+jZ49oHXijpHb85yz7Y7pL8nc
ODyTQr24GfiyUrxGNWIBEUX+wc4Llh1LnBHThPdU81Agz2kndYKQ7yFT9G5rpUsj
IOX5FWwZRYL8XWR6KBu8uAaOIDekGGcZWYctkcUgtkENmOAaJ1Td2ymbVENSWVk/
ZiJfKc0CAwEAAaNTMFEwHQYDVR0OBBYEFJzT4hS103hCFVZAaMYvSlQv9r1CMB8G
A1UdIwQYMBaAFJzT4hS103hCFVZAaMYvSlQv9r1CMA8GA1UdEwEB/wQFMAMBAf8w
DQYJKoZIhvcNAQELBQADggEBAArivZYbcoh8SWczJEh0Wq7KwzSl+O6L0FKMLjjo
/kLTi626ycmvl6U2aXT3GwgRUWs7V8kqrLh3KmZowaqIbJ9HY4u6QJCSX5FVcM5g
LfxjT92ppLQ3EQNjjs4wl6tsAUPByVTSQn0E5cSxfPOCGmNZKho49Y+deUsbWiCy
R84Q+ospNIB1M69iGtoUuFQBChh1abl8bitnSCxQuFGaVaMigil/AK5ljF3fDzpO
eMhqv/wawYJmDXug99Vm4Fi4qFF9Dd2Uz+PW0PFjdLeypricN0JGfwQYQvAALzmC
j8z/e7xq+0ELwUJ8SbYsmEPM8EYmfXhjBm76AbFeQ6Hjfl4=
-----END CERTIFICATE-----
`;
export const OTHER_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQD2fKQqnTGQ0WHZ
LDxGi4PNj7W9nel95A6qcnpK09IPeawCkOlwN2d4DOwjwPRDElD/8OcwyEUvKW56
RVOSOe9uexDbUGKJREPaS+ezIvxQ7Zcgs0TdNIqDpnGUpCglKzIjcK9YtvOz69MT
9v2/68j7H9rqpHTHyq2QhDfjO3XjL7KimKlNmUSqvo2ePaB14o6R2/Ocs+2O6S/J
3Dg8k0K9uBn4slK8RjViARFF/sHOC5YdS5wR04T3VPNQIM9pJ3WCkO8hU/Rua6VL
IyDl+RVsGUWC/F1keigbvLgGjiA3pBhnGVmHLZHFILZBDZjgGidU3dspm1RDUllZ
P2YiXynNAgMBAAECggEAAJ3NXbHXkpm6diTdrRsqseNomschZmwhFVWIiVccIndw
hbCmxq0C0cffO6200p/e3HfcPKUsXGdIjC48+yK9f6CyIt4fsETrhxaUtHRO6cJa
5JcvKvWJnE1HYArLGlcc42/peiAQ+olAuFVHG/RSwg7BoGp1jOw2BrKc3TEpskq6
bTyp80b+ldkmAunVN63X9pHS2FrUgjxoqw96j3/v4t/B4mPOgC7wxhRB0+H0h4XZ
FScaezMxI2zThgado0AV6E0kXmH9G3uQqDQPd7RGRK9ElAzSDxC42iw626Rb+JmD
BSyu18o7tcku1cBCUWVkPgesLxTM27BUo9FJiL5BwQKBgQD+Oor/1mHglvOy5LK+
a1pHRazkigVH4xEOkEonXJSQHDM3koxcfb4CUgNTFlrudKSVyCNjTXppg5cUp2ty
Psy+Y1FCcsj7xR9ArdReB0mENg7hTiAZkEOXJ/c6taWK05N2ZNB4pY1PVTBIIGqS
tmK+bnQxWL0XVuLMVWsZp+7q7QKBgQD4NEoh2VJGU8lMsNuBggFP1z5PdkTRzgIz
vKSynwW9qEaFvheI+r7R4/KC2o/tYzTwrFZLDlk3ERCNLPNAAW7Nslgcf28VVSUu
6hy5HRXo8Dm6HDXBDVEVrBdW0FU+ZiexKgAJPuXQxNar3HUPUkou5tW97XO0Jvcy
/7hPDaX+YQKBgBM5oiFOuQAe6jbxDINR4vXY0wZFWbjh9vw+9Ryc568uMsFVF8A2
0hOi2BWEb0PxFjEtfV+ZEFTCWr55Gqr9DMapBBAeVgyUD5T4kEK8ElcpL17iZZMJ
UdMwdoW+DtK8xT4CybEV8+W373rE2MpXeIgmGitRJpuJOoVxQDQkevDRAoGAOUVH
fbv5ggS/RBTi8WUgDF4sIIW3p3mThICYuCZ9Wp/DdgTAxXimIyQnxw3LfAkSJB5/
4t2ytEQZv5mJn1E1Uf0+24SECzYUWFjou8X8Uj1r9Ieh16PM++UzlXKI2NcVfYml
bHy45o0kw48g66IfP+c/lo19zynWjEv5KTSLAsECgYAZD/Kdny+5HzVh+r1KSUD2
ou30PCJWBNGMEmVo3SBUC5eqGKy8vpFqXTVju1RZu2QSrKSpagyV3e/dOcYx43Wq
uXH8wYXufnWOtxSLrmKa9QLIqNrP1XELPpHSsdd9SV5Y1pvmTFyo1cIp3vXrkrBF
gchXXp0O9IPP8gJUws4EsA==
-----END PRIVATE KEY-----
`;

export const CERT_URL =
  'https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77';

export interface SignOptions {
  key?: string;
  certUrl?: string;
  webhookId?: string;
  transmissionId?: string;
  transmissionTime?: string;
  authAlgo?: string;
}

/** The headers PayPal sends with a webhook, signed over the exact body. */
export function signPaypalWebhook(
  body: string | Uint8Array,
  options: SignOptions = {}
): Record<string, string> {
  const bytes =
    typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const transmissionId = options.transmissionId ?? randomUUID();
  const transmissionTime =
    options.transmissionTime ??
    new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  // zlib's CRC-32 (unsigned), not the server's own: the test must not share the code it checks.
  const message = `${transmissionId}|${transmissionTime}|${options.webhookId ?? PAYPAL_WEBHOOK_ID}|${crc32(bytes)}`;
  const signature = sign(
    'RSA-SHA256',
    Buffer.from(message),
    options.key ?? PAYPAL_TEST_KEY
  ).toString('base64');
  return {
    'paypal-transmission-id': transmissionId,
    'paypal-transmission-time': transmissionTime,
    'paypal-transmission-sig': signature,
    'paypal-cert-url': options.certUrl ?? CERT_URL,
    'paypal-auth-algo': options.authAlgo ?? 'SHA256withRSA',
  };
}

export function deliverPaypal(
  app: TestServer['app'],
  body: string | Uint8Array,
  headers: Record<string, string> = signPaypalWebhook(body)
) {
  return app.request('/api/webhooks/paypal', {
    method: 'POST',
    headers: {'content-type': 'application/json', ...headers},
    body:
      typeof body === 'string'
        ? body
        : new Blob([body as Uint8Array<ArrayBuffer>]),
  });
}

let eventCounter = 0;

/** A webhook event as PayPal sends it. */
export function paypalEvent(
  eventType: string,
  resource: Record<string, unknown>,
  id = `WH-TEST${++eventCounter}-0000000000`
) {
  return JSON.stringify({
    id,
    event_version: '1.0',
    create_time: new Date().toISOString(),
    resource_type: eventType.startsWith('CUSTOMER.DISPUTE')
      ? 'dispute'
      : 'capture',
    resource_version: '2.0',
    event_type: eventType,
    summary: `Event ${eventType}`,
    resource,
    links: [],
  });
}

/** A Payments v2 capture, as in PAYMENT.CAPTURE.* webhooks. */
export function captureResource(
  orderId: string,
  paypalOrderId: string,
  fields: {
    status?: string;
    value?: string;
    currency?: string;
    customId?: string | null;
  } = {}
) {
  return {
    id: `CAP${paypalOrderId.slice(0, 14)}`,
    status: fields.status ?? 'COMPLETED',
    amount: {
      currency_code: fields.currency ?? 'USD',
      value: fields.value ?? '50.00',
    },
    final_capture: true,
    ...(fields.customId !== null && {custom_id: fields.customId ?? orderId}),
    invoice_id: orderId,
    supplementary_data: {related_ids: {order_id: paypalOrderId}},
    create_time: new Date().toISOString(),
  };
}

/** A Payments v2 refund, as in PAYMENT.CAPTURE.REFUNDED and REVERSED webhooks. */
export function refundResource(
  orderId: string,
  value: string,
  totalRefunded?: string
) {
  return {
    id: `REF${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    status: 'COMPLETED',
    amount: {currency_code: 'USD', value},
    custom_id: orderId,
    invoice_id: orderId,
    ...(totalRefunded && {
      seller_payable_breakdown: {
        gross_amount: {currency_code: 'USD', value},
        total_refunded_amount: {currency_code: 'USD', value: totalRefunded},
      },
    }),
    links: [
      {
        rel: 'up',
        href: 'https://api.sandbox.paypal.com/v2/payments/captures/CAP1',
        method: 'GET',
      },
    ],
  };
}

interface FakeOrder {
  id: string;
  status: string;
  requestBody: {
    purchase_units: {
      custom_id: string;
      invoice_id: string;
      amount: {currency_code: string; value: string};
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
      if (unit.amount.value !== unit.amount.breakdown.item_total.value)
        return error(422, 'UNPROCESSABLE_ENTITY', 'AMOUNT_MISMATCH');
      const id = `5O${String(++counter).padStart(15, '0')}`;
      const order: FakeOrder = {id, status: 'CREATED', requestBody: body};
      orders.set(id, order);
      return {status: 201, body: view(order)};
    });
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

const tryJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export interface PaypalTestServer extends TestServer {
  fake: FakePaypal;
}

/** A checkout server with PayPal configured against a fake PayPal. */
export async function makePaypalServer(
  options: {
    fake?: FakePaypal;
    settings?: Partial<PaypalSettings>;
    catalog?: Catalog;
    now?: () => Date;
    onOrderPaid?: CheckoutServerOptions['onOrderPaid'];
  } = {}
): Promise<PaypalTestServer> {
  const fake = options.fake ?? createFakePaypal();
  const server = await makeServer({
    paypal: createPaypalProvider({
      clientId: PAYPAL_CLIENT_ID,
      clientSecret: PAYPAL_CLIENT_SECRET,
      webhookId: PAYPAL_WEBHOOK_ID,
      fetch: fake.fetch,
      timeoutMs: 500,
      ...options.settings,
    }),
    ...(options.catalog && {catalog: options.catalog}),
    ...(options.now && {now: options.now}),
    ...(options.onOrderPaid && {onOrderPaid: options.onOrderPaid}),
  });
  return {...server, fake};
}

/** A pending PayPal order with a given PayPal order id, straight through the store. */
export async function seedPaypalOrder(
  server: TestServer,
  id: string,
  paypalOrderId: string,
  total = 5000,
  currency = 'usd'
) {
  await server.store.create(
    {
      id,
      provider: 'paypal',
      currency,
      subtotal: total,
      total,
      lines: [
        {
          sku: 'tee-black-m',
          name: 'Black tee, size M',
          unitAmount: total / 2,
          quantity: 2,
          amount: total,
        },
      ],
    },
    'unused-token-hash'
  );
  await server.store.update(id, () => ({providerPaymentId: paypalOrderId}));
  return (await server.store.get(id))!;
}

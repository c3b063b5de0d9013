/**
 * PayPal's side of the server tests' webhooks: the app's credentials, a certificate and key to
 * sign webhooks with (made once with openssl for these tests; they sign nothing real), and
 * webhook events built and signed the way PayPal sends them.
 */
import {randomUUID, sign} from 'node:crypto';
import {crc32} from 'node:zlib';
import type {TestServer} from './helpers.js';

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

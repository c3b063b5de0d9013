/**
 * Verifying a PayPal webhook before anything reads it.
 *
 * Offline (the default): PayPal signs `transmissionId|transmissionTime|webhookId|crc32(body)`
 * with RSA-SHA256 and names the certificate to check it with in `paypal-cert-url`. That header
 * is the sender's word, so the URL must point at PayPal's certificate path on PayPal's own
 * API host (or at the emulator this server was pointed at) before it is fetched; PayPal's
 * sample fetches whatever URL it is given, which lets anyone sign with their own key.
 *
 * Postback: the same headers and the event are sent to PayPal's verify-webhook-signature
 * API, which answers SUCCESS or FAILURE. One more round trip per webhook, and a PayPal outage
 * stops processing; it is there for accounts that prefer PayPal's word.
 *
 * The transmission time has no lower bound: PayPal documents no window and retries for 3 days,
 * and replays are harmless because every event is applied once, by id, through the ledger. A
 * time more than 5 minutes ahead of our clock is refused, though (as Stripe's tolerance): no
 * honest delivery comes from the future, and an unreadable time cannot be checked at all.
 */
import {verify, X509Certificate} from 'node:crypto';
import {crc32} from '../../crc32.js';
import {ApiError} from '../../errors.js';
import type {VerifyWebhookSignatureRequest} from './types.js';

interface PaypalWebhookHeaders {
  transmissionId: string;
  transmissionTime: string;
  transmissionSig: string;
  certUrl: string;
  authAlgo: string;
}

export interface PaypalWebhookVerifier {
  /** Resolves when the delivery is PayPal's; throws a 400 ApiError when it is not, a 503 when we cannot tell yet. */
  verify(
    header: (name: string) => string | undefined,
    body: Uint8Array
  ): Promise<void>;
}

interface PaypalWebhookVerifierOptions {
  /** Ours, from configuration; never read from the request. */
  webhookId: string;
  environment: 'sandbox' | 'live';
  mode?: 'offline' | 'postback';
  /** One more origin certificates may come from: the loopback emulator this server talks to. */
  certOrigin?: string;
  fetch?: typeof fetch;
  /** For the certificate download (default 10 s). */
  timeoutMs?: number;
  now?: () => Date;
  /** How long a downloaded certificate is reused, at most (default 24 h; never past its expiry). */
  certCacheMs?: number;
  /** Postback mode: asks PayPal, returns its verification_status. */
  postback?: (request: VerifyWebhookSignatureRequest) => Promise<string>;
}

/** PayPal's API hosts that serve webhook certificates, per environment. */
const PAYPAL_CERT_HOSTS: Readonly<
  Record<'sandbox' | 'live', readonly string[]>
> = {
  live: ['api.paypal.com', 'api-m.paypal.com'],
  sandbox: ['api.sandbox.paypal.com', 'api-m.sandbox.paypal.com'],
};

const CERT_PATH = /^\/v1\/notifications\/certs\/[A-Za-z0-9._-]+$/;
/** How far ahead of our clock a transmission time may be (clock skew). */
const FUTURE_TOLERANCE_MS = 300_000;
const MAX_CERT_BYTES = 64 * 1024;
const MAX_CACHED_CERTS = 32;

const invalid = (message: string) =>
  new ApiError(400, 'invalid_signature', message);
const unavailable = (message: string) =>
  new ApiError(503, 'provider_unavailable', message);

/** The five PayPal headers, or a 400 naming the first one missing. */
function readPaypalHeaders(
  header: (name: string) => string | undefined
): PaypalWebhookHeaders {
  const read = (name: string, max: number) => {
    const value = header(name)?.trim();
    if (!value) throw invalid(`The ${name} header is missing.`);
    if (value.length > max) throw invalid(`The ${name} header is too long.`);
    return value;
  };
  return {
    transmissionId: read('paypal-transmission-id', 100),
    transmissionTime: read('paypal-transmission-time', 100),
    transmissionSig: read('paypal-transmission-sig', 2048),
    certUrl: read('paypal-cert-url', 500),
    authAlgo: read('paypal-auth-algo', 100),
  };
}

/**
 * The certificate URL, if it may be fetched: https on one of PayPal's API hosts for the
 * environment (or exactly the configured emulator origin), no port, credentials, query or
 * fragment, and a path naming one certificate. Compared after WHATWG parsing and required to
 * be already in that normal form, so `api.paypal.com@evil.example`, backslashes, dot segments
 * and percent-escapes cannot smuggle another host or path past the check.
 */
export function checkCertUrl(
  raw: string,
  environment: 'sandbox' | 'live',
  certOrigin?: string
): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('The paypal-cert-url is not a URL.');
  }
  const onPaypal =
    url.protocol === 'https:' &&
    url.port === '' &&
    Object.hasOwn(PAYPAL_CERT_HOSTS, environment) &&
    PAYPAL_CERT_HOSTS[environment].includes(url.hostname);
  const onEmulator = certOrigin !== undefined && url.origin === certOrigin;
  if (
    !(onPaypal || onEmulator) ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    raw.includes('?') ||
    raw.includes('#') ||
    url.href !== raw ||
    !CERT_PATH.test(url.pathname)
  ) {
    throw invalid('The paypal-cert-url is not a PayPal certificate URL.');
  }
  return url;
}

/** What PayPal signs: the transmission id and time, our webhook id, and the body's CRC-32 in unsigned decimal. */
function paypalSignedMessage(
  headers: PaypalWebhookHeaders,
  webhookId: string,
  body: Uint8Array
): string {
  return `${headers.transmissionId}|${headers.transmissionTime}|${webhookId}|${crc32(body)}`;
}

/** Strict base64: the alphabet, padding only at the end, a whole number of quads. */
function decodeSignature(value: string): Buffer {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    throw invalid('The paypal-transmission-sig is not base64.');
  }
  return Buffer.from(value, 'base64');
}

/**
 * Whether a certificate from PayPal's hosts is PayPal's webhook certificate, as PayPal's Java
 * SDK checked it: a subject CN of messageverificationcerts….paypal.com.
 */
function isPaypalWebhookCertificate(cert: X509Certificate): boolean {
  const cn = cert.subject
    .split('\n')
    .find((part) => part.startsWith('CN='))
    ?.slice(3);
  return (
    cn !== undefined &&
    cn.startsWith('messageverificationcerts') &&
    cn.endsWith('.paypal.com')
  );
}

export function createPaypalWebhookVerifier(
  options: PaypalWebhookVerifierOptions
): PaypalWebhookVerifier {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  const cacheMs = options.certCacheMs ?? 24 * 60 * 60 * 1000;
  const mode = options.mode ?? 'offline';

  // One download per URL, shared by concurrent deliveries; a failed one is forgotten.
  const certificates = new Map<
    string,
    {expiresAt: number; cert: Promise<X509Certificate>}
  >();

  function certificate(url: URL): Promise<X509Certificate> {
    const at = now().getTime();
    const cached = certificates.get(url.href);
    if (cached && at < cached.expiresAt) return cached.cert;
    if (certificates.size >= MAX_CACHED_CERTS)
      certificates.delete(certificates.keys().next().value!);
    const entry = {expiresAt: at + cacheMs, cert: download(url)};
    certificates.set(url.href, entry);
    entry.cert.then(
      (cert) => {
        entry.expiresAt = Math.min(entry.expiresAt, Date.parse(cert.validTo));
      },
      () => {
        if (certificates.get(url.href) === entry) certificates.delete(url.href);
      }
    );
    return entry.cert;
  }

  async function download(url: URL): Promise<X509Certificate> {
    let response: Response;
    let pem: string;
    try {
      // No redirects: the checked URL is the only place a certificate may come from.
      response = await fetchImpl(url.href, {
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status >= 500 || response.status === 429) {
        throw new Error(`answered ${response.status}`);
      }
      pem = response.ok ? await readCapped(response, MAX_CERT_BYTES) : '';
    } catch (error) {
      // PayPal retries a 5xx, so a passing outage delays the event instead of losing it.
      throw unavailable(
        `The PayPal webhook certificate could not be downloaded (${(error as Error).message}).`
      );
    }
    if (!response.ok)
      throw invalid(
        `The PayPal webhook certificate URL answered ${response.status}.`
      );
    try {
      return new X509Certificate(pem);
    } catch {
      throw invalid('The PayPal webhook certificate is not a certificate.');
    }
  }

  async function verifyOffline(
    headers: PaypalWebhookHeaders,
    url: URL,
    body: Uint8Array
  ) {
    const signature = decodeSignature(headers.transmissionSig);
    const cert = await certificate(url);
    const at = now().getTime();
    if (at < Date.parse(cert.validFrom) || at > Date.parse(cert.validTo)) {
      throw invalid(
        'The PayPal webhook certificate is expired or not yet valid.'
      );
    }
    if (
      url.origin !== options.certOrigin &&
      !isPaypalWebhookCertificate(cert)
    ) {
      throw invalid('The certificate is not PayPal’s webhook certificate.');
    }
    if (cert.publicKey.asymmetricKeyType !== 'rsa')
      throw invalid('The certificate key is not RSA.');
    const message = Buffer.from(
      paypalSignedMessage(headers, options.webhookId, body),
      'utf8'
    );
    let valid: boolean;
    try {
      valid = verify('RSA-SHA256', message, cert.publicKey, signature);
    } catch {
      valid = false;
    }
    if (!valid) throw invalid('The webhook signature could not be verified.');
  }

  async function verifyByPostback(
    headers: PaypalWebhookHeaders,
    body: Uint8Array
  ) {
    if (!options.postback)
      throw new Error('PayPal postback verification needs a postback function');
    let event: unknown;
    try {
      event = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(body));
    } catch {
      throw invalid('The webhook body is not JSON.');
    }
    let status: string;
    try {
      status = await options.postback({
        auth_algo: headers.authAlgo,
        cert_url: headers.certUrl,
        transmission_id: headers.transmissionId,
        transmission_sig: headers.transmissionSig,
        transmission_time: headers.transmissionTime,
        webhook_id: options.webhookId,
        webhook_event: event,
      });
    } catch (error) {
      throw unavailable(
        `PayPal could not be asked to verify the webhook (${(error as Error).message}).`
      );
    }
    // An HTTP 200 that says FAILURE is a rejection, like any other answer but SUCCESS.
    if (status !== 'SUCCESS')
      throw invalid('PayPal did not confirm the webhook signature.');
  }

  return {
    async verify(header, body) {
      const headers = readPaypalHeaders(header);
      // Allow-listed, never passed into a crypto API.
      if (headers.authAlgo !== 'SHA256withRSA')
        throw invalid('The paypal-auth-algo is not SHA256withRSA.');
      // Checked before anything is fetched, in both modes.
      const url = checkCertUrl(
        headers.certUrl,
        options.environment,
        options.certOrigin
      );
      if (mode === 'postback') await verifyByPostback(headers, body);
      else await verifyOffline(headers, url, body);
      // After the signature, which covers the time: a forgery is refused as a forgery.
      const sentAt = Date.parse(headers.transmissionTime);
      if (Number.isNaN(sentAt))
        throw invalid('The paypal-transmission-time is not a time.');
      if (sentAt > now().getTime() + FUTURE_TOLERANCE_MS)
        throw invalid('The paypal-transmission-time is in the future.');
    },
  };
}

async function readCapped(
  response: Response,
  maxBytes: number
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new Error('the certificate is too large');
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error('the certificate is too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

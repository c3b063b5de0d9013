/**
 * The Notifications API pieces a webhook receiver uses:
 * - `GET /v1/notifications/certs/:id`: the certificate named in `paypal-cert-url` (public);
 * - `POST /v1/notifications/verify-webhook-signature`: PayPal's postback verification, which
 *   checks the transmission against the emulator's own key, cert URL and webhook id and answers
 *   `{verification_status: 'SUCCESS' | 'FAILURE'}` (HTTP 200 either way, as PayPal does).
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {PaypalApiError, type ErrorDetail} from '../api/errors.js';
import type {SigningIdentity} from './certificate.js';
import {AUTH_ALGO, transmissionMessage} from './signature.js';

interface NotificationOptions {
  certId: string;
  certUrl(): string;
  webhookId: string;
  identity: Promise<SigningIdentity>;
}

/** Field → [max length, pattern?] from the postback's schema. */
const FIELDS: Record<string, [number, RegExp?]> = {
  auth_algo: [100, /^[a-zA-Z0-9]+$/],
  cert_url: [500],
  transmission_id: [50],
  transmission_sig: [500],
  transmission_time: [64],
  webhook_id: [50, /^[a-zA-Z0-9]+$/],
};

type VerifyRequest = Record<keyof typeof FIELDS, string> & {
  webhook_event: object;
};

function validate(body: unknown): VerifyRequest {
  const details: ErrorDetail[] = [];
  const value = (body ?? {}) as Record<string, unknown>;
  for (const [field, [max, pattern]] of Object.entries(FIELDS)) {
    const text = value[field];
    if (typeof text !== 'string' || text === '') {
      details.push({
        field,
        location: 'body',
        issue: 'Required field cannot be blank',
      });
    } else if (text.length > max || (pattern && !pattern.test(text))) {
      details.push({field, location: 'body', issue: 'Invalid data provided'});
    }
  }
  const time = value.transmission_time;
  if (
    typeof time === 'string' &&
    time !== '' &&
    Number.isNaN(Date.parse(time))
  ) {
    details.push({
      field: 'transmission_time',
      location: 'body',
      issue: 'Invalid data provided',
    });
  }
  const event = value.webhook_event;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    details.push({
      field: 'webhook_event',
      location: 'body',
      issue: 'Required field cannot be blank',
    });
  }
  if (details.length > 0) {
    throw new PaypalApiError(400, details, {
      name: 'VALIDATION_ERROR',
      message: 'Invalid request - see details',
      informationLink:
        'https://developer.paypal.com/docs/api/webhooks/v1/#error-VALIDATION_ERROR',
    });
  }
  return value as VerifyRequest;
}

export function notificationRoutes(options: NotificationOptions) {
  const app = new Hono<Env>();

  app.get('/certs/:id', async (c) => {
    if (c.req.param('id') !== options.certId) throw new PaypalApiError(404, []);
    const identity = await options.identity;
    return c.body(identity.certificatePem, 200, {
      'Content-Type': 'application/x-pem-file',
      'Cache-Control': 'public, max-age=86400',
    });
  });

  app.post('/verify-webhook-signature', async (c) => {
    const request = validate(c.get('body'));
    const identity = await options.identity;
    // The event as PayPal received it: re-serialised, so a receiver that parsed the delivery
    // and posts the object back verifies (PayPal's bodies are compact JSON).
    const message = transmissionMessage(
      request.transmission_id,
      request.transmission_time,
      request.webhook_id,
      JSON.stringify(request.webhook_event)
    );
    const ok =
      request.auth_algo === AUTH_ALGO &&
      request.cert_url === options.certUrl() &&
      request.webhook_id === options.webhookId &&
      (await identity.verify(message, request.transmission_sig));
    return c.json({verification_status: ok ? 'SUCCESS' : 'FAILURE'});
  });

  return app;
}

import {Hono} from 'hono';
import type {CheckoutContext} from '../context.js';
import {ApiError} from '../errors.js';
import {bodyLimit} from '../middleware/body-limit.js';
import {recordWebhookEvent} from '../payments/record-payment.js';
import {GATEWAY_NAMES, GATEWAYS} from '../providers/registry.js';

const WEBHOOK_BODY_LIMIT = 256 * 1024;

// Before anything reads the body: an oversized one is refused unparsed and unhashed (by its
// Content-Length; a chunked one as it arrives), and one within the limit is read straight from
// the socket, not through a Request the adapter would have to build.
const limitBody = () =>
  bodyLimit(
    WEBHOOK_BODY_LIMIT,
    () =>
      new ApiError(
        413,
        'payload_too_large',
        'The webhook body is larger than 256 KB.'
      )
  );

/**
 * POST /api/webhooks/<gateway>, one per gateway in the registry. Answers: 400 when the event
 * cannot be verified (a forgery is never retried into success); 200 when applied, already
 * applied or not ours; 5xx when we failed, so the provider retries.
 */
export function webhookRoutes(ctx: CheckoutContext) {
  const routes = new Hono();
  for (const name of GATEWAY_NAMES) {
    routes.post(`/${name}`, limitBody(), async (c) => {
      const gateway = ctx.gateways.get(name);
      if (!gateway) {
        // Never fail open: without a secret nothing can be verified, and a 5xx keeps the
        // provider retrying.
        throw new ApiError(
          503,
          'provider_not_configured',
          `${GATEWAYS[name].label} webhooks are not configured on this server.`
        );
      }
      // The signature covers the exact bytes the provider sent, so they are verified before
      // any decoding or JSON parsing. No validator middleware may run on this route.
      const body = new Uint8Array(await c.req.arrayBuffer());
      const event = await gateway.verifyWebhook(body, (header) =>
        c.req.header(header)
      );
      const outcome = await recordWebhookEvent(ctx, gateway, event);
      ctx.metrics?.webhookEvent(name, outcome);
      ctx.logger.info(
        {eventId: event.id, type: event.type, outcome},
        `${name} webhook`
      );
      return c.json({received: true, outcome});
    });
    // A destination check before the provider delivers anything (Braintree's bt_challenge): it
    // proves we hold the keys, and changes nothing.
    routes.get(`/${name}`, (c) => {
      const answer = ctx.gateways
        .get(name)
        ?.webhookChallenge?.((key) => c.req.query(key));
      if (answer === undefined)
        throw new ApiError(404, 'not_found', 'Not found.');
      return c.text(answer);
    });
  }
  return routes;
}

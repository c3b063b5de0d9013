/**
 * The gateways with every asynchronous operation timed (createPayment, readPayment, refund,
 * translate, verifyWebhook, and a gateway's own calls such as PayPal's capture), in one place
 * rather than in each route. A webhook whose verification is refused (a 400) counts as an
 * invalid_signature delivery.
 */
import {ApiError} from '../errors.js';
import type {Gateway} from '../providers/gateway.js';
import type {Gateways} from '../providers/registry.js';
import type {CheckoutMetrics} from './metrics.js';

export function instrumentGateways(
  gateways: Gateways,
  metrics: CheckoutMetrics
): Gateways {
  return new Map(
    [...gateways].map(([name, gateway]) => [
      name,
      timed(gateway, metrics) as Gateway,
    ])
  );
}

function timed<G extends Gateway>(gateway: G, metrics: CheckoutMetrics): G {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(gateway, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      if (!wrapped.has(key))
        wrapped.set(key, function (this: unknown, ...args: unknown[]) {
          const start = performance.now();
          const result: unknown = Reflect.apply(value, target, args);
          if (!(result instanceof Promise)) return result;
          const seconds = () => (performance.now() - start) / 1000;
          return result.then(
            (answer: unknown) => {
              metrics.providerCall(target.name, key, 'ok', seconds());
              return answer;
            },
            (error: unknown) => {
              metrics.providerCall(target.name, key, 'error', seconds());
              if (
                key === 'verifyWebhook' &&
                error instanceof ApiError &&
                error.status === 400
              )
                metrics.webhookEvent(target.name, 'invalid_signature');
              throw error;
            }
          );
        });
      return wrapped.get(key);
    },
  });
}

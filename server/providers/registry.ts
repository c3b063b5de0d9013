/**
 * The gateways this server knows, by name: the one place outside `providers/<name>/` that names
 * them. Adding a gateway is its folder and one line here (and its provider in the widget).
 */
import type {z} from 'zod';
import type {PaymentProvider} from '../contract.js';
import type {Gateway, GatewayDefinition, GatewayDeps} from './gateway.js';
import {braintreeGateway} from './braintree/index.js';
import {paypalGateway} from './paypal/index.js';
import {squareGateway} from './square/index.js';
import {stripeGateway} from './stripe/index.js';

export const GATEWAYS = {
  stripe: stripeGateway,
  paypal: paypalGateway,
  square: squareGateway,
  braintree: braintreeGateway,
} satisfies Record<PaymentProvider, unknown>;

type Definition<N extends PaymentProvider> = (typeof GATEWAYS)[N];

/** Each gateway's settings, as createCheckoutServer takes them (`stripe: createStripeProvider(…)`). */
export type GatewayProviders = {
  [N in PaymentProvider]?: Parameters<Definition<N>['create']>[0];
};

/**
 * An entry as code that iterates the registry sees it (config.ts, node-providers.ts, the CLIs):
 * any gateway's, its own types erased.
 */
export function definitionOf(
  name: PaymentProvider
): GatewayDefinition<unknown, Gateway, z.ZodRawShape, unknown> {
  return GATEWAYS[name] as unknown as GatewayDefinition<
    unknown,
    Gateway,
    z.ZodRawShape,
    unknown
  >;
}

/** Each gateway's part of the command line's configuration (`config.stripe`), when set. */
export type GatewayConfigs = {
  [N in PaymentProvider]?: NonNullable<
    ReturnType<Definition<N>['env']['read']>
  >;
};

/** The gateways a server offers, in the registry's order. */
export type Gateways = ReadonlyMap<PaymentProvider, Gateway>;

export const GATEWAY_NAMES = Object.keys(GATEWAYS) as PaymentProvider[];

/** The gateways configured in `providers`, each built with the same deps. */
export function createGateways(
  providers: GatewayProviders,
  deps: GatewayDeps
): Gateways {
  const gateways = new Map<PaymentProvider, Gateway>();
  for (const name of GATEWAY_NAMES) {
    const settings = providers[name];
    if (!settings) continue;
    const create = GATEWAYS[name].create as (
      provider: typeof settings,
      deps: GatewayDeps
    ) => Gateway;
    gateways.set(name, create(settings, deps));
  }
  return gateways;
}

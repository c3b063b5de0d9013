/**
 * Stripe as the registry lists it (`stripe: stripeGateway`): the gateway (the embedded Payment
 * Element and hosted Checkout), its routes, and what the command line needs of it.
 */
import {defineGateway} from '../gateway.js';
import {stripeEnv, stripeNode} from './command-line.js';
import {createStripeGateway} from './gateway.js';
import {stripeRoutes} from './routes.js';

export const stripeGateway = defineGateway({
  label: 'Stripe',
  create: createStripeGateway,
  routes: stripeRoutes,
  env: stripeEnv,
  node: stripeNode,
});

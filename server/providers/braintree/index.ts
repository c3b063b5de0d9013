/**
 * Braintree as the registry lists it (`braintree: braintreeGateway`): the gateway (Drop-in's
 * nonce sold through the official SDK), its routes, and what the command line needs of it.
 */
import {defineGateway} from '../gateway.js';
import {braintreeEnv, braintreeNode} from './command-line.js';
import {createBraintreeGateway} from './gateway.js';
import {braintreeRoutes} from './routes.js';

export const braintreeGateway = defineGateway({
  label: 'Braintree',
  create: createBraintreeGateway,
  routes: braintreeRoutes,
  env: braintreeEnv,
  node: braintreeNode,
});

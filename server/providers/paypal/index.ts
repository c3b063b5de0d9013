/**
 * PayPal as the registry lists it (`paypal: paypalGateway`): the gateway, its routes, and what
 * the command line needs of it.
 */
import {defineGateway} from '../gateway.js';
import {paypalEnv, paypalNode} from './command-line.js';
import {createPaypalGateway} from './gateway.js';
import {paypalRoutes} from './routes.js';

export const paypalGateway = defineGateway({
  label: 'PayPal',
  create: createPaypalGateway,
  routes: paypalRoutes,
  env: paypalEnv,
  node: paypalNode,
});

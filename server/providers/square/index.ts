/**
 * Square as the registry lists it (`square: squareGateway`): the gateway (the Web Payments
 * SDK's card form, charged through the Payments API), its route, and what the command line
 * needs of it.
 */
import {defineGateway} from '../gateway.js';
import {squareEnv, squareNode} from './command-line.js';
import {createSquareGateway} from './gateway.js';
import {squareRoutes} from './routes.js';

export const squareGateway = defineGateway({
  label: 'Square',
  create: createSquareGateway,
  routes: squareRoutes,
  env: squareEnv,
  node: squareNode,
});

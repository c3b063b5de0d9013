#!/usr/bin/env node
/**
 * `pay-checkout-server` (or `npx @pay-checkout/server`): the companion server from the
 * command line. Settings are the environment variables of the README; the flags below are
 * shorthands for the most common ones.
 *
 *   pay-checkout-server [--catalog ./catalog.json] [--port 4242]   start the server
 *   pay-checkout-server reconcile [seconds]                        check open orders once
 *   pay-checkout-server refund <order> [amount] [--key <key>]      refund an order
 *   pay-checkout-server csp [--nonce <value>]                      the checkout page's CSP
 *   pay-checkout-server hash-password                              ADMIN_PASSWORD_HASH from stdin
 */
import {parseArgs} from 'node:util';
import {startServer, startupFailure} from './node.js';
import {printPasswordHash} from './admin/hash-password-cli.js';
import {printCheckoutPagePolicy} from './csp-cli.js';
import {reconcileOnce} from './reconcile-cli.js';
import {refundFromShell} from './refund-cli.js';

const USAGE = `Usage:
  pay-checkout-server [--catalog <file>] [--port <port>]   start the companion server
  pay-checkout-server reconcile [seconds]                  check open orders against their provider once
  pay-checkout-server refund <order> [amount] [--key <key>]
                                                           refund an order (amount in minor units; without
                                                           it, all that is left) through its provider
  pay-checkout-server csp [--nonce <value>]                print the Content-Security-Policy a page with
                                                           <pay-checkout> needs for the configured providers
  pay-checkout-server hash-password                        read a password from stdin (not echoed) and print
                                                           its ADMIN_PASSWORD_HASH for the admin area

Every setting is an environment variable (CATALOG, PORT, DATABASE_URL, STRIPE_SECRET_KEY, …);
see the README of @pay-checkout/server.`;

const {values, positionals} = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        catalog: {type: 'string'},
        port: {type: 'string'},
        nonce: {type: 'string'},
        key: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();

const env = {
  ...process.env,
  ...(values.catalog !== undefined && {CATALOG: values.catalog}),
  ...(values.port !== undefined && {PORT: values.port}),
};
const [command = 'start', ...rest] = positionals;

if (values.help) {
  console.log(USAGE);
} else if (command === 'start') {
  startServer(env).catch((error: unknown) => {
    console.error(startupFailure(error));
    process.exit(1);
  });
} else if (command === 'reconcile') {
  reconcileOnce(env, rest[0]).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(startupFailure(error));
      process.exit(1);
    }
  );
} else if (command === 'refund') {
  refundFromShell(env, rest, values.key).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(startupFailure(error));
      process.exit(1);
    }
  );
} else if (command === 'csp') {
  try {
    process.exitCode = printCheckoutPagePolicy(env, values.nonce);
  } catch (error) {
    console.error(startupFailure(error));
    process.exitCode = 1;
  }
} else if (command === 'hash-password') {
  printPasswordHash().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`hash-password: ${(error as Error).message}`);
      process.exit(1);
    }
  );
} else {
  console.error(`Unknown command: ${command}\n\n${USAGE}`);
  process.exit(2);
}

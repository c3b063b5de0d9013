/**
 * `pay-checkout-server csp` (`npm run csp`): prints the Content-Security-Policy header value a
 * checkout page needs for the providers this configuration offers, naming the companion
 * server's origin (PUBLIC_URL, or in development the local one) and, in development, the
 * emulators' origins. Explanations go to stderr, so `$(pay-checkout-server csp)` is the value.
 */
import {parseConfig, type ServerConfig} from './config.js';
import {checkoutPagePolicy, NONCE_PLACEHOLDER} from './csp.js';
import {emulatorOrigin, emulatorPorts} from './emulator-ports.js';

interface CspLines {
  policy: string;
  notes: string[];
}

/** The policy for `config`, or a ConfigError-like message when it cannot be known yet. */
export function checkoutPagePolicyFor(
  config: ServerConfig,
  nonce?: string
): CspLines {
  const notes: string[] = [];
  const ports = emulatorPorts(config.port);
  const needsEmulator =
    config.mode === 'development' && (!config.stripe || !config.paypal);
  if (!config.publicUrl && config.port === 0) {
    throw new Error(
      'csp: with PORT=0 the server picks its port when it starts; set PORT (or PUBLIC_URL) to name it.'
    );
  }
  if (needsEmulator && ports.stripe === 0) {
    throw new Error(
      'csp: the emulators listen on PORT+1 and PORT+2; set a PORT below 65534.'
    );
  }
  // The companion server: its public URL, or in development the loopback names of its port.
  const server = config.publicUrl
    ? [new URL(config.publicUrl).origin]
    : [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];

  const development = config.mode === 'development';
  const stripe = config.stripe
    ? {}
    : development
      ? {jsUrl: `${emulatorOrigin(ports.stripe)}/js/stripe.js`}
      : undefined;
  const paypal = config.paypal
    ? {}
    : development
      ? {sdkBaseUrl: `${emulatorOrigin(ports.paypal)}/sdk/js`}
      : undefined;

  notes.push(
    `# ${config.mode} mode: the companion server at ${server.join(' and ')}` +
      `; Stripe ${stripe ? (stripe.jsUrl ? `emulator at ${new URL(stripe.jsUrl).origin}` : 'js.stripe.com') : 'not offered'}` +
      `; PayPal ${paypal ? (paypal.sdkBaseUrl ? `emulator at ${new URL(paypal.sdkBaseUrl).origin}` : 'PayPal JS SDK') : 'not offered'}.`
  );
  if (paypal && !nonce) {
    notes.push(
      `# Replace ${NONCE_PLACEHOLDER} with a new random value (16+ bytes, base64) in every response, and give the element the same value:`,
      '#   <pay-checkout nonce="…">  or  <meta property="csp-nonce" content="…">',
      "# PayPal's SDK adds <style> elements that need it."
    );
  }
  return {policy: checkoutPagePolicy({server, stripe, paypal, nonce}), notes};
}

/** Resolves to the exit code. */
export function printCheckoutPagePolicy(
  env: NodeJS.ProcessEnv,
  nonce?: string
): number {
  if (nonce !== undefined && !/^[A-Za-z0-9+/=_-]{8,}$/.test(nonce)) {
    console.error('csp: --nonce must be 8 or more base64 characters.');
    return 2;
  }
  let lines: CspLines;
  try {
    lines = checkoutPagePolicyFor(parseConfig(env), nonce);
  } catch (error) {
    if ((error as Error).name === 'ConfigError') throw error;
    console.error((error as Error).message);
    return 2;
  }
  for (const note of lines.notes) console.error(note);
  console.log(lines.policy);
  return 0;
}

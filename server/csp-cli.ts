/**
 * `pay-checkout-server csp` (`npm run csp`): prints the Content-Security-Policy header value a
 * checkout page needs for the providers this configuration offers, naming the companion
 * server's origin (PUBLIC_URL, or in development the local one) and, in development, the
 * emulators' origins. Explanations go to stderr, so `$(pay-checkout-server csp)` is the value.
 */
import {listed, parseConfig, type ServerConfig} from './config.js';
import {checkoutPagePolicy, NONCE_PLACEHOLDER} from './csp.js';
import {emulatorOrigin, emulatorPorts} from './emulator-ports.js';
import {configuredPage, type PageLoad} from './providers/command-line.js';
import {definitionOf, GATEWAY_NAMES} from './providers/registry.js';

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
  const development = config.mode === 'development';
  const needsEmulator =
    development && GATEWAY_NAMES.some((name) => !config[name]);
  if (!config.publicUrl && config.port === 0) {
    throw new Error(
      'csp: with PORT=0 the server picks its port when it starts; set PORT (or PUBLIC_URL) to name it.'
    );
  }
  if (needsEmulator && ports[GATEWAY_NAMES[0]!] === 0) {
    const offsets = GATEWAY_NAMES.map((_, i) => `PORT+${i + 1}`);
    throw new Error(
      `csp: the emulators listen on ${listed(offsets)}; set a PORT below ${65536 - GATEWAY_NAMES.length}.`
    );
  }
  // The companion server: its public URL, or in development the loopback names of its port.
  const server = config.publicUrl
    ? [new URL(config.publicUrl).origin]
    : [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];

  // Each gateway: its own origins when configured, its emulator's in development, else none.
  const pages = GATEWAY_NAMES.map((name): PageLoad | undefined => {
    const {node} = definitionOf(name);
    if (config[name]) return configuredPage(node, config[name]);
    return development
      ? node.emulator.page(emulatorOrigin(ports[name]))
      : undefined;
  });
  const offered = pages.filter((page) => page !== undefined);

  notes.push(
    `# ${config.mode} mode: the companion server at ${server.join(' and ')}` +
      GATEWAY_NAMES.map(
        (name, i) =>
          `; ${definitionOf(name).label} ${pages[i]?.from ?? 'not offered'}`
      ).join('') +
      '.'
  );
  const why = offered.flatMap((page) => page.policy.nonce?.why ?? []);
  if (why.length && !nonce) {
    notes.push(
      `# Replace ${NONCE_PLACEHOLDER} with a new random value (16+ bytes, base64) in every response, and give the element the same value:`,
      '#   <pay-checkout nonce="…">  or  <meta property="csp-nonce" content="…">',
      ...why.map((sentence) => `# ${sentence}`)
    );
  }
  const gateways = offered.map((page) => page.policy);
  return {policy: checkoutPagePolicy({server, gateways, nonce}), notes};
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

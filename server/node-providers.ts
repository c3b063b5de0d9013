/**
 * The payment gateways a Node server offers, by mode, each in the registry's order:
 * - a gateway with its keys or credentials talks to them (its API, or any compatible one);
 * - development: a gateway without them is replaced by its offline emulator
 *   (`@pay-checkout/emulators`, an optional dependency), on PORT+1, PORT+2, … in the registry's
 *   order (emulator-ports.ts), so a checkout page's Content Security Policy can name them;
 * - production: a gateway without them is not offered, and no emulator is ever loaded.
 * How each starts, and its start-up lines, are its own (`node` in providers/<name>/command-line.ts).
 */
import {ConfigError, type ServerConfig} from './config.js';
import type {PagePolicySources} from './csp.js';
import {emulatorPorts} from './emulator-ports.js';
import {configuredPage} from './providers/command-line.js';
import {
  definitionOf,
  GATEWAY_NAMES,
  type GatewayProviders,
} from './providers/registry.js';

export interface Providers {
  /** Each offered gateway's settings, as createCheckoutServer takes them. */
  gateways: GatewayProviders;
  /** What a checkout page loads for them (its policy's gateway part), in the registry's order. */
  browser: PagePolicySources[];
  /** One line per provider for the start-up banner. */
  lines: string[];
  close(): Promise<void>;
}

/** `port` is the one the server listens on: emulators deliver their webhooks there. */
export async function startProviders(
  config: ServerConfig,
  port: number
): Promise<Providers> {
  const development = config.mode === 'development';
  const needEmulators =
    development && GATEWAY_NAMES.some((name) => !config[name]);
  const emulators = needEmulators ? await loadEmulators() : undefined;
  const ports = emulatorPorts(config.port);

  const gateways: Record<string, unknown> = {};
  const browser: PagePolicySources[] = [];
  const lines: string[] = [];
  const running: Array<() => Promise<void>> = [];
  for (const name of GATEWAY_NAMES) {
    const {label, node} = definitionOf(name);
    const settings = config[name];
    if (settings) {
      const started = node.configured(settings);
      gateways[name] = started.settings;
      browser.push(configuredPage(node, settings).policy);
      lines.push(...started.lines);
    } else if (emulators) {
      const started = await node.emulator.start(emulators, {
        port: ports[name],
        webhookUrl: `http://127.0.0.1:${port}/api/webhooks/${name}`,
      });
      running.push(started.close);
      gateways[name] = started.settings;
      browser.push(started.page.policy);
      lines.push(...started.lines);
    } else {
      lines.push(
        `${label}: not configured, so not offered (no emulator in production)`
      );
    }
  }

  return {
    gateways: gateways as GatewayProviders,
    browser,
    lines,
    async close() {
      for (const close of running) await close();
    },
  };
}

/** The gateways `config` configures, without emulators (the reconcile command). */
export function configuredProviders(config: ServerConfig): GatewayProviders {
  const gateways: Record<string, unknown> = {};
  for (const name of GATEWAY_NAMES) {
    const settings = config[name];
    if (settings)
      gateways[name] = definitionOf(name).node.configured(settings).settings;
  }
  return gateways as GatewayProviders;
}

/** The emulators are an optional dependency: development without keys needs them, nothing else. */
async function loadEmulators() {
  try {
    return await import('@pay-checkout/emulators');
  } catch (error) {
    if ((error as {code?: string}).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const labels = GATEWAY_NAMES.map((name) => definitionOf(name).label);
    const keys = GATEWAY_NAMES.map(
      (name) => `${definitionOf(name).env.credentials[0]}…`
    );
    throw new ConfigError([
      `No keys are set for ${labels.join(' or ')}, and @pay-checkout/emulators (the offline providers for development) is not installed. Install it, or set ${keys.join(' / ')} (see the README).`,
    ]);
  }
}

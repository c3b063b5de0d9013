import type {PaymentProvider} from './contract.js';
import {GATEWAY_NAMES} from './providers/registry.js';

/**
 * In development the emulators listen next to the server, on fixed ports a checkout page's
 * Content Security Policy can name: PORT+1, PORT+2, … for the gateways in the registry's order.
 * With PORT=0 (tests) every port is a free one, chosen at start.
 */
export function emulatorPorts(port: number): Record<PaymentProvider, number> {
  const free = port === 0 || port + GATEWAY_NAMES.length > 65535;
  return Object.fromEntries(
    GATEWAY_NAMES.map((name, i) => [name, free ? 0 : port + 1 + i])
  ) as Record<PaymentProvider, number>;
}

/** The emulators' loopback origins (`http://127.0.0.1:<port>`), where they listen. */
export function emulatorOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

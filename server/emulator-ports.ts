/**
 * In development the emulators listen next to the server, on fixed ports a checkout page's
 * Content Security Policy can name: PORT+1 for Stripe, PORT+2 for PayPal. With PORT=0 (tests)
 * every port is a free one, chosen at start.
 */
export function emulatorPorts(port: number): {stripe: number; paypal: number} {
  if (port === 0 || port + 2 > 65535) return {stripe: 0, paypal: 0};
  return {stripe: port + 1, paypal: port + 2};
}

/** The emulators' loopback origins (`http://127.0.0.1:<port>`), where they listen. */
export function emulatorOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

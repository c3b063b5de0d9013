/** Whether a hostname is this machine: plain http is allowed only there. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * Parses a provider API base (STRIPE_API_BASE, PAYPAL_API_BASE). https anywhere; http only on
 * loopback, where the emulators live: secrets never cross a network in clear text.
 */
export function parseApiBase(value: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} must be a URL, got "${value}"`);
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && isLoopbackHost(url.hostname))
  ) {
    throw new Error(
      `${variable} must use https (plain http is allowed only for loopback addresses), got "${value}"`
    );
  }
  return url;
}

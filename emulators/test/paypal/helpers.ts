/** What the PayPal emulator's suites share: calls made the way the companion server makes them. */
import type {RunningPaypalEmulator} from '../../paypal/index.js';

/**
 * A REST call with a server access token (client credentials first, as the companion server
 * does): POST with a JSON body, or GET without one.
 */
export async function serverCall(
  emulator: RunningPaypalEmulator,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  method: 'GET' | 'POST' | 'PATCH' = body === undefined ? 'GET' : 'POST'
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{status: number; body: any}> {
  const token = await fetch(`${emulator.url}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`${emulator.clientId}:${emulator.clientSecret}`)}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  }).then((r) => r.json() as Promise<{access_token: string}>);
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token.access_token}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // PATCH answers 204 No Content.
  const text = await response.text();
  return {status: response.status, body: text ? JSON.parse(text) : undefined};
}
